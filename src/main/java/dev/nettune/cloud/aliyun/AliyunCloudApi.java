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
import com.aliyuncs.ecs.model.v20140526.DescribeCloudAssistantStatusRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeCloudAssistantStatusResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInvocationResultsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInvocationResultsResponse;
import com.aliyuncs.ecs.model.v20140526.RunCommandRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfaceAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfaceAttributeResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfacesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfacesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSecurityGroupAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeSecurityGroupAttributeResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSecurityGroupsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeSecurityGroupsResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vpc.model.v20160428.DescribeEipAddressesRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeEipAddressesResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.cloud.Cidr;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.CloudAssistantInvocation;
import dev.nettune.cloud.CloudApi;
import dev.nettune.cloud.CloudApiException;
import dev.nettune.cloud.CloudCall;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.CloudRegion;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.EipAllocationId;
import dev.nettune.cloud.EipBinding;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.EipTarget;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.InstanceTypeInfo;
import dev.nettune.cloud.IpProtocol;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.NetworkInterfaceRef;
import dev.nettune.cloud.PlanNames;
import dev.nettune.cloud.PortRange;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.SecurityGroup;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.SecurityGroupRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CloudApi} over the classic Alibaba Cloud SDK (aliyun-java-sdk-core/-ecs/-vpc): typed
 * requests wherever the SDK has the parameter, raw query parameters and the raw JSON answer where it
 * does not (EnhancedNetwork.EnableRss, RssSupport). An endpoint override applies per request, so
 * no global SDK state changes. Throttling and transient errors are retried with backoff and jitter.
 */
