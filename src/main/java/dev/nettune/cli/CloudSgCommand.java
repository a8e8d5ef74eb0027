package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.cloud.Cidr;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.IpProtocol;
import dev.nettune.cloud.PortRange;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.SecurityGroupRule;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune cloud sg allow ...}: an inbound rule, added only if no equal rule exists. */
@Command(name = "sg", mixinStandardHelpOptions = true, description = "Security groups.", subcommands = CloudSgCommand.Allow.class)
final class CloudSgCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "allow", mixinStandardHelpOptions = true,
            description = "Allow inbound traffic (AuthorizeSecurityGroup); an equal existing rule (DescribeSecurityGroupAttribute) is not added twice.")
    static final class Allow implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "SG_ID")
        String group;
        @Option(names = "--protocol", required = true, paramLabel = "PROTO", description = "tcp, udp, icmp, icmpv6, gre or all.")
        String protocol;
        @Option(names = "--ports", paramLabel = "FROM/TO", description = "Port range, e.g. 8000/9000 (-1/-1, the default, for icmp, gre, all).")
        String ports = "-1/-1";
        @Option(names = "--source", required = true, paramLabel = "CIDR", description = "Source range, e.g. 10.0.0.0/8.")
        String source;
        @Option(names = "--priority", paramLabel = "N", description = "1 (highest, default) to 100.")
        int priority = SecurityGroupRule.DEFAULT_PRIORITY;
        @Option(names = "--description", paramLabel = "TEXT")
        String description = "";

        Allow(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SecurityGroupRule rule = new SecurityGroupRule(IpProtocol.parse(protocol), PortRange.parse(ports), Cidr.parse(source), priority, description);
            return CloudCommand.showAndRun(context, options, CloudPlanner.allow(CloudCommand.planRegion(context, options), SecurityGroupId.of(group), rule),
                    spec.commandLine().getOut(), spec.commandLine().getErr(), () -> CloudCommand.connect(context, options));
        }
    }
}
