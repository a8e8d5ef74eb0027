package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An undo NetTune stopped in the middle of, continued by a later undo from the real SQLite file over the sandbox
 * fleet's Cloud Assistant: how both runs ended (CONTINUED by the new one; continues the old one) reads in Chinese from
 * the journal, as {@code fleet status} and the Fleet screen show it.
 */
class FleetUndoContinuedInChineseTest {
    @TempDir
    Path config;
    CrashedFleetRig rig;

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void bothUndoRunsSayHowTheyEndedInChinese() throws Exception {
        rig = new CrashedFleetRig(config, 2);
        FleetRun applied = rig.ctx.fleet().apply(Profile.ecsHighThroughput(), rig.members, new RolloutPolicy(1, 2, 0), List.of(),
                HostOptions.defaults(), FleetListener.NONE, new Cancellation());
        AtomicReference<String> died = new AtomicReference<>();
        FleetListener dying = new FleetListener() {
            @Override
            public void runStarted(String runId, List<FleetInstance> instances) {
                died.set(runId);
            }

            @Override
            public void instanceStep(FleetInstance instance, int s, int total, String title, Journal.Phase phase) {
                if (instance.position() == 1 && s == 1) {
                    throw new CrashedFleetRig.Death();
                }
            }
        };
        assertThatThrownBy(() -> rig.ctx.fleet().undo(applied.id(), 1, HostOptions.defaults(), dying, new Cancellation()))
                .isInstanceOf(CrashedFleetRig.Death.class);

        try (FleetService after = rig.restarted()) {
            FleetRun again = after.undo(died.get(), 1, HostOptions.defaults(), FleetListener.NONE, new Cancellation());
            FleetRun old = after.run(died.get()).orElseThrow();
            FleetRun continued = after.run(again.id()).orElseThrow();

            assertThat(old.status()).isEqualTo(RunStatus.CONTINUED);
            assertThat(old.detail()).startsWith("Continued by undo run " + again.id());
            assertThat(old.detailPhrase().in(Locale.SIMPLIFIED_CHINESE)).startsWith("已由撤销运行 " + again.id() + " 接续");
            assertThat(continued.detailPhrase().in(Locale.SIMPLIFIED_CHINESE)).startsWith("继续 NetTune 中途停止的撤销运行 " + died.get());
            List<String> said = List.of(old.detailPhrase().in(Locale.SIMPLIFIED_CHINESE), continued.detailPhrase().in(Locale.SIMPLIFIED_CHINESE),
                    old.summaryPhrase().in(Locale.SIMPLIFIED_CHINESE), continued.summaryPhrase().in(Locale.SIMPLIFIED_CHINESE));
            assertThat(EnglishLeft.in(said)).as(String.join("\n", said)).isEmpty();
        }
    }
}
