package dev.nettune.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How far the guided "Set up an instance for production" flow got, kept in the config directory so
 * the flow can be left and resumed: the instance, host, NIC and verification sender, and each step's state with the journal
 * plan that did it (so a resumed flow can still undo it). No secret is ever written here.
 */
public final class SetupProgress {
    /** Where a step stands: done (with its plan), skipped by the user, or done and then undone. */
    public enum State { DONE, SKIPPED, UNDONE }

    /** One step's state and the journal plan id that applied (or undid) it; empty when skipped. */
    public record Step(State state, String planId) {
        public Step {
            planId = planId == null ? "" : planId;
        }
    }

    /**
     * A flow in progress: which instance and host it works on, the host that sends the RSS verification's traffic (a
     * name, never a credential), and its steps by key, in the order done.
     */
    public record Saved(String instance, String host, String nic, String sender, Map<String, Step> steps) {
        public Saved {
            instance = instance == null ? "" : instance;
            host = host == null ? "" : host;
            nic = nic == null ? "" : nic;
            sender = sender == null ? "" : sender;
            steps = Map.copyOf(steps);
        }

        /** How many steps are done or skipped (a step undone counts as not done). */
        public long settled() {
            return steps.values().stream().filter(s -> s.state() != State.UNDONE).count();
        }
    }

    private final Path file;

    public SetupProgress(Path configDir) {
        this.file = configDir.resolve("production-setup.properties");
    }

    public Path file() {
        return file;
    }

    /** The flow left unfinished last time, if any (an unreadable file counts as none: the flow starts afresh). */
    public Optional<Saved> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames().stream().sorted().toList()) {
            if (name.startsWith("step.") && name.endsWith(".state")) {
                String key = name.substring(5, name.length() - 6);
                try {
                    steps.put(key, new Step(State.valueOf(p.getProperty(name)), p.getProperty("step." + key + ".plan", "")));
                } catch (IllegalArgumentException e) {
                    // A state this version does not know: leave that step to be done again.
                }
            }
        }
        return Optional.of(new Saved(p.getProperty("instance", ""), p.getProperty("host", ""), p.getProperty("nic", ""), p.getProperty("sender", ""),
                steps));
    }

    /** Writes the flow's state (atomically, so a crash never leaves half a file). */
    public void save(Saved s) {
        Properties p = new Properties();
        p.setProperty("instance", s.instance());
        p.setProperty("host", s.host());
        p.setProperty("nic", s.nic());
        p.setProperty("sender", s.sender());
        s.steps().forEach((k, v) -> {
            p.setProperty("step." + k + ".state", v.state().name());
            p.setProperty("step." + k + ".plan", v.planId());
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".setup", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "NetTune: the guided production setup, to resume it");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the setup's progress in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the flow (finished, or started afresh). */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
