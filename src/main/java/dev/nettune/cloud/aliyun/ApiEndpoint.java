package dev.nettune.cloud.aliyun;

import dev.nettune.cloud.CloudInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** An OpenAPI endpoint override ({@code --endpoint URL}): host[:port] and whether it speaks plain HTTP. */
public record ApiEndpoint(String hostAndPort, boolean plainHttp) {
    public ApiEndpoint {
        if (hostAndPort == null || hostAndPort.isBlank() || hostAndPort.contains("/") || hostAndPort.contains(" ")) {
            throw new CloudInputException("'" + hostAndPort + "' is not an endpoint host: give host or host:port.");
        }
    }

    /** Parses {@code http://127.0.0.1:8080}, {@code https://ecs-vpc.cn-hongkong.aliyuncs.com} or a bare host (HTTPS). */
    public static ApiEndpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CloudInputException("The endpoint is empty: give a URL such as https://ecs-vpc.cn-hongkong.aliyuncs.com or http://127.0.0.1:8080.");
        }
        String t = text.strip();
        if (!t.contains("://")) {
            return new ApiEndpoint(t, false);
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new CloudInputException("'" + text + "': the endpoint must be an http:// or https:// URL.");
            }
            if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
                throw new CloudInputException("'" + text + "': give only scheme, host and port (no path), e.g. http://127.0.0.1:8080.");
            }
            return new ApiEndpoint(uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""), scheme.equals("http"));
        } catch (URISyntaxException e) {
            throw new CloudInputException("'" + text + "' is not a URL: " + e.getReason() + ".");
        }
    }

    public String url() {
        return (plainHttp ? "http://" : "https://") + hostAndPort;
    }

    @Override
    public String toString() {
        return url();
    }
}