public final class AliyunCloudApi implements CloudApi, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AliyunCloudApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECS_VERSION = "2014-05-26";
    private static final String VPC_VERSION = "2016-04-28";

    private final DefaultAcsClient client;
    private final Optional<ApiEndpoint> endpoint;
    /** The AccessKey ids whose full text must never appear in a message (the SDK puts its signed URL in errors). */
    private final List<String> secretsInMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The region of the request being sent: STS is asked in the same region (sts.REGION.aliyuncs.com). */
    private volatile RegionId currentRegion = RegionId.of("cn-hongkong");
    private final RetryPolicy retry;
    private final Consumer<String> retryListener;

    public AliyunCloudApi(CloudCredentials credentials, Optional<ApiEndpoint> endpoint, RetryPolicy retry, Consumer<String> retryListener) {
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

    public AliyunCloudApi(CloudCredentials credentials, Optional<ApiEndpoint> endpoint) {
        this(credentials, endpoint, RetryPolicy.STANDARD, message -> LOG.info(message));
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

    @Override
    public String endpointDescription(RegionId region) {
        return endpoint.map(ApiEndpoint::url).orElse("https://ecs." + region + ".aliyuncs.com");
    }

    // ---- regions and instances ------------------------------------------------------------------

    @Override
    public List<CloudRegion> describeRegions(RegionId region) {
        DescribeRegionsRequest r = new DescribeRegionsRequest();
        r.setAcceptLanguage("en-US");
        return call(region, r).getRegions().stream().map(g -> new CloudRegion(RegionId.of(g.getRegionId()), g.getLocalName())).toList();
    }

    @Override
    public List<CloudInstance> describeInstances(RegionId region) {
        return describeAllInstances(region, r -> { });
    }

    /** Every page of DescribeInstances (100 a page, following NextToken), each request shaped by {@code filter}. */
    private List<CloudInstance> describeAllInstances(RegionId region, Consumer<DescribeInstancesRequest> filter) {
        List<CloudInstance> out = new ArrayList<>();
        String next = null;
        do {
            DescribeInstancesRequest r = new DescribeInstancesRequest();
            r.setMaxResults(100);
            filter.accept(r);
            if (next != null) {
                r.setNextToken(next);
            }
            DescribeInstancesResponse resp = call(region, r);
            resp.getInstances().forEach(i -> out.add(instance(i)));
            next = resp.getNextToken();
        } while (next != null && !next.isBlank());
        return out;
    }

    @Override
    public Optional<CloudInstance> describeInstance(RegionId region, InstanceId id) {
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        r.setInstanceIds("[\"" + id.value() + "\"]");
        return call(region, r).getInstances().stream().map(AliyunCloudApi::instance).findFirst();
    }

    private static CloudInstance instance(DescribeInstancesResponse.Instance i) {
        var vpc = i.getVpcAttributes();
        List<String> ips = vpc == null || vpc.getPrivateIpAddress() == null ? List.of() : vpc.getPrivateIpAddress();
        List<NetworkInterfaceId> enis = i.getNetworkInterfaces() == null ? List.of()
                : i.getNetworkInterfaces().stream().map(n -> NetworkInterfaceId.of(n.getNetworkInterfaceId())).toList();
        List<SecurityGroupId> groups = i.getSecurityGroupIds() == null ? List.of() : i.getSecurityGroupIds().stream().map(SecurityGroupId::of).toList();
        return new CloudInstance(InstanceId.of(i.getInstanceId()), i.getInstanceName(), i.getInstanceType(), i.getStatus(), i.getZoneId(),
                Optional.ofNullable(vpc).map(v -> v.getVpcId()).filter(s -> !s.isBlank()),
                Optional.ofNullable(vpc).map(v -> v.getVSwitchId()).filter(s -> !s.isBlank()),
                i.getImageId(), i.getOSNameEn() != null && !i.getOSNameEn().isBlank() ? i.getOSNameEn() : i.getOSName(), ips, enis, groups);
    }

    @Override
    public Optional<InstanceTypeInfo> describeInstanceType(RegionId region, String instanceType) {
        // RssSupport is in no typed response of the SDK version we use: read the raw answer.
        CommonRequest r = common(region, "ecs", ECS_VERSION, "DescribeInstanceTypes");
        r.putQueryParameter("InstanceTypes.1", instanceType);
        JsonNode root = json(callCommon(region, r));
        for (JsonNode t : list(root.path("InstanceTypes"), "InstanceType")) {
            if (instanceType.equals(t.path("InstanceTypeId").asText())) {
                JsonNode rss = t.has("RssSupport") ? t.get("RssSupport") : t.path("EnhancedNetwork").get("RssSupport");
                return Optional.of(new InstanceTypeInfo(instanceType,
                        rss == null || rss.isNull() ? Optional.empty() : Optional.of(rss.asBoolean()),
                        optInt(t, "EniQuantity"), optInt(t, "SecondaryEniQueueNumber"), optInt(t, "MaximumQueueNumberPerEni")));
            }
        }
        return Optional.empty();
    }

    @Override
    public void rebootInstance(RegionId region, InstanceId instance) {
        send(new CloudAction.RebootInstance(region, instance));
    }

    // ---- ENIs -----------------------------------------------------------------------------------

    @Override
    public List<NetworkInterface> describeNetworkInterfaces(RegionId region, Optional<InstanceId> instance) {
        List<NetworkInterface> out = new ArrayList<>();
        String next = null;
        do {
            DescribeNetworkInterfacesRequest r = new DescribeNetworkInterfacesRequest();
            r.setMaxResults(100);
            instance.ifPresent(i -> r.setInstanceId(i.value()));
            if (next != null) {
                r.setNextToken(next);
            }
            DescribeNetworkInterfacesResponse resp = call(region, r);
            for (DescribeNetworkInterfacesResponse.NetworkInterfaceSet n : resp.getNetworkInterfaceSets()) {
                var att = n.getAttachment();
                Optional<Integer> index = Optional.ofNullable(att).map(a -> a.getDeviceIndex());
                out.add(new NetworkInterface(NetworkInterfaceId.of(n.getNetworkInterfaceId()), n.getNetworkInterfaceName(), n.getStatus(), n.getType(),
                        Optional.ofNullable(n.getInstanceId()).filter(s -> !s.isBlank()).map(InstanceId::of), index, n.getMacAddress(),
                        n.getPrivateIpAddress(), Optional.ofNullable(n.getVSwitchId()), groups(n.getSecurityGroupIds()),
                        Optional.ofNullable(n.getQueueNumber()).filter(q -> q > 0)));
            }
            next = resp.getNextToken();
        } while (next != null && !next.isBlank());
        return out;
    }

    @Override
    public Optional<NetworkInterface> describeNetworkInterface(RegionId region, NetworkInterfaceId id) {
        DescribeNetworkInterfaceAttributeRequest r = new DescribeNetworkInterfaceAttributeRequest();
        r.setNetworkInterfaceId(id.value());
        DescribeNetworkInterfaceAttributeResponse n;
        try {
            n = call(region, r);
        } catch (CloudApiException e) {
            if (e.code().startsWith("InvalidEniId.NotFound") || e.code().startsWith("InvalidNetworkInterfaceId.NotFound")) {
                return Optional.empty();
            }
            throw e;
        }
        var att = n.getAttachment();
        Optional<Integer> index = Optional.ofNullable(att).map(a -> a.getDeviceIndex());
        Optional<InstanceId> instance = Optional.ofNullable(n.getInstanceId()).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(att).map(a -> a.getInstanceId()).filter(s -> s != null && !s.isBlank())).map(InstanceId::of);
        return Optional.of(new NetworkInterface(id, n.getNetworkInterfaceName(), n.getStatus(), n.getType(), instance, index, n.getMacAddress(),
                n.getPrivateIpAddress(), Optional.ofNullable(n.getVSwitchId()), groups(n.getSecurityGroupIds()),
                Optional.ofNullable(n.getQueueNumber()).filter(q -> q > 0)));
    }

    @Override
    public ConnectionTrackingTimeouts describeConnectionTracking(RegionId region, NetworkInterfaceId id) {
        DescribeNetworkInterfaceAttributeRequest r = new DescribeNetworkInterfaceAttributeRequest();
        r.setNetworkInterfaceId(id.value());
        r.setAttribute("connectionTrackingConfiguration");
        var c = call(region, r).getConnectionTrackingConfiguration();
        if (c == null) {
            return ConnectionTrackingTimeouts.DEFAULTS;
        }
        ConnectionTrackingTimeouts d = ConnectionTrackingTimeouts.DEFAULTS;
        return new ConnectionTrackingTimeouts(orElse(c.getTcpEstablishedTimeout(), d.tcpEstablished()),
                orElse(c.getTcpClosedAndTimeWaitTimeout(), d.tcpClosedAndTimeWait()), orElse(c.getUdpTimeout(), d.udp()));
    }

    @Override
    public Optional<Boolean> describeCustomRss(RegionId region, NetworkInterfaceId id) {
        // The typed response has no EnhancedNetwork: ask with CommonRequest and read the raw JSON.
        CommonRequest r = common(region, "ecs", ECS_VERSION, "DescribeNetworkInterfaceAttribute");
        r.putQueryParameter("NetworkInterfaceId", id.value());
        r.putQueryParameter("Attribute", "enhancedNetwork");
        JsonNode enhanced = json(callCommon(region, r)).path("EnhancedNetwork");
        for (Iterator<Map.Entry<String, JsonNode>> it = enhanced.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equalsIgnoreCase("EnableRss") && !f.getValue().isNull()) {
                return Optional.of(f.getValue().isBoolean() ? f.getValue().booleanValue() : Boolean.parseBoolean(f.getValue().asText()));
            }
        }
        return Optional.empty();
    }

    @Override
    public NetworkInterfaceId createNetworkInterface(RegionId region, EniSpec spec) {
        JsonNode answer = send(new CloudAction.CreateNetworkInterface(region, spec));
        return NetworkInterfaceId.of(answer.path("NetworkInterfaceId").asText());
    }

    @Override
    public void deleteNetworkInterface(RegionId region, NetworkInterfaceId id) {
        send(new CloudAction.DeleteNetworkInterface(region, NetworkInterfaceRef.of(id)));
    }

    @Override
    public void attachNetworkInterface(RegionId region, NetworkInterfaceId eni, InstanceId instance) {
        send(new CloudAction.AttachNetworkInterface(region, NetworkInterfaceRef.of(eni), instance, Optional.empty()));
    }

    @Override
    public void detachNetworkInterface(RegionId region, NetworkInterfaceId eni, InstanceId instance) {
        send(new CloudAction.DetachNetworkInterface(region, NetworkInterfaceRef.of(eni), instance));
    }

    @Override
    public void modifyConnectionTracking(RegionId region, NetworkInterfaceId eni, ConnectionTrackingTimeouts t) {
        send(new CloudAction.ModifyConnectionTracking(region, NetworkInterfaceRef.of(eni), t, Optional.empty()));
    }

    @Override
    public void modifyCustomRss(RegionId region, NetworkInterfaceId eni, boolean enable) {
        send(new CloudAction.ModifyCustomRss(region, NetworkInterfaceRef.of(eni), enable));
    }

    // ---- security groups ------------------------------------------------------------------------

    @Override
    public List<SecurityGroup> describeSecurityGroups(RegionId region) {
        DescribeSecurityGroupsRequest r = new DescribeSecurityGroupsRequest();
        r.setPageSize(50);
        DescribeSecurityGroupsResponse resp = call(region, r);
        return resp.getSecurityGroups().stream()
                .map(g -> new SecurityGroup(SecurityGroupId.of(g.getSecurityGroupId()), g.getSecurityGroupName(), g.getVpcId(), g.getDescription()))
                .toList();
    }

    @Override
    public List<SecurityGroupRule> describeIngressRules(RegionId region, SecurityGroupId group) {
        DescribeSecurityGroupAttributeRequest r = new DescribeSecurityGroupAttributeRequest();
        r.setSecurityGroupId(group.value());
        r.setDirection("ingress");
        DescribeSecurityGroupAttributeResponse resp = call(region, r);
        List<SecurityGroupRule> out = new ArrayList<>();
        for (DescribeSecurityGroupAttributeResponse.Permission p : resp.getPermissions()) {
            if (p.getDirection() != null && !"ingress".equalsIgnoreCase(p.getDirection())) {
                continue;
            }
            if (!"accept".equalsIgnoreCase(p.getPolicy())) {
                continue;
            }
            String source = notBlank(p.getSourceCidrIp()) ? p.getSourceCidrIp() : p.getIpv6SourceCidrIp();
            if (!notBlank(source)) {
                continue; // a rule by source group or prefix list: not one NetTune writes or compares
            }
            try {
                out.add(new SecurityGroupRule(IpProtocol.parse(p.getIpProtocol()), PortRange.parse(p.getPortRange()), Cidr.parse(source),
                        p.getPriority() == null || p.getPriority().isBlank() ? 1 : Integer.parseInt(p.getPriority()),
                        p.getDescription() == null ? "" : p.getDescription()));
            } catch (IllegalArgumentException e) {
                LOG.debug("Skipping a rule of {} NetTune does not model: {}", group, e.getMessage());
            }
        }
        return out;
    }

    @Override
    public void authorizeIngress(RegionId region, SecurityGroupId group, SecurityGroupRule rule) {
        send(new CloudAction.AuthorizeSecurityGroup(region, group, rule));
    }

    @Override
    public void revokeIngress(RegionId region, SecurityGroupId group, SecurityGroupRule rule) {
        send(new CloudAction.RevokeSecurityGroup(region, group, rule));
    }

    // ---- EIPs (VPC API) -------------------------------------------------------------------------

    @Override
    public List<ElasticIp> describeEips(RegionId region) {
        DescribeEipAddressesRequest r = new DescribeEipAddressesRequest();
        r.setPageSize(100);
        DescribeEipAddressesResponse resp = call(region, r);
        List<ElasticIp> out = new ArrayList<>();
        for (DescribeEipAddressesResponse.EipAddress e : resp.getEipAddresses()) {
            Optional<EipMode> mode = Optional.ofNullable(e.getMode()).filter(AliyunCloudApi::notBlank).flatMap(m -> {
                try {
                    return Optional.of(EipMode.parse(m));
                } catch (IllegalArgumentException x) {
                    return Optional.empty();
                }
            });
            out.add(new ElasticIp(EipAllocationId.of(e.getAllocationId()), e.getIpAddress(), e.getStatus(),
                    Optional.ofNullable(e.getInstanceId()).filter(AliyunCloudApi::notBlank),
                    Optional.ofNullable(e.getInstanceType()).filter(AliyunCloudApi::notBlank), mode));
        }
        return out;
    }

    @Override
    public void associateEip(RegionId region, EipAllocationId eip, EipTarget target, EipMode mode) {
        send(new CloudAction.AssociateEip(region, new EipBinding(eip, resolved(target), mode)));
    }

    @Override
    public void unassociateEip(RegionId region, EipAllocationId eip, EipTarget target) {
        // The mode is NetTune's note for the undo, never sent: any value serves here.
        send(new CloudAction.UnassociateEip(region, new EipBinding(eip, resolved(target), EipMode.NAT)));
    }

    private static EipTarget resolved(EipTarget target) {
        if (target instanceof EipTarget.Eni e && !(e.eni() instanceof NetworkInterfaceRef.Existing)) {
            throw new IllegalStateException("The plan runner resolves a created ENI before binding an EIP to it.");
        }
        return target;
    }

    // ---- fleets: instances by tag, Cloud Assistant ------------------------------------------------

    @Override
    public List<CloudInstance> describeInstancesByTag(RegionId region, String key, String value) {
        DescribeInstancesRequest.Tag tag = new DescribeInstancesRequest.Tag();
        tag.setKey(key);
        tag.setValue(value);
        return describeAllInstances(region, r -> r.setTags(List.of(tag)));
    }

    @Override
    public Map<InstanceId, Boolean> describeCloudAssistantStatus(RegionId region, List<InstanceId> instances) {
        Map<InstanceId, Boolean> out = new java.util.LinkedHashMap<>();
        // The API takes at most 50 instance ids a call.
        for (int from = 0; from < instances.size(); from += 50) {
            DescribeCloudAssistantStatusRequest r = new DescribeCloudAssistantStatusRequest();
            r.setInstanceIds(instances.subList(from, Math.min(instances.size(), from + 50)).stream().map(InstanceId::value).toList());
            r.setMaxResults(50);
            DescribeCloudAssistantStatusResponse resp = call(region, r);
            for (DescribeCloudAssistantStatusResponse.InstanceCloudAssistantStatus st : resp.getInstanceCloudAssistantStatusSet()) {
                out.put(InstanceId.of(st.getInstanceId()), "true".equalsIgnoreCase(st.getCloudAssistantStatus()));
            }
        }
        return out;
    }

    @Override
    public String runShellScript(RegionId region, InstanceId instance, String script, int timeoutSeconds) {
        RunCommandRequest r = new RunCommandRequest();
        r.setType("RunShellScript");
        r.setContentEncoding("Base64");
        r.setCommandContent(java.util.Base64.getEncoder().encodeToString(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        r.setInstanceIds(List.of(instance.value()));
        r.setTimeout((long) timeoutSeconds);
        r.setUsername("root");
        r.setKeepCommand(false);
        r.setName("nettune");
        return call(region, r).getInvokeId();
    }

    @Override
    public CloudAssistantInvocation describeInvocationResult(RegionId region, String invokeId, InstanceId instance) {
        DescribeInvocationResultsRequest r = new DescribeInvocationResultsRequest();
        r.setInvokeId(invokeId);
        r.setInstanceId(instance.value());
        r.setContentEncoding("Base64");
        DescribeInvocationResultsResponse resp = call(region, r);
        List<DescribeInvocationResultsResponse.Invocation.InvocationResult> results =
                resp.getInvocation() == null || resp.getInvocation().getInvocationResults() == null ? List.of()
                        : resp.getInvocation().getInvocationResults();
        for (DescribeInvocationResultsResponse.Invocation.InvocationResult x : results) {
            if (instance.value().equals(x.getInstanceId())) {
                String status = notBlank(x.getInvocationStatus()) ? x.getInvocationStatus() : x.getInvokeRecordStatus();
                String output = x.getOutput() == null ? "" : new String(java.util.Base64.getMimeDecoder().decode(x.getOutput()),
                        java.nio.charset.StandardCharsets.UTF_8);
                return new CloudAssistantInvocation(invokeId, instance, status,
                        Optional.ofNullable(x.getExitCode()).map(Long::intValue), output,
                        Optional.ofNullable(x.getErrorCode()), x.getErrorInfo(), Optional.ofNullable(x.getDropped()));
            }
        }
        return new CloudAssistantInvocation(invokeId, instance, "Pending", Optional.empty(), "", Optional.empty(), "");
    }

    // ---- the transport --------------------------------------------------------------------------

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

    private <T extends AcsResponse> T call(RegionId region, AcsRequest<T> request) {
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
    private JsonNode send(CloudAction step) {
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

    private CommonRequest common(RegionId region, String product, String version, String action) {
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

    private String callCommon(RegionId region, CommonRequest request) {
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

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data == null ? "{}" : data);
        } catch (IOException e) {
            throw new CloudApiException("SDK.InvalidResponse", "The answer is not JSON: " + e.getMessage(), "", 0, e);
        }
    }

    /** The API wraps lists: {"InstanceTypes": {"InstanceType": [...]}}. */
    private static Iterable<JsonNode> list(JsonNode wrapper, String item) {
        JsonNode n = wrapper.path(item);
        return n.isArray() ? n : List.of();
    }

    private static Optional<Integer> optInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asInt());
    }

    private static List<SecurityGroupId> groups(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(SecurityGroupId::of).toList();
    }

    private static int orElse(Integer v, int d) {
        return v == null ? d : v;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public void close() {
        client.shutdown();
    }

    @Override
    public String toString() {
        return "AliyunCloudApi[" + endpoint.map(ApiEndpoint::url).orElse("regional endpoints") + "]";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
