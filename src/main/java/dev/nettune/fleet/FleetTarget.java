package dev.nettune.fleet;

import dev.nettune.cloud.InstanceId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One member of a fleet as the user named it: an ECS instance by id ({@code i-...}), or a host (a
 * saved host, an alias of ~/.ssh/config, {@code user@host[:port]}, or a built-in host such as
 * {@code sandbox}). Validated here, so nothing malformed reaches a resolver or a shell.
 */
public record FleetTarget(Kind kind, String name) {
    /** Whether the target is a cloud instance (reached by id) or a host (reached by name). */
    public enum Kind { INSTANCE, HOST }

    private static final Pattern HOST_SPEC = Pattern.compile(
            "([A-Za-z0-9._][A-Za-z0-9._-]{0,63}@)?([A-Za-z0-9._%-]{1,253}|\\[[0-9A-Fa-f:.%]{2,64}\\])(:[0-9]{1,5})?");

    public FleetTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind == Kind.INSTANCE) {
            name = InstanceId.of(name).value();
        } else if (name.isEmpty() || name.startsWith("-") || !HOST_SPEC.matcher(name).matches()) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.target.notHost", "Not a host: '{0}'. Give a saved host, an alias"
                    + " of ~/.ssh/config, user@host[:port] (IPv6 in brackets) or a built-in host such as sandbox.", name));
        }
    }

    public static FleetTarget instance(String id) {
        return new FleetTarget(Kind.INSTANCE, id == null ? "" : id.strip());
    }

    public static FleetTarget host(String spec) {
        return new FleetTarget(Kind.HOST, spec == null ? "" : spec.strip());
    }

    /**
     * A comma-separated list as typed after {@code --hosts} or {@code --instances}, in the order given
     * (the order decides the canary); an empty item or a name given twice is refused.
     */
    public static List<FleetTarget> parseList(String csv, Kind kind) {
        if (csv == null || csv.isBlank()) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.target.emptyList", "The list of {0} is empty; give one or more,"
                    + " separated by commas.", plural(kind)));
        }
        List<FleetTarget> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : csv.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new FleetInputException(dev.nettune.Phrase.of("fleet.target.emptyItem", "An empty item in '{0}': separate {1}"
                        + " with single commas.", csv, plural(kind)));
            }
            FleetTarget t = kind == Kind.INSTANCE ? instance(p) : host(p);
            if (!seen.add(t.name())) {
                throw new FleetInputException(dev.nettune.Phrase.of("fleet.target.twice", "{0} is listed twice; each target may appear once.", t.name()));
            }
            out.add(t);
        }
        return out;
    }

    private static dev.nettune.Phrase plural(Kind kind) {
        return kind == Kind.INSTANCE ? dev.nettune.Phrase.of("fleet.target.instanceIds", "instance ids")
                : dev.nettune.Phrase.of("fleet.target.hosts", "hosts");
    }

    @Override
    public String toString() {
        return name;
    }
}
