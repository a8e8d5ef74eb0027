package dev.nettune.cloud.aliyun;

import static dev.nettune.cloud.aliyun.AliyunTransport.ECS_VERSION;
import static dev.nettune.cloud.aliyun.AliyunTransport.json;

import com.aliyuncs.CommonRequest;
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
import com.aliyuncs.vpc.model.v20160428.DescribeEipAddressesRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeEipAddressesResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nettune.cloud.Cidr;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.CloudAssistantInvocation;
import dev.nettune.cloud.CloudApi;
import dev.nettune.cloud.CloudApiException;
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
import dev.nettune.cloud.PortRange;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.SecurityGroup;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.SecurityGroupRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CloudApi} over the classic Alibaba Cloud SDK (aliyun-java-sdk-core/-ecs/-vpc): typed
 * requests wherever the SDK has the parameter, raw query parameters and the raw JSON answer where it
 * does not (EnhancedNetwork.EnableRss, RssSupport). How requests travel (credentials, endpoint override,
 * retries, redacted errors) is {@link AliyunTransport}'s; this class maps each call to and from NetTune's types.
 */
public final class AliyunCloudApi implements CloudApi, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AliyunCloudApi.class);
    private final AliyunTransport transport;

    public AliyunCloudApi(CloudCredentials credentials, Optional<ApiEndpoint> endpoint, RetryPolicy retry, Consumer<String> retryListener) {
        this.transport = new AliyunTransport(credentials, endpoint, retry, retryListener);
    }

    public AliyunCloudApi(CloudCredentials credentials, Optional<ApiEndpoint> endpoint) {
        this(credentials, endpoint, RetryPolicy.STANDARD, message -> LOG.info(message));
    }

    /**
     * A message safe to show: every AccessKey id (and any temporary one in a signed URL) cut to its last four
     * characters, signatures and security tokens removed.
     */
    String redact(String message) {
        return transport.redact(message);
    }

    @Override
    public String endpointDescription(RegionId region) {
        return transport.endpoint().map(ApiEndpoint::url).orElse("https://ecs." + region + ".aliyuncs.com");
    }

    // ---- regions and instances ------------------------------------------------------------------

    @Override
    public List<CloudRegion> describeRegions(RegionId region) {
        DescribeRegionsRequest r = new DescribeRegionsRequest();
        r.setAcceptLanguage("en-US");
        return transport.call(region, r).getRegions().stream().map(g -> new CloudRegion(RegionId.of(g.getRegionId()), g.getLocalName())).toList();
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
            DescribeInstancesResponse resp = transport.call(region, r);
            resp.getInstances().forEach(i -> out.add(instance(i)));
            next = resp.getNextToken();
        } while (next != null && !next.isBlank());
        return out;
    }

    @Override
    public Optional<CloudInstance> describeInstance(RegionId region, InstanceId id) {
        DescribeInstancesRequest r = new DescribeInstancesRequest();
        r.setInstanceIds("[\"" + id.value() + "\"]");
        return transport.call(region, r).getInstances().stream().map(AliyunCloudApi::instance).findFirst();
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
        CommonRequest r = transport.common(region, "ecs", ECS_VERSION, "DescribeInstanceTypes");
        r.putQueryParameter("InstanceTypes.1", instanceType);
        JsonNode root = json(transport.callCommon(region, r));
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
        transport.send(new CloudAction.RebootInstance(region, instance));
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
            DescribeNetworkInterfacesResponse resp = transport.call(region, r);
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
            n = transport.call(region, r);
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
        var c = transport.call(region, r).getConnectionTrackingConfiguration();
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
        CommonRequest r = transport.common(region, "ecs", ECS_VERSION, "DescribeNetworkInterfaceAttribute");
        r.putQueryParameter("NetworkInterfaceId", id.value());
        r.putQueryParameter("Attribute", "enhancedNetwork");
        JsonNode enhanced = json(transport.callCommon(region, r)).path("EnhancedNetwork");
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
        JsonNode answer = transport.send(new CloudAction.CreateNetworkInterface(region, spec));
        return NetworkInterfaceId.of(answer.path("NetworkInterfaceId").asText());
    }

    @Override
    public void deleteNetworkInterface(RegionId region, NetworkInterfaceId id) {
        transport.send(new CloudAction.DeleteNetworkInterface(region, NetworkInterfaceRef.of(id)));
    }

    @Override
    public void attachNetworkInterface(RegionId region, NetworkInterfaceId eni, InstanceId instance) {
        transport.send(new CloudAction.AttachNetworkInterface(region, NetworkInterfaceRef.of(eni), instance, Optional.empty()));
    }

    @Override
    public void detachNetworkInterface(RegionId region, NetworkInterfaceId eni, InstanceId instance) {
        transport.send(new CloudAction.DetachNetworkInterface(region, NetworkInterfaceRef.of(eni), instance));
    }

    @Override
    public void modifyConnectionTracking(RegionId region, NetworkInterfaceId eni, ConnectionTrackingTimeouts t) {
        transport.send(new CloudAction.ModifyConnectionTracking(region, NetworkInterfaceRef.of(eni), t, Optional.empty()));
    }

    @Override
    public void modifyCustomRss(RegionId region, NetworkInterfaceId eni, boolean enable) {
        transport.send(new CloudAction.ModifyCustomRss(region, NetworkInterfaceRef.of(eni), enable));
    }

    // ---- security groups ------------------------------------------------------------------------

    @Override
    public List<SecurityGroup> describeSecurityGroups(RegionId region) {
        DescribeSecurityGroupsRequest r = new DescribeSecurityGroupsRequest();
        r.setPageSize(50);
        DescribeSecurityGroupsResponse resp = transport.call(region, r);
        return resp.getSecurityGroups().stream()
                .map(g -> new SecurityGroup(SecurityGroupId.of(g.getSecurityGroupId()), g.getSecurityGroupName(), g.getVpcId(), g.getDescription()))
                .toList();
    }

    @Override
    public List<SecurityGroupRule> describeIngressRules(RegionId region, SecurityGroupId group) {
        DescribeSecurityGroupAttributeRequest r = new DescribeSecurityGroupAttributeRequest();
        r.setSecurityGroupId(group.value());
        r.setDirection("ingress");
        DescribeSecurityGroupAttributeResponse resp = transport.call(region, r);
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
        transport.send(new CloudAction.AuthorizeSecurityGroup(region, group, rule));
    }

    @Override
    public void revokeIngress(RegionId region, SecurityGroupId group, SecurityGroupRule rule) {
        transport.send(new CloudAction.RevokeSecurityGroup(region, group, rule));
    }

    // ---- EIPs (VPC API) -------------------------------------------------------------------------

    @Override
    public List<ElasticIp> describeEips(RegionId region) {
        DescribeEipAddressesRequest r = new DescribeEipAddressesRequest();
        r.setPageSize(100);
        DescribeEipAddressesResponse resp = transport.call(region, r);
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
        transport.send(new CloudAction.AssociateEip(region, new EipBinding(eip, resolved(target), mode)));
    }

    @Override
    public void unassociateEip(RegionId region, EipAllocationId eip, EipTarget target) {
        // The mode is NetTune's note for the undo, never sent: any value serves here.
        transport.send(new CloudAction.UnassociateEip(region, new EipBinding(eip, resolved(target), EipMode.NAT)));
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
            DescribeCloudAssistantStatusResponse resp = transport.call(region, r);
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
        return transport.call(region, r).getInvokeId();
    }

    @Override
    public CloudAssistantInvocation describeInvocationResult(RegionId region, String invokeId, InstanceId instance) {
        DescribeInvocationResultsRequest r = new DescribeInvocationResultsRequest();
        r.setInvokeId(invokeId);
        r.setInstanceId(instance.value());
        r.setContentEncoding("Base64");
        DescribeInvocationResultsResponse resp = transport.call(region, r);
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
        transport.close();
    }

    @Override
    public String toString() {
        return "AliyunCloudApi[" + transport.endpoint().map(ApiEndpoint::url).orElse("regional endpoints") + "]";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
