package dev.nettune.rig;

import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.testing.InjectedFlows;
import dev.nettune.rss.Flow;
import dev.nettune.rss.RssCalculator;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.TuningEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The tuning engine pointed at the rig (a real SQLite journal in a temp folder), and flows to send through it. */
final class RigTuning {
    private final RigGuest rig;
    private final TuningEngine engine;

    RigTuning(RigGuest rig, Path dir) {
        this.rig = rig;
        this.engine = new TuningEngine(new SqliteJournal(Database.open(dir.resolve("nettune.db"))));
    }

    /** The journal the engine writes (what NetTune pushed, and when). */
    dev.nettune.tuning.Journal journal() {
        return engine.journal();
    }

    Plan plan(ProfileEntry... entries) throws Exception {
        return new Planner().plan(rig.host(), new Profile("rig", "", List.of(entries)));
    }

    /** A plan that pushes RSS key and table even when they read as wanted (the re-push). */
    Plan planRepush(ProfileEntry... entries) throws Exception {
        return new Planner().planRepush(rig.host(), new Profile("rig re-push", "", List.of(entries)));
    }

    ApplyResult apply(Plan plan) throws Exception {
        return engine.apply(rig.host(), plan, ApplyOptions.defaults(rig::newConnection), ApplyListener.NONE, new Cancellation());
    }

    /** {@code n} TCP and UDP flows towards the guest from TEST-NET-2 sources (the guest has no route back: no replies). */
    static List<Flow> flows(long seed, int n) {
        Random r = new Random(seed);
        List<Flow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String src = "198.51.100." + (1 + r.nextInt(254));
            int sport = 1024 + r.nextInt(64512);
            int dport = List.of(80, 443, 53, 4789, 8080).get(r.nextInt(5));
            out.add(i % 2 == 0 ? Flow.tcp(src, RigGuest.GUEST_ADDRESS, sport, dport) : Flow.udp(src, RigGuest.GUEST_ADDRESS, sport, dport));
        }
        return out;
    }

    /** The flows the calculator puts on {@code queue}, each as one frame. */
    static InjectedFlows predictedFor(RssCalculator calc, List<Flow> flows, int queue) {
        return new InjectedFlows(flows.stream().filter(f -> calc.calculate(f).queue() == queue).map(f -> new InjectedFlows.Line(f, 1)).toList());
    }
}
