package dev.nettune.cloud;

import java.util.List;
import java.util.Optional;

/**
 * The ECS and VPC calls NetTune makes (the port; {@code cloud.aliyun.AliyunCloudApi} is the adapter
 * over the Alibaba Cloud SDK). Each call is one API request, retried inside the adapter only for
 * throttling and transient errors; waiting for asynchronous states is {@link ResourceWaiter}'s job.
 * Calls block: run them off the FX thread. Errors are {@link CloudApiException}.
 */
public interface CloudApi {
    /** The endpoint the calls go to, for display (the region's public endpoint or an override). */
    String endpointDescription(RegionId region);

    /** DescribeRegions: the regions this account may call, asked of {@code region}'s endpoint (or the override). */
    List<CloudRegion> describeRegions(RegionId region);

    List<CloudInstance> describeInstances(RegionId region);

    Optional<CloudInstance> describeInstance(RegionId region, InstanceId id);

    Optional<InstanceTypeInfo> describeInstanceType(RegionId region, String instanceType);

    List<NetworkInterface> describeNetworkInterfaces(RegionId region, Optional<InstanceId> instance);

    Optional<NetworkInterface> describeNetworkInterface(RegionId region, NetworkInterfaceId id);

    /** DescribeNetworkInterfaceAttribute with Attribute=connectionTrackingConfiguration. */
    ConnectionTrackingTimeouts describeConnectionTracking(RegionId region, NetworkInterfaceId id);

    /**
     * DescribeNetworkInterfaceAttribute with Attribute=enhancedNetwork, read from the raw response;
     * empty when the API does not return EnableRss (RSS never modified: not enabled).
     */
    Optional<Boolean> describeCustomRss(RegionId region, NetworkInterfaceId id);

    /** CreateNetworkInterface; the same ClientToken returns the ENI made by an earlier try. */
    NetworkInterfaceId createNetworkInterface(RegionId region, EniSpec spec);

    void deleteNetworkInterface(RegionId region, NetworkInterfaceId id);

    /** AttachNetworkInterface: asynchronous, the ENI goes Attaching then InUse. */
    void attachNetworkInterface(RegionId region, NetworkInterfaceId eni, InstanceId instance);

    /** DetachNetworkInterface: asynchronous, the ENI goes Detaching then Available. */
    void detachNetworkInterface(RegionId region, NetworkInterfaceId eni, InstanceId instance);

    void modifyConnectionTracking(RegionId region, NetworkInterfaceId eni, ConnectionTrackingTimeouts timeouts);

    /** ModifyNetworkInterfaceAttribute with EnhancedNetwork.EnableRss (a raw parameter: no SDK has it). */
    void modifyCustomRss(RegionId region, NetworkInterfaceId eni, boolean enable);

    List<SecurityGroup> describeSecurityGroups(RegionId region);

    /** The inbound rules of a group (DescribeSecurityGroupAttribute, ingress), as far as NetTune models them. */
    List<SecurityGroupRule> describeIngressRules(RegionId region, SecurityGroupId group);

    void authorizeIngress(RegionId region, SecurityGroupId group, SecurityGroupRule rule);

    void revokeIngress(RegionId region, SecurityGroupId group, SecurityGroupRule rule);

    List<ElasticIp> describeEips(RegionId region);

    /**
     * AssociateEipAddress of the VPC API (with Mode); asynchronous, the EIP goes Associating then InUse.
     * An ENI target is an existing ENI by now (the plan runner resolves ENIs its plan creates).
     */
    void associateEip(RegionId region, EipAllocationId eip, EipTarget target, EipMode mode);

    void unassociateEip(RegionId region, EipAllocationId eip, EipTarget target);

    /** RebootInstance: the primary ENI picks up a changed custom-RSS setting only after it. */
    void rebootInstance(RegionId region, InstanceId instance);

    // ---- for fleets: instances by tag, and ECS Cloud Assistant ----

    /** DescribeInstances filtered by one tag ({@code Tag.1.Key}, {@code Tag.1.Value}), every page. */
    List<CloudInstance> describeInstancesByTag(RegionId region, String key, String value);

    /**
     * DescribeCloudAssistantStatus: for each instance asked about, whether its Cloud Assistant agent runs
     * (CloudAssistantStatus {@code true}); instances the API does not list are absent from the map.
     */
    java.util.Map<InstanceId, Boolean> describeCloudAssistantStatus(RegionId region, List<InstanceId> instances);

    /**
     * RunCommand with Type {@code RunShellScript}, the script base64-encoded (ContentEncoding Base64), on
     * one instance, as root, killed after {@code timeoutSeconds}; returns the InvokeId. Asynchronous: the
     * results come from {@link #describeInvocationResult}.
     */
    String runShellScript(RegionId region, InstanceId instance, String script, int timeoutSeconds);

    /** DescribeInvocationResults of one invocation on one instance (the output decoded from base64). */
    CloudAssistantInvocation describeInvocationResult(RegionId region, String invokeId, InstanceId instance);
}
