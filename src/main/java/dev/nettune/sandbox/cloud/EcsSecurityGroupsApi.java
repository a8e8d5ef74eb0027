package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ECS security group actions: describe, describe attribute (the rules), authorize and revoke; and the CIDR checks they share with ENIs.
 */
final class EcsSecurityGroupsApi {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");

    private final SimulatedCloud cloud;

    EcsSecurityGroupsApi(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.put("DescribeSecurityGroups", this::describeSecurityGroups);
        handlers.put("DescribeSecurityGroupAttribute", this::describeSecurityGroupAttribute);
        handlers.put("AuthorizeSecurityGroup", this::authorizeSecurityGroup);
        handlers.put("RevokeSecurityGroup", this::revokeSecurityGroup);
        return handlers;
    }

    private CloudModel.SecurityGroup securityGroup(ApiRequest request) {
        String id = request.required("SecurityGroupId");
        return cloud.findSecurityGroup(request.regionId(), id)
                .orElseThrow(() -> OpenApiException.notFound("InvalidSecurityGroupId.NotFound", "security group", id));
    }

    private void describeSecurityGroups(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        Optional<String> vpcId = request.optional("VpcId");
        Optional<String> id = request.optional("SecurityGroupId");
        List<String> ids = request.jsonStringArray("SecurityGroupIds");
        Optional<String> name = request.optional("SecurityGroupName");
        List<CloudModel.SecurityGroup> matches = cloud.securityGroups.values().stream()
                .filter(g -> g.regionId.equals(regionId))
                .filter(g -> vpcId.map(g.vpcId::equals).orElse(true))
                .filter(g -> id.map(g.id::equals).orElse(true))
                .filter(g -> ids.isEmpty() || ids.contains(g.id))
                .filter(g -> name.map(g.name::equals).orElse(true))
                .toList();
        response.put("RegionId", regionId);
        ArrayNode out = Json.list(response, "SecurityGroups", "SecurityGroup");
        for (CloudModel.SecurityGroup group : EcsApi.page(request, response, matches, 100)) {
            ObjectNode g = out.addObject();
            g.put("SecurityGroupId", group.id);
            g.put("SecurityGroupName", group.name);
            g.put("Description", group.description);
            g.put("VpcId", group.vpcId);
            g.put("SecurityGroupType", "normal");
            g.put("CreationTime", Json.seconds(group.created));
            long ecsCount = cloud.instances.values().stream().filter(i -> i.securityGroupIds.contains(group.id)).count();
            g.put("EcsCount", ecsCount);
            g.put("AvailableInstanceAmount", 2000 - ecsCount);
            g.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
            g.put("ServiceManaged", false);
            Json.list(g, "Tags", "Tag");
        }
    }

    private void describeSecurityGroupAttribute(ApiRequest request, ObjectNode response) {
        CloudModel.SecurityGroup group = securityGroup(request);
        String direction = request.optional("Direction").orElse("all");
        if (!Set.of("ingress", "egress", "all").contains(direction)) {
            throw OpenApiException.invalidParameter("Direction", direction, "Allowed values: ingress, egress, all.");
        }
        response.put("RegionId", group.regionId);
        response.put("SecurityGroupId", group.id);
        response.put("SecurityGroupName", group.name);
        response.put("Description", group.description);
        response.put("VpcId", group.vpcId);
        response.put("InnerAccessPolicy", "Accept");
        ArrayNode permissions = Json.list(response, "Permissions", "Permission");
        group.rules.stream()
                .filter(r -> "all".equals(direction) || r.direction().equals(direction))
                .sorted(Comparator.comparing(CloudModel.Rule::created))
                .forEach(rule -> {
                    ObjectNode p = permissions.addObject();
                    p.put("SecurityGroupRuleId", rule.ruleId());
                    p.put("Direction", rule.direction());
                    // The real answers show protocol and policy capitalised (TCP, Accept).
                    p.put("IpProtocol", rule.ipProtocol().toUpperCase(Locale.ROOT));
                    p.put("PortRange", rule.portRange());
                    p.put("SourcePortRange", "");
                    p.put("SourceCidrIp", rule.sourceCidrIp());
                    p.put("SourceGroupId", "");
                    p.put("SourceGroupName", "");
                    p.put("SourceGroupOwnerAccount", "");
                    p.put("SourcePrefixListId", "");
                    p.put("DestCidrIp", rule.destCidrIp());
                    p.put("DestGroupId", "");
                    p.put("Ipv6SourceCidrIp", "");
                    p.put("Ipv6DestCidrIp", "");
                    p.put("Policy", "accept".equalsIgnoreCase(rule.policy()) ? "Accept" : "Drop");
                    p.put("Priority", String.valueOf(rule.priority()));
                    p.put("NicType", rule.nicType());
                    p.put("Description", rule.description());
                    p.put("CreateTime", Json.seconds(rule.created()));
                });
    }

    private void authorizeSecurityGroup(ApiRequest request, ObjectNode response) {
        CloudModel.SecurityGroup group = securityGroup(request);
        List<CloudModel.Rule> rules = new ArrayList<>();
        if (request.optional("Permissions.1.IpProtocol").isPresent()) {
            for (int n = 1; request.optional("Permissions." + n + ".IpProtocol").isPresent(); n++) {
                rules.add(rule(request, "Permissions." + n + "."));
            }
        } else {
            rules.add(rule(request, ""));
        }
        for (CloudModel.Rule rule : rules) {
            // The real API answers success and adds nothing when an identical rule exists.
            if (group.rules.stream().noneMatch(rule::sameAs)) {
                if (group.rules.size() >= 200) {
                    throw new OpenApiException(403, "AuthorizationLimitExceed", "The limit of authorization records in the security group reaches (200 rules).");
                }
                group.rules.add(rule);
            }
        }
    }

