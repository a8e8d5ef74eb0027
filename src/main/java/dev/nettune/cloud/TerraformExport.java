package dev.nettune.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a plan as Terraform for the alicloud provider where the provider has the resource
 * (ENI, its attachment, security-group rule, EIP association) and lists, as comments and in
 * {@link Result#notExpressible()}, what Terraform cannot say: connection-tracking timeouts and
 * EnhancedNetwork.EnableRss (not arguments of alicloud_ecs_network_interface in the provider
 * versions checked), and the one-off actions (modify, detach, restart, delete, revoke).
 */
public final class TerraformExport {
    private TerraformExport() {
    }

    /** The HCL and the settings it leaves out (each with the aliyun CLI line that does it instead). */
    public record Result(String hcl, List<dev.nettune.Phrase> notExpressiblePhrases) {
        public Result {
            notExpressiblePhrases = List.copyOf(notExpressiblePhrases);
        }

        /** What Terraform leaves out, in English (the HCL's comments say the same). */
        public List<String> notExpressible() {
            return notExpressiblePhrases.stream().map(dev.nettune.Phrase::toString).toList();
        }
    }

    public static Result render(CloudPlan plan) {
        StringBuilder sb = new StringBuilder();
        List<dev.nettune.Phrase> missing = new ArrayList<>();
        PlanNames names = new PlanNames();
        sb.append("# NetTune plan: ").append(plan.title().replace('\n', ' ')).append('\n');
        sb.append("terraform {\n  required_providers {\n    alicloud = {\n      source = \"aliyun/alicloud\"\n    }\n  }\n}\n\n");
        String region = plan.steps().isEmpty() ? "cn-hongkong" : plan.steps().get(0).region().value();
        sb.append("provider \"alicloud\" {\n  region = ").append(str(region)).append("\n}\n");
        int attach = 0;
        int rule = 0;
        int eip = 0;
        for (CloudAction step : plan.steps()) {
            if (step instanceof CloudAction.CreateNetworkInterface c) {
                EniSpec s = c.spec();
                String name = names.terraformNameFor(s.clientToken());
                sb.append("\nresource \"alicloud_ecs_network_interface\" ").append(str(name)).append(" {\n");
                sb.append("  vswitch_id         = ").append(str(s.vSwitchId().value())).append('\n');
                sb.append("  security_group_ids = [").append(s.securityGroups().stream().map(g -> str(g.value())).collect(Collectors.joining(", ")))
                        .append("]\n");
                s.name().ifPresent(n -> sb.append("  network_interface_name = ").append(str(n)).append('\n'));
                s.queueNumber().ifPresent(q -> sb.append("  queue_number       = ").append(q).append('\n'));
                sb.append("}\n");
                s.timeouts().ifPresent(t -> {
                    dev.nettune.Phrase m = dev.nettune.Phrase.of("cloud.terraform.timeouts", "Connection-tracking timeouts of"
                            + " alicloud_ecs_network_interface.{0} ({1}): the provider has no argument for them; set them with"
                            + " ModifyNetworkInterfaceAttribute after apply.", name, t.phrase());
                    missing.add(m);
                    sb.append("# Not expressible: ").append(m).append('\n');
                });
                s.customRss().ifPresent(r -> {
                    dev.nettune.Phrase m = dev.nettune.Phrase.of("cloud.terraform.rss", "EnhancedNetwork.EnableRss={0} of"
                            + " alicloud_ecs_network_interface.{1}: the provider has no argument for it; set it with"
                            + " ModifyNetworkInterfaceAttribute (aliyun ... --force) after apply.", r, name);
                    missing.add(m);
                    sb.append("# Not expressible: ").append(m).append('\n');
                });
            } else if (step instanceof CloudAction.AttachNetworkInterface a) {
                attach++;
                sb.append("\nresource \"alicloud_ecs_network_interface_attachment\" ").append(str(attach == 1 ? "attach" : "attach_" + attach)).append(" {\n");
                sb.append("  instance_id          = ").append(str(a.instance().value())).append('\n');
                sb.append("  network_interface_id = ").append(eniExpr(a.eni(), names)).append('\n');
                sb.append("}\n");
                a.expectedIndex().ifPresent(i -> sb.append("# Device index ").append(i)
                        .append(" is expected, not set: ECS assigns the next free index on attach.\n"));
            } else if (step instanceof CloudAction.AuthorizeSecurityGroup g) {
                rule++;
                SecurityGroupRule r = g.rule();
                sb.append("\nresource \"alicloud_security_group_rule\" ").append(str(rule == 1 ? "ingress" : "ingress_" + rule)).append(" {\n");
                sb.append("  type              = \"ingress\"\n");
                sb.append("  security_group_id = ").append(str(g.group().value())).append('\n');
                sb.append("  ip_protocol       = ").append(str(r.protocol().apiValue())).append('\n');
                sb.append("  port_range        = ").append(str(r.ports().apiValue())).append('\n');
                sb.append(r.source().isIpv4() ? "  cidr_ip           = " : "  ipv6_cidr_ip      = ").append(str(r.source().apiValue())).append('\n');
                sb.append("  policy            = \"accept\"\n");
                sb.append("  priority          = ").append(r.priority()).append('\n');
                sb.append("  nic_type          = \"intranet\"\n");
                if (!r.description().isEmpty()) {
                    sb.append("  description       = ").append(str(r.description())).append('\n');
                }
                sb.append("}\n");
            } else if (step instanceof CloudAction.AssociateEip e) {
                eip++;
                EipBinding b = e.binding();
                sb.append("\nresource \"alicloud_eip_association\" ").append(str(eip == 1 ? "eip" : "eip_" + eip)).append(" {\n");
                sb.append("  allocation_id = ").append(str(b.allocationId().value())).append('\n');
                if (b.target() instanceof EipTarget.Eni t) {
                    sb.append("  instance_id   = ").append(eniExpr(t.eni(), names)).append('\n');
                    sb.append("  instance_type = \"NetworkInterface\"\n");
                    t.privateIpAddress().ifPresent(ip -> sb.append("  private_ip_address = ").append(str(ip)).append('\n'));
                } else {
                    sb.append("  instance_id   = ").append(str(b.target().id())).append('\n');
                    sb.append("  instance_type = \"EcsInstance\"\n");
                }
                sb.append("  mode          = ").append(str(b.mode().name())).append('\n');
                sb.append("}\n");
            } else {
                dev.nettune.Phrase m = dev.nettune.Phrase.of("cloud.terraform.oneOff", "{0}: a one-off action, not a resource; run `{1}`.",
                        step.title(), AliyunCliScript.line(step.toCall(names)));
                missing.add(m);
                sb.append("\n# Not expressible: ").append(m.toString().replace('\n', ' ')).append('\n');
            }
        }
        return new Result(sb.toString(), missing);
    }

    private static String eniExpr(NetworkInterfaceRef ref, PlanNames names) {
        if (ref instanceof NetworkInterfaceRef.Created c) {
            return "alicloud_ecs_network_interface." + names.terraformNameFor(c.token()) + ".id";
        }
        return str(ref.display());
    }

    /** An HCL string literal: quotes, backslashes and interpolation starts escaped. */
    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "$${").replace("%{", "%%{")
                .replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
