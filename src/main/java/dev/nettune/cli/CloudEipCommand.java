package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.EipAllocationId;
import dev.nettune.cloud.EipBinding;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.EipTarget;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.NetworkInterfaceRef;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune cloud eip associate ...}: bind an EIP (VPC AssociateEipAddress, with Mode). */
@Command(name = "eip", mixinStandardHelpOptions = true, description = "Elastic IP addresses.", subcommands = CloudEipCommand.Associate.class)
final class CloudEipCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "associate", mixinStandardHelpOptions = true,
            description = "Bind an EIP to an instance or an ENI (AssociateEipAddress) and wait until InUse; MULTI_BINDED and BINDED only for an ENI.")
    static final class Associate implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "EIP_ID", description = "The EIP's AllocationId (eip-...).")
        String eip;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;
        @Option(names = "--mode", paramLabel = "MODE", description = "NAT (default), MULTI_BINDED or BINDED.")
        String mode = "NAT";
        @Option(names = "--private-ip", paramLabel = "IP", description = "With --eni: which private address of the ENI.")
        String privateIp;

        static final class Target {
            @Option(names = "--instance", required = true, paramLabel = "INSTANCE_ID")
            String instance;
            @Option(names = "--eni", required = true, paramLabel = "ENI_ID")
            String eni;
        }

        Associate(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            EipTarget t = target.instance != null ? new EipTarget.Instance(InstanceId.of(target.instance))
                    : new EipTarget.Eni(NetworkInterfaceRef.of(NetworkInterfaceId.of(target.eni)), Optional.ofNullable(privateIp));
            if (privateIp != null && target.instance != null) {
                throw new dev.nettune.cloud.CloudInputException(dev.nettune.Phrase.of("cloud.cli.privateIpWithEni",
                        "--private-ip goes with --eni, not --instance."));
            }
            EipBinding binding = new EipBinding(EipAllocationId.of(eip), t, EipMode.parse(mode));
            return CloudCommand.showAndRun(context, options, CloudPlanner.associateEip(CloudCommand.planRegion(context, options), binding),
                    spec.commandLine().getOut(), spec.commandLine().getErr(), () -> CloudCommand.connect(context, options));
        }
    }
}
