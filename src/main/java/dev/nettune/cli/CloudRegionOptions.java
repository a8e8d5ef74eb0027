package dev.nettune.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a command talks to the cloud: the region and the OpenAPI endpoint, shared by {@code cloud} and {@code fleet}. */
class CloudRegionOptions {
    @Option(names = "--region", paramLabel = "REGION", description = "Region id, e.g. cn-hongkong (default: the account's region; cn-hongkong for the sandbox).")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "OpenAPI endpoint override (http(s)://host[:port], e.g. a private endpoint), "
            + "or 'sandbox' for the built-in local OpenAPI server with its seeded cn-hongkong region.")
    String endpoint;

    Optional<String> region() {
        return present(region);
    }

    Optional<String> endpoint() {
        return present(endpoint);
    }

    /** A blank option is the same as an absent one (a script passing "$REGION" unset). */
    static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }
}
