package dev.nettune.ui.common;

import dev.nettune.tuning.Profile;
import java.util.Map;

/**
 * The built-in profiles' names and descriptions as the screens show them, in the language in use. A profile keeps
 * its English name as its identity (the CLI's {@code --profile}, saved files, the journal); only what is shown is
 * translated, and a shown name or description typed back into the editor is read as the built-in's own.
 */
public final class ProfileNames {
    private static final Map<String, String> KEYS = Map.of(Profile.ECS_HIGH_THROUGHPUT, "ecsHighThroughput",
            Profile.SEED_WORKFLOW, "seedWorkflow", Profile.LOW_LATENCY, "lowLatency");

    private ProfileNames() {
    }

    /** The name to show: a built-in's from the bundles, any other profile's as written. */
    public static String shown(Profile p) {
        return p == null ? "" : shown(p.name());
    }

    /** The name to show for a profile called {@code name}. */
    public static String shown(String name) {
        String key = name == null ? null : KEYS.get(name);
        return key == null ? name : Messages.get("profiles.builtIn." + key + ".name");
    }

    /** The description to show: a built-in's (unchanged) from the bundles, any other as written. */
    public static String description(Profile p) {
        String key = KEYS.get(p.name());
        return key != null && builtIn(p.name()).description().equals(p.description())
                ? Messages.get("profiles.builtIn." + key + ".description") : p.description();
    }

    /** The profile name a shown name stands for: a built-in's shown name gives its own name, anything else is kept. */
    public static String written(String shownName) {
        for (String name : KEYS.keySet()) {
            if (shown(name).equals(shownName)) {
                return name;
            }
        }
        return shownName;
    }

    /**
     * The description of the profile called {@code writtenName}: the built-in's own when it still shows the built-in's
     * shown description, anything else as typed (a copy under a new name keeps the words the user saw).
     */
    public static String writtenDescription(String writtenName, String shownDescription) {
        if (KEYS.containsKey(writtenName)) {
            Profile p = builtIn(writtenName);
            if (description(p).equals(shownDescription)) {
                return p.description();
            }
        }
        return shownDescription;
    }

    private static Profile builtIn(String name) {
        return Profile.builtIn().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
