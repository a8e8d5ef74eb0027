package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server that speaks the ECS (2014-05-26) and VPC (2016-04-28) OpenAPI the way
 * aliyun-java-sdk-core sends it: RPC style, parameters in the query (or a form body), HMAC-SHA1
 * signatures verified against configured AccessKey pairs, JSON answers shaped like the real ones with
 * an upper-case UUID RequestId, and the real error codes. Listens on 127.0.0.1 only.
 *
 * <p>Point the SDK at it per request with {@code setSysEndpoint(server.endpoint())} and
 * {@code setSysProtocol(ProtocolType.HTTP)}.
 */
public final class LocalOpenApiServer implements AutoCloseable {
    public static final String ECS_VERSION = "2014-05-26";
    public static final String VPC_VERSION = "2016-04-28";
    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);
    private static final int NONCES_KEPT = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(LocalOpenApiServer.class);

    private final SimulatedCloud cloud;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> securityTokens = new ConcurrentHashMap<>();
    private final java.util.Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final FaultInjector faults = new FaultInjector();
    private final Map<String, Map<String, ApiHandler>> handlersByVersion = new LinkedHashMap<>();
    private final Map<String, Boolean> usedNonces = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > NONCES_KEPT;
        }
    };
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger calls = new AtomicInteger();
    /** Runs Cloud Assistant scripts off the HTTP threads: RunCommand answers at once, as the real one does. */
    private final ExecutorService agentWorkers = Executors.newFixedThreadPool(16, daemonThreads("openapi-sandbox-agent"));
    private volatile Clock requestClock = Clock.systemUTC();
    private HttpServer http;
    private ExecutorService workers;
    private ScheduledExecutorService ticker;

    public LocalOpenApiServer(SimulatedCloud cloud, SandboxCredentials... accepted) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        for (SandboxCredentials credentials : accepted) {
            addCredentials(credentials);
        }
        Map<String, ApiHandler> ecs = new LinkedHashMap<>(new EcsApi(cloud).handlers());
        ecs.putAll(new EcsCloudAssistantApi(cloud, agentWorkers).handlers());
        handlersByVersion.put(ECS_VERSION, ecs);
        handlersByVersion.put(VPC_VERSION, new VpcApi(cloud).handlers());
    }

    /**
     * Starts the demo: the seeded region set (cn-hongkong with the sandbox instance), transitions that
     * take {@code 1.5 s} like a real attach, on a free port, accepting {@link SandboxCredentials#DEMO}.
     */
    public static LocalOpenApiServer startDemo() {
        return startDemo(0, Duration.ofMillis(1500));
    }

    /** The demo on a chosen port (0: any free one) with a chosen transition time. */
    public static LocalOpenApiServer startDemo(int port, Duration transitionDelay) {
        SimulatedCloud cloud = DemoSeed.create(Clock.systemUTC());
        cloud.setTransitionDelay(transitionDelay);
        LocalOpenApiServer server = new LocalOpenApiServer(cloud, SandboxCredentials.DEMO);
        server.start(port);
        return server;
    }

    public void addCredentials(SandboxCredentials credentials) {
        secrets.put(credentials.accessKeyId(), credentials.accessKeySecret());
    }

    /** Accepts an STS key pair (an {@code STS.} id) only together with its SecurityToken. */
    public void addStsCredentials(SandboxCredentials credentials, String securityToken) {
        Objects.requireNonNull(securityToken, "securityToken");
        addCredentials(credentials);
        securityTokens.put(credentials.accessKeyId(), securityToken);
    }

    /** From now on calls with this SecurityToken answer InvalidSecurityToken.Expired. */
    public void expireSecurityToken(String securityToken) {
        expiredTokens.add(securityToken);
    }

    /** The clock the Timestamp parameter is checked against (the SDK stamps wall-clock time). */
    public void setRequestClock(Clock clock) {
        this.requestClock = Objects.requireNonNull(clock, "clock");
    }

    public SimulatedCloud cloud() {
        return cloud;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Calls answered or refused since start (tests use it to see whether a client retried). */
    public int callCount() {
        return calls.get();
    }

    /** One authenticated call as the server received it: action, parameters (no signature or token), the HTTP status answered (0: dropped). */
    public record ReceivedCall(String action, Map<String, String> parameters, int httpStatus) {
        public ReceivedCall {
            parameters = Map.copyOf(parameters);
        }

        /** A parameter's value, or null when the call did not carry it. */
        public String parameter(String name) {
            return parameters.get(name);
        }
    }

    private static final int CALLS_KEPT = 10_000;
    private final java.util.Deque<ReceivedCall> received = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** The authenticated calls received so far, oldest first (the last 10,000): what a client really sent. */
    public List<ReceivedCall> received() {
        return List.copyOf(received);
    }

    /** The received calls of one action, oldest first. */
    public List<ReceivedCall> received(String action) {
        return received.stream().filter(c -> c.action().equals(action)).toList();
    }

    private void record(Map<String, String> params, int status) {
        Map<String, String> kept = new java.util.TreeMap<>(params);
        for (String secretish : new String[] {"Signature", "SignatureNonce", "SecurityToken"}) {
            kept.remove(secretish);
        }
        received.addLast(new ReceivedCall(params.getOrDefault("Action", ""), kept, status));
        while (received.size() > CALLS_KEPT) {
            received.pollFirst();
        }
    }

    /** Binds 127.0.0.1 on {@code port} (0: any free port) and starts answering. */
    public synchronized LocalOpenApiServer start(int port) {
        if (http != null) {
            throw new IllegalStateException("the server is already running on " + endpoint());
        }
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        workers = Executors.newFixedThreadPool(4, daemonThreads("openapi-sandbox-http"));
        http.setExecutor(workers);
        http.createContext("/", this::serve);
        http.start();
        ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("openapi-sandbox-transitions"));
        ticker.scheduleWithFixedDelay(cloud::applyDueTransitions, 20, 20, TimeUnit.MILLISECONDS);
        LOG.info("Local OpenAPI server listening on {}", endpoint());
        return this;
    }

    /** {@code 127.0.0.1:PORT}, the value for the SDK's setSysEndpoint. */
    public synchronized String endpoint() {
        if (http == null) {
            throw new IllegalStateException("the server is not running; call start first");
        }
        return "127.0.0.1:" + http.getAddress().getPort();
    }

    public synchronized int port() {
        if (http == null) {
            throw new IllegalStateException("the server is not running; call start first");
        }
        return http.getAddress().getPort();
    }

    public synchronized void stop() {
        if (http == null) {
            return;
        }
        http.stop(0);
        workers.shutdownNow();
        ticker.shutdownNow();
        http = null;
    }

    @Override
    public void close() {
        stop();
    }

    // ---- the protocol -------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, String> params = Map.of();
        boolean authenticated = false;
        int status = 500;
        try {
            params = parameters(exchange);
            authenticate(exchange.getRequestMethod(), params);
            authenticated = true;
            ApiRequest request = new ApiRequest(params);
            Optional<FaultInjector.Action> fault = faults.take(request.action());
            pause(faults.responseDelay());
            if (fault.isPresent() && fault.get() instanceof FaultInjector.Drop) {
                // The JDK server closes the connection, answer-less, when a handler throws.
                throw new DroppedConnection();
            }
            if (fault.isPresent() && fault.get() instanceof FaultInjector.Fail fail) {
                throw new OpenApiException(fail.httpStatus(), fail.code(), fail.message());
            }
            ApiHandler handler = handler(request);
            cloud.applyDueTransitions();
            ObjectNode body = json.createObjectNode();
            body.put("RequestId", requestId);
            synchronized (cloud) {
                handler.handle(request, body);
            }
            status = 200;
            // Recorded before the answer leaves: a client that reads received() right after its call must find it.
            record(params, status);
            authenticated = false;
            send(exchange, 200, body, params);
            LOG.debug("{} {} -> 200 {}", params.get("Version"), params.get("Action"), requestId);
        } catch (OpenApiException e) {
            status = e.httpStatus();
            if (authenticated) {
                record(params, status);
                authenticated = false;
            }
            send(exchange, e.httpStatus(), error(requestId, params, e), params);
            // Never the parameters: they carry the signature (and, for STS keys, the token).
            LOG.debug("{} {} -> {} {} {}", params.get("Version"), params.get("Action"), e.httpStatus(), e.code(), requestId);
        } catch (DroppedConnection e) {
            status = 0;
            exchange.close();
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Local OpenAPI server failed on {}", params.get("Action"), e);
            if (authenticated) {
                record(params, 500);
                authenticated = false;
            }
            send(exchange, 500, error(requestId, params, new OpenApiException(500, "InternalError",
                    "The request processing has failed due to some unknown error, exception or failure.")), params);
        } finally {
            if (authenticated) {
                record(params, status);
            }
            cloud.fireQueuedEvents();
        }
    }

    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("fault injection: connection dropped without an answer", null, false, false);
        }
    }

    private ApiHandler handler(ApiRequest request) {
        String version = request.optional("Version").orElseThrow(() -> OpenApiException.missingParameter("Version"));
        Map<String, ApiHandler> handlers = handlersByVersion.get(version);
        if (handlers == null) {
            throw new OpenApiException(400, "InvalidVersion", "Specified parameter Version is not valid.");
        }
        ApiHandler handler = handlers.get(request.action());
        if (handler == null) {
            throw new OpenApiException(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
        }
        return handler;
    }

    private void authenticate(String method, Map<String, String> params) {
        for (String name : new String[] {"Action", "AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "Timestamp"}) {
            String value = params.get(name);
            if (value == null || value.isEmpty()) {
                throw OpenApiException.missingParameter(name);
            }
        }
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod"))) {
            throw new OpenApiException(400, "InvalidSignatureMethod", "Specified signature method is not valid: only HMAC-SHA1 is accepted.");
        }
        String signatureVersion = params.getOrDefault("SignatureVersion", "1.0");
        if (!"1.0".equals(signatureVersion)) {
            throw new OpenApiException(400, "InvalidSignatureVersion", "Specified signature version is not valid: only 1.0 is accepted.");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(params.get("Timestamp"));
        } catch (DateTimeParseException e) {
            throw new OpenApiException(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }
        String secret = secrets.get(params.get("AccessKeyId"));
        if (secret == null) {
            throw new OpenApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        String stringToSign = OpenApiSignature.stringToSign(method.toUpperCase(Locale.ROOT), params);
        String expected = OpenApiSignature.sign(stringToSign, secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), params.get("Signature").getBytes(StandardCharsets.UTF_8))) {
            throw new OpenApiException(400, "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
        }
        String expectedToken = securityTokens.get(params.get("AccessKeyId"));
        if (expectedToken != null) {
            String token = params.get("SecurityToken");
            if (token == null || token.isEmpty()) {
                throw new OpenApiException(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");
            }
            if (expiredTokens.contains(token)) {
                throw new OpenApiException(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
            }
            if (!expectedToken.equals(token)) {
                throw new OpenApiException(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");
            }
        }
        Instant now = requestClock.instant();
        if (Duration.between(timestamp, now).abs().compareTo(TIMESTAMP_WINDOW) > 0) {
            throw new OpenApiException(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
        synchronized (usedNonces) {
            if (usedNonces.putIfAbsent(params.get("AccessKeyId") + "/" + params.get("SignatureNonce"), Boolean.TRUE) != null) {
                throw new OpenApiException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
            }
        }
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        addFormEncoded(params, exchange.getRequestURI().getRawQuery());
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (body.length > 0 && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                addFormEncoded(params, new String(body, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void addFormEncoded(Map<String, String> params, String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    private ObjectNode error(String requestId, Map<String, String> params, OpenApiException e) {
        String version = params.getOrDefault("Version", ECS_VERSION);
        boolean vpc = VPC_VERSION.equals(version);
        String product = vpc ? "Vpc" : "Ecs";
        String region = params.get("RegionId");
        ObjectNode body = json.createObjectNode();
        body.put("RequestId", requestId);
        body.put("HostId", (vpc ? "vpc" : "ecs") + (region == null ? "" : "." + region) + ".aliyuncs.com");
        body.put("Code", e.code());
        body.put("Message", e.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=" + product + "&requestId=" + requestId);
        return body;
    }

    private void send(HttpExchange exchange, int status, ObjectNode body, Map<String, String> params) throws IOException {
        boolean xml = "XML".equalsIgnoreCase(params.get("Format"));
        byte[] bytes;
        if (xml) {
            String root = status == 200 ? params.getOrDefault("Action", "") + "Response" : "Error";
            bytes = XmlAnswer.render(root, body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=utf-8");
        } else {
            bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        }
        exchange.getResponseHeaders().set("x-acs-request-id", body.path("RequestId").asText());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