    private void revokeSecurityGroup(ApiRequest request, ObjectNode response) {
        CloudModel.SecurityGroup group = securityGroup(request);
        List<String> ruleIds = request.list("SecurityGroupRuleId");
        if (!ruleIds.isEmpty()) {
            for (String ruleId : ruleIds) {
                if (group.rules.stream().noneMatch(r -> r.ruleId().equals(ruleId))) {
                    throw new OpenApiException(400, "InvalidSecurityGroupRule.RuleNotExist",
                            "The security group rule " + ruleId + " does not exist in " + group.id + ".");
                }
            }
            group.rules.removeIf(r -> ruleIds.contains(r.ruleId()));
            return;
        }
        List<CloudModel.Rule> rules = new ArrayList<>();
        if (request.optional("Permissions.1.IpProtocol").isPresent()) {
            for (int n = 1; request.optional("Permissions." + n + ".IpProtocol").isPresent(); n++) {
                rules.add(rule(request, "Permissions." + n + "."));
            }
        } else {
            rules.add(rule(request, ""));
        }
        // Like the real API, revoking a rule that is not there succeeds and changes nothing.
        for (CloudModel.Rule rule : rules) {
            group.rules.removeIf(rule::sameAs);
        }
    }

    private CloudModel.Rule rule(ApiRequest request, String prefix) {
        String protocol = request.optional(prefix + "IpProtocol").orElseThrow(() -> OpenApiException.missingParameter(prefix + "IpProtocol"));
        String p = protocol.toLowerCase(Locale.ROOT);
        if (!Set.of("tcp", "udp", "icmp", "icmpv6", "gre", "all").contains(p)) {
            throw new OpenApiException(400, "InvalidIpProtocol.Malformed",
                    "The specified parameter \"IpProtocol\" is not valid: \"" + protocol + "\". Allowed values: TCP, UDP, ICMP, ICMPv6, GRE, ALL.");
        }
        String portRange = request.optional(prefix + "PortRange").orElseThrow(() -> OpenApiException.missingParameter(prefix + "PortRange"));
        checkPortRange(p, portRange);
        Optional<String> source = request.optional(prefix + "SourceCidrIp");
        if (source.isEmpty()) {
            throw OpenApiException.missingParameter(prefix + "SourceCidrIp");
        }
        if (!validCidr(source.get())) {
            throw new OpenApiException(400, "InvalidSourceCidrIp.Malformed",
                    "The specified parameter \"SourceCidrIp\" is not valid: \"" + source.get() + "\". Use an IPv4 address or CIDR block such as 10.0.0.0/8.");
        }
        String dest = request.optional(prefix + "DestCidrIp").orElse("");
        if (!dest.isEmpty() && !validCidr(dest)) {
            throw new OpenApiException(400, "InvalidDestCidrIp.Malformed",
                    "The specified parameter \"DestCidrIp\" is not valid: \"" + dest + "\". Use an IPv4 address or CIDR block.");
        }
        int priority = request.optionalInt(prefix + "Priority").orElse(1);
        if (priority < 1 || priority > 100) {
            throw new OpenApiException(400, "InvalidPriority.Malformed",
                    "The specified parameter \"Priority\" is not valid: " + priority + ". Allowed values: 1 to 100 (1 is the highest).");
        }
        String policy = request.optional(prefix + "Policy").orElse("accept");
        if (!"accept".equalsIgnoreCase(policy) && !"drop".equalsIgnoreCase(policy)) {
            throw new OpenApiException(400, "InvalidPolicy.Malformed",
                    "The specified parameter \"Policy\" is not valid: \"" + policy + "\". Allowed values: accept, drop.");
        }
        String nicType = request.optional(prefix + "NicType").orElse("intranet");
        if (!"intranet".equals(nicType)) {
            throw new OpenApiException(400, "InvalidNicType.ValueNotSupported",
                    "The specified parameter \"NicType\" is not valid: \"" + nicType + "\". A VPC security group accepts only intranet.");
        }
        String description = request.optional(prefix + "Description").orElse("");
        if (description.length() > 512 || description.startsWith("http://") || description.startsWith("https://")) {
            throw new OpenApiException(400, "InvalidDescription.Malformed",
                    "The specified parameter \"Description\" is not valid: it must be at most 512 characters and must not start with http:// or https://.");
        }
        return new CloudModel.Rule(cloud.newId("sgr", request.regionId()), "ingress", p, portRange, source.get(), dest,
                priority, policy.toLowerCase(Locale.ROOT), nicType, description, cloud.clock().instant());
    }

    private static void checkPortRange(String protocol, String portRange) {
        String[] parts = portRange.split("/", -1);
        boolean any = "-1/-1".equals(portRange);
        boolean ok;
        if (Set.of("icmp", "icmpv6", "gre", "all").contains(protocol)) {
            ok = any;
        } else {
            ok = false;
            if (parts.length == 2) {
                try {
                    int from = Integer.parseInt(parts[0]);
                    int to = Integer.parseInt(parts[1]);
                    ok = from >= 1 && to <= 65535 && from <= to;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
        }
        if (!ok) {
            throw new OpenApiException(400, "InvalidPortRange.Malformed",
                    "The specified parameter \"PortRange\" is not valid: \"" + portRange + "\". For TCP and UDP use from/to with 1 <= from <= to <= 65535 (e.g. 8000/9000); for ICMP, GRE and ALL use -1/-1.");
        }
    }

    static boolean validCidr(String text) {
        var m = CIDR.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return m.group(6) == null || Integer.parseInt(m.group(6)) <= 32;
    }

    static boolean inCidr(String ip, String cidr) {
        if (!validCidr(ip) || ip.contains("/")) {
            return false;
        }
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }
}
