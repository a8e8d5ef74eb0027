package dev.nettune.cloud.aliyun;

import dev.nettune.cloud.CloudInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** An OpenAPI endpoint override ({@code --endpoint URL}): host[:port] and whether it speaks plain HTTP. */
public record ApiEndpoint(String hostAndPort, boolean plainHttp) {
    private static final java.util.regex.Pattern HOST_PORT = java.util.regex.Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    private static String clip(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s.replaceAll("\\p{Cntrl}", "?");
    }

    public ApiEndpoint {
        if (hostAndPort == null || !HOST_PORT.matcher(hostAndPort).matches()) {
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.endpoint.badHost", "'{0}' is not an endpoint host: give host or"
                    + " host:port (letters, digits, '.', '-'; port 1-65535), e.g. ecs-vpc.cn-hongkong.aliyuncs.com or 127.0.0.1:8080.",
                    clip(hostAndPort)));
        }
        int colon = hostAndPort.lastIndexOf(':');
        if (colon > 0 && !hostAndPort.endsWith("]")) {
            int port = Integer.parseInt(hostAndPort.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.endpoint.portOutOfRange", "Endpoint port {0} is out of range;"
                        + " allowed: 1 to 65535.", port));
            }
        }
    }

    /** Parses {@code http://127.0.0.1:8080}, {@code https://ecs-vpc.cn-hongkong.aliyuncs.com} or a bare host (HTTPS). */
    public static ApiEndpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.endpoint.empty", "The endpoint is empty: give a URL such as"
                    + " https://ecs-vpc.cn-hongkong.aliyuncs.com or http://127.0.0.1:8080."));
        }
        String t = text.strip();
        if (!t.contains("://")) {
            return new ApiEndpoint(t, false);
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.endpoint.scheme", "'{0}': the endpoint must be an http:// or"
                        + " https:// URL.", text));
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.endpoint.extra", "'{0}': give only scheme, host and port, e.g."
                        + " http://127.0.0.1:8080.", clip(text)));
            }
            if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.endpoint.path", "'{0}': give only scheme, host and port (no"
                        + " path), e.g. http://127.0.0.1:8080.", text));
            }
            return new ApiEndpoint(uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""), scheme.equals("http"));
        } catch (URISyntaxException e) {
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.endpoint.notUrl", "'{0}' is not a URL: {1}.", clip(text),
                    e.getReason()));
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
