package dev.nettune.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every {@code nettune cloud} command takes. */
final class CloudOptions {
    @Option(names = "--region", paramLabel = "REGION", description = "Region id, e.g. cn-hongkong (default: the profile's region; cn-hongkong for the sandbox).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Profile of ~/.aliyun/config.json (modes AK, StsToken, RamRoleArn, EcsRamRole).")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL", description = "OpenAPI endpoint override (http(s)://host[:port], e.g. a private endpoint), "
            + "or 'sandbox' for the built-in local OpenAPI server with its seeded cn-hongkong region.")
    String endpoint;

    @Option(names = "--dry-run", description = "Show the plan and the equivalent aliyun CLI lines; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--yes", description = "Confirm steps that interrupt service (detach, restart) without asking.")
    boolean yes;

    Optional<String> region() {
        return Optional.ofNullable(region).filter(s -> !s.isBlank());
    }

    Optional<String> profile() {
        return Optional.ofNullable(profile).filter(s -> !s.isBlank());
    }

    Optional<String> endpoint() {
        return Optional.ofNullable(endpoint).filter(s -> !s.isBlank());
    }
}
