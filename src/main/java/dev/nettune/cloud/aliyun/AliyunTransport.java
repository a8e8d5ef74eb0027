package dev.nettune.cloud.aliyun;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.InstanceProfileCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.CloudApiException;
import dev.nettune.cloud.CloudCall;
import dev.nettune.cloud.PlanNames;
import dev.nettune.cloud.RegionId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How {@link AliyunCloudApi}'s requests reach Alibaba Cloud: the SDK client and its credentials (a RAM role assumed
 * at the same endpoint as every other request), the endpoint override set on each request (so no global SDK state
 * changes), throttling and transient errors retried with backoff and jitter, and errors with every secret redacted.
 */
final class AliyunTransport implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ECS_VERSION = "2014-05-26";
    private static final String VPC_VERSION = "2016-04-28";

    private final DefaultAcsClient client;
    private final Optional<ApiEndpoint> endpoint;
    /** The AccessKey ids whose full text must never appear in a message (the SDK puts its signed URL in errors). */
    private final List<String> secretsInMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The region of the request being sent: STS is asked in the same region (sts.REGION.aliyuncs.com). */
    private volatile RegionId currentRegion = RegionId.of("cn-hongkong");
    private final RetryPolicy retry;
    private final Consumer<String> retryListener;

    AliyunTransport(CloudCredentials credentials, Optional<ApiEndpoint> endpoint, RetryPolicy retry, Consumer<String> retryListener) {
        // The profile's region is only the SDK's default; every request names its own region.
        DefaultProfile profile = DefaultProfile.getProfile("cn-hongkong");
        this.client = new DefaultAcsClient(profile, provider(credentials, profile, endpoint));
        rememberSecrets(credentials);
        // Retries are ours (bounded, with jitter, visible); the SDK's own would hide them.
        this.client.setAutoRetry(false);
        this.endpoint = endpoint;
        this.retry = retry;
        this.retryListener = retryListener;
    }

    Optional<ApiEndpoint> endpoint() {
        return endpoint;
    }

    private void rememberSecrets(CloudCredentials c) {
        if (c instanceof CloudCredentials.AccessKey k) {
            secretsInMessages.add(k.accessKeyId());
            secretsInMessages.add(k.accessKeySecret());
        } else if (c instanceof CloudCredentials.StsToken t) {
            secretsInMessages.add(t.accessKeyId());
            secretsInMessages.add(t.accessKeySecret());
            secretsInMessages.add(t.securityToken());
        } else if (c instanceof CloudCredentials.RamRoleArn r) {
            secretsInMessages.add(r.accessKeyId());
            secretsInMessages.add(r.accessKeySecret());
        }
        secretsInMessages.removeIf(x -> x == null || x.length() < 4);
    }

    /**
     * A message safe to show: every AccessKey id (and any temporary one in a signed URL) cut to its last four
     * characters, signatures and security tokens removed.
     */
    String redact(String message) {
        if (message == null) {
            return "";
        }
        String m = message;
        for (String secret : secretsInMessages) {
            m = m.replace(secret, CloudCredentials.mask(secret));
        }
        java.util.regex.Matcher k = java.util.regex.Pattern.compile("(AccessKeyId=)([^&\\s\"]+)").matcher(m);
        m = k.replaceAll(r -> r.group(1) + java.util.regex.Matcher.quoteReplacement(
                r.group(2).startsWith("****") ? r.group(2) : CloudCredentials.mask(r.group(2))));
        m = m.replaceAll("(Signature|SecurityToken)=[^&\\s\"]+", "$1=****");
        // A signed URL's query says nothing a person needs: the endpoint is enough.
        return m.replaceAll("(https?://[^/\\s?\"]+/?)\\?[^\\s\"]*", "$1");
    }

    private AlibabaCloudCredentialsProvider provider(CloudCredentials c, DefaultProfile profile, Optional<ApiEndpoint> endpoint) {
        if (c instanceof CloudCredentials.AccessKey k) {
            return new StaticCredentialsProvider(new BasicCredentials(k.accessKeyId(), k.accessKeySecret()));
        }
        if (c instanceof CloudCredentials.StsToken s) {
            return new StaticCredentialsProvider(new BasicSessionCredentials(s.accessKeyId(), s.accessKeySecret(), s.securityToken()));
        }
        if (c instanceof CloudCredentials.RamRoleArn r) {
            return new AssumeRole(r, profile, endpoint);
        }
        return new InstanceProfileCredentialsProvider(((CloudCredentials.EcsRamRole) c).roleName());
    }

    /**
     * RamRoleArn: AssumeRole with the long-term key, asked where every other request goes: the --endpoint
     * override when there is one (a private or local endpoint), else the STS endpoint of the request's region.
     * The SDK's own provider always asked the public sts.aliyuncs.com over HTTPS.
     */
    private final class AssumeRole implements AlibabaCloudCredentialsProvider {
        private final CloudCredentials.RamRoleArn role;
        private final DefaultAcsClient sts;
        private final Optional<ApiEndpoint> endpoint;
        private BasicSessionCredentials cached;

        AssumeRole(CloudCredentials.RamRoleArn role, DefaultProfile profile, Optional<ApiEndpoint> endpoint) {
            this.role = role;
            this.endpoint = endpoint;
            this.sts = new DefaultAcsClient(profile, new StaticCredentialsProvider(new BasicCredentials(role.accessKeyId(), role.accessKeySecret())));
            this.sts.setAutoRetry(false);
        }

        @Override
        public synchronized com.aliyuncs.auth.AlibabaCloudCredentials getCredentials() throws ClientException {
            if (cached != null && !cached.willSoonExpire()) {
                return cached;
            }
            com.aliyuncs.auth.sts.AssumeRoleRequest r = new com.aliyuncs.auth.sts.AssumeRoleRequest();
            r.setRoleArn(role.roleArn());
            r.setRoleSessionName(role.sessionName() == null || role.sessionName().isBlank() ? "nettune" : role.sessionName());
            r.setDurationSeconds(3600L);
            r.setSysRegionId(currentRegion.value());
            if (endpoint.isPresent()) {
                r.setSysEndpoint(endpoint.get().hostAndPort());
                r.setSysProtocol(endpoint.get().plainHttp() ? ProtocolType.HTTP : ProtocolType.HTTPS);
            } else {
                r.setSysEndpoint("sts." + currentRegion.value() + ".aliyuncs.com");
                r.setSysProtocol(ProtocolType.HTTPS);
            }
            com.aliyuncs.auth.sts.AssumeRoleResponse.Credentials c = sts.getAcsResponse(r).getCredentials();
            cached = new BasicSessionCredentials(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken(), 3600L);
            secretsInMessages.add(c.getAccessKeyId());
            secretsInMessages.add(c.getSecurityToken());
            return cached;
        }
    }

    <T extends AcsResponse> T call(RegionId region, AcsRequest<T> request) {
        currentRegion = region;
        request.setSysRegionId(region.value());
        endpoint.ifPresent(e -> {
            request.setSysEndpoint(e.hostAndPort());
            request.setSysProtocol(e.plainHttp() ? ProtocolType.HTTP : ProtocolType.HTTPS);
        });
        return withRetries(request.getSysActionName(), () -> client.getAcsResponse(request));
    }

    /**
     * Sends a step's request exactly as {@link CloudActionWire} spells it (the plan shows the same
     * parameters), and returns the API's answer.
     */
    JsonNode send(CloudAction step) {
        CloudCall call = step.toCall(new PlanNames());
        String version = switch (call.product()) {
            case "ecs" -> ECS_VERSION;
            case "vpc" -> VPC_VERSION;
            default -> throw new IllegalArgumentException("No API version known for product " + call.product() + ".");
        };
        CommonRequest r = common(step.region(), call.product(), version, call.action());
        for (CloudCall.Param p : call.sent()) {
            if (p.variable()) {
                throw new IllegalStateException("The plan runner resolves " + p.name() + " before " + call.action() + " is sent.");
            }
            r.putQueryParameter(p.name(), p.value());
        }
        return json(callCommon(step.region(), r));
    }

    CommonRequest common(RegionId region, String product, String version, String action) {
        CommonRequest r = new CommonRequest();
        r.setSysMethod(MethodType.POST);
        r.setSysVersion(version);
        r.setSysAction(action);
        r.putQueryParameter("RegionId", region.value());
        if (endpoint.isPresent()) {
            r.setSysDomain(endpoint.get().hostAndPort());
            r.setSysProtocol(endpoint.get().plainHttp() ? ProtocolType.HTTP : ProtocolType.HTTPS);
        } else {
            r.setSysDomain(product + "." + region.value() + ".aliyuncs.com");
            r.setSysProtocol(ProtocolType.HTTPS);
        }
        return r;
    }

    String callCommon(RegionId region, CommonRequest request) {
        currentRegion = region;
        CommonResponse resp = withRetries(request.getSysAction(), () -> client.getCommonResponse(request));
        if (resp.getHttpStatus() >= 400) {
            JsonNode err = json(resp.getData());
            throw new CloudApiException(err.path("Code").asText("Unknown"), err.path("Message").asText(""), err.path("RequestId").asText(""),
                    resp.getHttpStatus());
        }
        return resp.getData();
    }

    private <T> T withRetries(String action, Callable<T> call) {
        for (int attempt = 1; ; attempt++) {
            CloudApiException error;
            try {
                return call.call();
            } catch (ClientException e) {
                // No cause: the SDK's exception text holds the signed URL with the whole AccessKeyId.
                error = new CloudApiException(e.getErrCode(), redact(e.getErrMsg()), e.getRequestId(), 0, null);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                error = new CloudApiException("SDK.ClientError", redact(e.getMessage()), "", 0, null);
            }
            if (!error.isTransient() || attempt >= retry.maxAttempts()) {
                throw error;
            }
            java.time.Duration wait = retry.delayAfter(attempt);
            retryListener.accept(action + " answered " + error.code() + " (" + error.requestId().orElse("no RequestId") + "); retry "
                    + attempt + " of " + (retry.maxAttempts() - 1) + " in " + wait.toMillis() + " ms");
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new CloudApiException("Cancelled", "Cancelled while waiting to retry " + action + " after " + error.code() + ".",
                        error.requestId().orElse(""), 0, error);
            }
        }
    }

    static JsonNode json(String data) {
        try {
            return JSON.readTree(data == null ? "{}" : data);
        } catch (IOException e) {
            throw new CloudApiException("SDK.InvalidResponse", "The answer is not JSON: " + e.getMessage(), "", 0, e);
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
