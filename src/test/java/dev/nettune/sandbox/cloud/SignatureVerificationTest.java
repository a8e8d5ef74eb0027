package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server verifies HMAC-SHA1 signatures exactly as the SDK computes them, and refuses the rest with the real codes. */
class SignatureVerificationTest {
    private final SandboxSdk sdk = new SandboxSdk();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void aWrongSecretIsReportedBySdkAsInvalidSecretBecauseBothSidesSignedTheSameString() {
        DefaultAcsClient wrong = sdk.client(SandboxSdk.KEYS.accessKeyId(), "not-the-secret");

        // The SDK compares the server's "string to sign" hint with its own; equal strings mean a wrong secret.
        assertThatThrownBy(() -> sdk.call(wrong, new DescribeRegionsRequest()))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret"));
    }

    @Test
    void anUnknownAccessKeyIdAnswersInvalidAccessKeyIdNotFound() {
        DefaultAcsClient stranger = sdk.client("LTAI5tNobodyKnowsThis", "whatever");

        assertThatThrownBy(() -> sdk.call(stranger, new DescribeRegionsRequest()))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound"));
    }

    @Test
    void aTamperedParameterAnswersSignatureDoesNotMatchWithTheServerStringToSign() throws Exception {
        Map<String, String> params = signed("DescribeRegions", SandboxSdk.KEYS.accessKeySecret());
        params.put("RegionId", "cn-hangzhou");

        HttpResponse<String> response = get(params);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(body.path("Message").asText())
                .startsWith("Specified signature is not matched with our calculation. server string to sign is:GET&%2F&");
        assertThat(body.path("RequestId").asText()).matches("[0-9A-F-]{36}");
        assertThat(body.has("HostId")).isTrue();
        assertThat(body.path("Recommend").asText()).contains("SignatureDoesNotMatch");
    }

    @Test
    void aReusedNonceAnswersSignatureNonceUsed() throws Exception {
        Map<String, String> params = signed("DescribeRegions", SandboxSdk.KEYS.accessKeySecret());

        assertThat(get(params).statusCode()).isEqualTo(200);
        HttpResponse<String> again = get(params);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).path("Code").asText()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void aStaleTimestampAnswersInvalidTimeStampExpired() throws Exception {
        Map<String, String> params = unsigned("DescribeRegions");
        params.put("Timestamp", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        sign("GET", params, SandboxSdk.KEYS.accessKeySecret());

        HttpResponse<String> response = get(params);

        assertThat(json.readTree(response.body()).path("Code").asText()).isEqualTo("InvalidTimeStamp.Expired");
    }

    @Test
    void parametersInAFormBodyAreAcceptedAndSignedWithPost() throws Exception {
        Map<String, String> params = unsigned("DescribeRegions");
        sign("POST", params, SandboxSdk.KEYS.accessKeySecret());

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + sdk.server.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(params))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("Regions").path("Region").size()).isGreaterThan(1);
    }

    @Test
    void anUnknownActionAnswersInvalidActionNotFound() throws Exception {
        Map<String, String> params = signed("LaunchRockets", SandboxSdk.KEYS.accessKeySecret());

        HttpResponse<String> response = get(params);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("Code").asText()).isEqualTo("InvalidAction.NotFound");
    }

    @Test
    void theSignatureOfTheSdkDocumentationExampleIsReproduced() {
        // Alibaba Cloud's published RPC signing example (DescribeRegions, AK testid / secret testsecret).
        Map<String, String> params = new TreeMap<>(Map.of(
                "AccessKeyId", "testid", "Action", "DescribeRegions", "Format", "XML",
                "SignatureMethod", "HMAC-SHA1", "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0", "Timestamp", "2016-02-23T12:46:24Z", "Version", "2014-05-26"));

        String stringToSign = OpenApiSignature.stringToSign("GET", params);

        assertThat(stringToSign).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(OpenApiSignature.sign(stringToSign, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    private Map<String, String> unsigned(String action) {
        Map<String, String> params = new TreeMap<>();
        params.put("Action", action);
        params.put("Version", "2014-05-26");
        params.put("Format", "JSON");
        params.put("RegionId", "cn-hongkong");
        params.put("AccessKeyId", SandboxSdk.KEYS.accessKeyId());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return params;
    }

    private Map<String, String> signed(String action, String secret) {
        Map<String, String> params = unsigned(action);
        sign("GET", params, secret);
        return params;
    }

    private static void sign(String method, Map<String, String> params, String secret) {
        params.put("Signature", OpenApiSignature.sign(OpenApiSignature.stringToSign(method, params), secret));
    }

    private HttpResponse<String> get(Map<String, String> params) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + sdk.server.endpoint() + "/?" + query(params))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> OpenApiSignature.percentEncode(e.getKey()) + "=" + OpenApiSignature.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
