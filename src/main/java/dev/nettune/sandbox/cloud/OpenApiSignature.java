package dev.nettune.sandbox.cloud;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The RPC-style OpenAPI signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), computed exactly
 * as aliyun-java-sdk-core builds it, so that the server can verify what the real SDK sends.
 */
public final class OpenApiSignature {
    private OpenApiSignature() {
    }

    /** The SDK's percent-encoding: URL form encoding with space as %20, * as %2A and ~ left alone. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** Sorted {@code key=value} pairs, each side percent-encoded, joined by {@code &}; Signature itself excluded. */
    public static String canonicalizedQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !"Signature".equals(e.getKey()))
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** {@code METHOD&%2F&percentEncode(canonicalized query)}. */
    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery(parameters));
    }

    /** Base64 of HMAC-SHA1 over the string to sign with the key {@code secret + "&"}. */
    public static String sign(String stringToSign, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK; this JDK lacks it", e);
        }
    }
}
