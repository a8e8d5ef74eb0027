package dev.nettune.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's user-space state: systemd's services and enabled units, the armed timers and
 * detached sleepers with the sandbox's own clock, and NetworkManager's runtime "managed no" devices.
 * Not thread-safe: the instance's lock guards it.
 */
final class SandboxServices {
    /** A command the host runs later by itself: a transient systemd timer or a detached sleeper. */
    record ArmedTimer(Duration firesAt, List<String> command, String pidFile) {
    }

    final Map<String, String> services = new LinkedHashMap<>();
    final Set<String> enabledUnits = new LinkedHashSet<>();
    final Set<String> runtimeUnmanaged = new LinkedHashSet<>();
    /**
     * NetworkManager's conf.d as it read it when it started or last reloaded (path to content). As the real
     * daemon, it does not see a conf.d file written or removed after that.
     */
    Map<String, String> networkManagerConf;
    final Map<String, ArmedTimer> timers = new LinkedHashMap<>();
    /** The sandbox's own clock for timers (systemd-run --on-active, detached sleepers); tests move it. */
    Duration clock = Duration.ZERO;
    boolean systemd = true;

    SandboxServices() {
        services.put("irqbalance", "active");
        services.put("tuned", "inactive");
        services.put("NetworkManager", "active");
        services.put("sshd", "active");
        enabledUnits.addAll(List.of("irqbalance.service", "NetworkManager.service", "sshd.service"));
    }

    boolean active(String service) {
        return "active".equals(services.get(service));
    }

    /** "x" for "x.service", else the name as given. */
    static String strip(String unit) {
        return unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
    }

    /** "/etc/systemd/system/x@.service" for an instance "x@eth1.service" (a template unit), else "". */
    static String templatePath(String unit) {
        int at = unit.indexOf('@');
        int dot = unit.lastIndexOf('.');
        return at < 0 || dot < at ? "" : "/etc/systemd/system/" + unit.substring(0, at + 1) + unit.substring(dot);
    }

    /** "eth1" for "x@eth1.service". */
    static String instanceOf(String unit) {
        return unit.substring(unit.indexOf('@') + 1, unit.lastIndexOf('.'));
    }
}
