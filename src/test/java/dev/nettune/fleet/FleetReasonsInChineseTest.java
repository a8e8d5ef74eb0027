package dev.nettune.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteFleetJournal;
import dev.nettune.store.SqliteJournal;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.TuningEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why each instance of a fleet run ended as it did, in Chinese: as the run reports it while it runs, and as the journal
 * gives it back (to {@code fleet status} and the Fleet screen) after a failing canary and the undo of that run.
 */
class FleetReasonsInChineseTest {
    @TempDir
    Path dir;

    @Test
    void afterAFailingCanaryTheOthersSayWhyTheyWereNotStartedAndTheUndoWhyItHadNothingToDo() throws Exception {
        Database db = Database.open(dir.resolve("nettune.db"));
        TuningEngine engine = new TuningEngine(new SqliteJournal(db));
        SqliteFleetJournal journal = new SqliteFleetJournal(db);
        Map<String, SandboxInstance> boxes = new HashMap<>();
        List<FleetInstance> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "web-" + i;
            boxes.put(name, new SandboxInstance(100 + i, 4, 4).named(name));
            members.add(new FleetInstance(i, FleetTarget.host(name), TransportChoice.builtIn(name)));
        }
        boxes.get("web-0").faults().failNext("sysctl -w net.ipv4.tcp_fin_timeout", 1,
                "sysctl: permission denied on key \"net.ipv4.tcp_fin_timeout\"\n");
        RollingApply rolling = new RollingApply(engine, journal, m -> boxes.get(m.hostName()).connect(),
                m -> ApplyOptions.defaults(() -> boxes.get(m.hostName()).connect()).withSleeper(d -> { }));
        List<FleetInstanceResult> reported = new CopyOnWriteArrayList<>();
        FleetListener listener = new FleetListener() {
            @Override
            public void instanceFinished(FleetInstanceResult result) {
                reported.add(result);
            }
        };

        FleetRun run = rolling.apply(RollingApplyOnSandboxTest.PROFILE.name(), RollingApplyOnSandboxTest.PROFILE, members,
                new RolloutPolicy(1, 4, 5), Map.of(), listener, new Cancellation());
        FleetRun undo = rolling.undo(run.id(), 4, FleetListener.NONE, new Cancellation());

        List<FleetInstanceResult> skipped = new ArrayList<>(journal.run(run.id()).orElseThrow().instances().subList(1, 4));
        skipped.addAll(reported.stream().filter(r -> r.status() == InstanceStatus.SKIPPED).toList());
        assertThat(skipped).hasSize(6).allSatisfy(r -> assertThat(r.why().in(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("未启动：金丝雀 web-0 失败（ROLLED_BACK）。"));
        assertThat(skipped.get(0).reason()).isEqualTo("Not started: the canary web-0 failed (ROLLED_BACK).");
        List<FleetInstanceResult> undone = journal.run(undo.id()).orElseThrow().instances();
        assertThat(undone.get(1).why().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("无需撤销：该运行使它处于 SKIPPED（未启动：金丝雀 web-0 失败（ROLLED_BACK）。）。");
        List<String> said = new ArrayList<>();
        skipped.forEach(r -> said.add(r.why().in(Locale.SIMPLIFIED_CHINESE)));
        undone.forEach(r -> said.add(r.why().in(Locale.SIMPLIFIED_CHINESE)));
        assertThat(EnglishLeft.in(said)).isEmpty();
    }
}
