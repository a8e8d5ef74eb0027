package dev.nettune.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every {@code nettune cloud} command takes: the account by {@code --profile}, the region and endpoint, how to run. */
final class CloudOptions extends CloudRegionOptions {
    @Option(names = "--profile", paramLabel = "NAME", description = "Profile of ~/.aliyun/config.json (modes AK, StsToken, RamRoleArn, EcsRamRole).")
    String profile;

    @Option(names = "--dry-run", description = "Show the plan and the equivalent aliyun CLI lines; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--yes", description = "Confirm steps that interrupt service (detach, restart) without asking.")
    boolean yes;

    Optional<String> profile() {
        return present(profile);
    }
}
