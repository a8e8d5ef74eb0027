package dev.nettune.cli;

import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceAddress;
import dev.nettune.fleet.Transport;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every fleet command that names targets (a picocli mixin): which instances, how they are reached, the cloud account. */
final class FleetReachOptions {
    /** Exactly one way of naming the targets. */
    static final class Targets {
        @Option(names = "--hosts", paramLabel = "H1,H2,...", description = "Hosts in order (saved, ssh-config aliases, user@host[:port], sandbox); the first is the canary.")
        String hosts;

        @Option(names = "--instances", paramLabel = "i-1,i-2,...", description = "ECS instance ids in order; the first is the canary.")
        String instances;

        @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Every instance of the region with this tag (DescribeInstances; the sandbox's fleet instances carry fleet=demo).")
        String tag;
    }

    /** The cloud account, as the {@code cloud} commands choose it; here {@code --profile} is the tuning profile, so the account is {@code --account}. */
    static final class Account extends CloudRegionOptions {
        @Option(names = "--account", paramLabel = "NAME", description = "Profile of ~/.aliyun/config.json (else the environment's key, the current profile, the ECS RAM role).")
        String account;

        FleetService.CloudAccess access() {
            return new FleetService.CloudAccess(present(account), region(), endpoint());
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Targets targets = new Targets();

    @Option(names = "--via", paramLabel = "ssh|cloud-assistant", description = "How instances are reached (default: cloud-assistant for"
            + " --instances and --tag, ssh for --hosts).")
    String via;

    @Option(names = {"--ssh-user", "--user"}, paramLabel = "USER", description = "SSH login for instances reached over ssh (default root).")
    String user;

    @Option(names = "--address", paramLabel = "private|eip", description = "Which address of an instance --via ssh dials:"
            + " private (its first private IP; default) or eip (the EIP bound to it or to one of its ENIs).")
    String address;

    @Option(names = "--bastion", paramLabel = "HOST", description = "Reach instances over ssh through this bastion: a saved host,"
            + " an alias of ~/.ssh/config or user@host[:port] (several: comma-separated, first hop first). Default: the"
            + " ProxyJump ~/.ssh/config gives for the address, if any. Its host key and each instance's are verified."
            + " Keys at each bastion hop: --identity first (one fleet key usually opens the bastion too; unlike"
            + " ssh -i with -J, whose -i is for the target only), then that hop's own IdentityFile from ~/.ssh/config."
            + " To keep the instance key away from the bastion, leave out --identity and give each host its"
            + " IdentityFile (and IdentitiesOnly yes) in ~/.ssh/config.")
    String bastion;

    @Mixin
    HostConnectionOptions connection = new HostConnectionOptions();

    @ArgGroup(exclusive = false)
    Account account = new Account();

    boolean named() {
        return targets != null && (targets.hosts != null || targets.instances != null || targets.tag != null);
    }

    List<FleetInstance> resolve(FleetService fleet) throws Exception {
        if (!named()) {
            throw new CliInputException(CliText.get("fleet.targets.none"));
        }
        HostOptions options = connection.toHostOptions();
        if (targets.hosts != null) {
            if (via != null && Transport.parse(via) != Transport.SSH) {
                throw new CliInputException(CliText.get("fleet.targets.hostsOverSsh"));
            }
            if (address != null || bastion != null || user != null) {
                throw new CliInputException(CliText.get("fleet.targets.hostsSayTheirOwn"));
            }
            return fleet.hosts(FleetTarget.parseList(targets.hosts, FleetTarget.Kind.HOST), options);
        }
        Transport t = via == null ? Transport.CLOUD_ASSISTANT : Transport.parse(via);
        FleetService.SshReach ssh = new FleetService.SshReach(
                address == null ? InstanceAddress.PRIVATE : InstanceAddress.parse(address), Optional.ofNullable(user),
                Optional.ofNullable(bastion));
        FleetService.InstanceQuery q = targets.instances != null
                ? new FleetService.InstanceQuery.Ids(FleetTarget.parseList(targets.instances, FleetTarget.Kind.INSTANCE))
                : FleetService.InstanceQuery.Tag.parse(targets.tag);
        return fleet.instances(account.access(), q, t, options, ssh);
    }
}
