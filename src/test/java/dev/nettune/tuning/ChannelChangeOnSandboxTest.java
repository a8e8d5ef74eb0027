package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.tuning.Journal.PlanStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channel changes with the rules the rig taught: reset a custom table first, push key and table again after. */
class ChannelChangeOnSandboxTest {
    @TempDir
    Path dir;
    SandboxInstance sandbox;
    TuningEngine engine;
    ApplyOptions options;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new SandboxInstance(42, 8, 4);
        engine = new TuningEngine(new SqliteJournal(Database.open(dir.resolve("nettune.db"))));
        options = ApplyOptions.defaults(sandbox::connect).withSleeper(sandbox::advanceTime);
        // A custom table over all four queues, as a user would have set it.
        assertThat(sandbox.run(Command.of("ethtool", "-X", "eth1", "weight", "1", "1", "1", "1"), Duration.ofSeconds(1)).ok())
                .isTrue();
    }

    private Plan plan(ProfileEntry... entries) throws Exception {
        return new Planner().plan(sandbox, new Profile("channels", "", List.of(entries)));
    }

    @Test
    void droppingBelowAQueueTheTableReferencesResetsTheTableFirstAndPushesKeyAndTableAfter() throws Exception {
        Plan plan = plan(new ChannelChange("eth1", 2));

        assertThat(plan.steps()).extracting(s -> s.change().target() + " " + s.change().show(s.after()))
                .containsExactly("rss-table eth1 default (128 entries, 4 rings)", "channels eth1 2 (max 4)",
                        "rss-key eth1 " + sandbox.rssKey("eth1").toColonHex(), "rss-table eth1 default (128 entries, 2 rings)");
        assertThat(plan.steps().get(0).notes()).anyMatch(n -> n.contains("or the kernel refuses the change"));
    }

    @Test
    void theChannelChangeIsAppliedAndTheTableFitsTheNewRings() throws Exception {
        RssKey key = sandbox.rssKey("eth1");

        ApplyResult r = engine.apply(sandbox, plan(new ChannelChange("eth1", 2)), options, ApplyListener.NONE,
                new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.queueCount("eth1")).isEqualTo(2);
        assertThat(sandbox.indirectionTable("eth1")).isEqualTo(IndirectionTable.defaultFor(128, 2));
        assertThat(sandbox.rssKey("eth1")).isEqualTo(key);
        assertThat(plan(new ChannelChange("eth1", 2)).nothingToDo()).isTrue();
    }

    @Test
    void aTableRequestOfTheProfileIsBuiltForTheNewRingCount() throws Exception {
        ApplyResult r = engine.apply(sandbox, plan(new RssTableChange("eth1", "weight 3 1"), new ChannelChange("eth1", 2)),
                options, ApplyListener.NONE, new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.indirectionTable("eth1").bucketsPerQueue()).containsEntry(0, 96).containsEntry(1, 32);
    }

    @Test
    void aFailedPushAfterTheChannelChangePutsChannelsAndTableBack() throws Exception {
        IndirectionTable before = sandbox.indirectionTable("eth1");
        sandbox.faults().failNext("ethtool -X eth1 hkey", 1, "Cannot set RX flow hash configuration: Device busy\n");

        ApplyResult r = engine.apply(sandbox, plan(new ChannelChange("eth1", 2)), options, ApplyListener.NONE,
                new Cancellation());

        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(r.steps()).filteredOn(s -> s.phase() == Journal.Phase.APPLY).extracting(ApplyResult.StepResult::outcome)
                .containsExactly(Journal.Outcome.APPLIED, Journal.Outcome.APPLIED, Journal.Outcome.FAILED);
        assertThat(sandbox.queueCount("eth1")).isEqualTo(4);
        assertThat(sandbox.indirectionTable("eth1")).isEqualTo(before);
    }

    @Test
    void moreChannelsThanTheNicHasIsAPlanProblem() throws Exception {
        Plan plan = plan(new ChannelChange("eth1", 65));

        assertThat(plan.applicable()).isFalse();
        assertThat(plan.problems()).anyMatch(p -> p.contains("at most 4 combined channels, not 65"));
    }

    @Test
    void goingUpFromTheDefaultOnTwoRingsBringsBackTheDefaultOverAllRingsNotEqualTwo() throws Exception {
        assertThat(sandbox.run(Command.of("ethtool", "-X", "eth1", "default"), Duration.ofSeconds(1)).ok()).isTrue();
        assertThat(engine.apply(sandbox, plan(new ChannelChange("eth1", 2)), options, ApplyListener.NONE, new Cancellation())
                .status()).isEqualTo(PlanStatus.APPLIED);

        Plan up = plan(new ChannelChange("eth1", 4));

        assertThat(up.steps()).extracting(s -> s.change().target() + " " + s.change().show(s.after()))
                .contains("rss-table eth1 default (128 entries, 4 rings)")
                .noneMatch(s -> s.contains("equal 2"));
    }

    @Test
    void goingUpKeepsTheUsersOwnWeightedTableMode() throws Exception {
        assertThat(sandbox.run(Command.of("ethtool", "-X", "eth1", "default"), Duration.ofSeconds(1)).ok()).isTrue();
        assertThat(engine.apply(sandbox, plan(new ChannelChange("eth1", 2)), options, ApplyListener.NONE, new Cancellation())
                .status()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.run(Command.of("ethtool", "-X", "eth1", "weight", "3", "1"), Duration.ofSeconds(1)).ok()).isTrue();

        Plan up = plan(new ChannelChange("eth1", 4));

        assertThat(up.steps()).extracting(s -> s.change().target() + " " + s.change().show(s.after()))
                .contains("rss-table eth1 weight 96 32 (128 entries, 4 rings)");
    }

    @Test
    void aRepushPushesAnUnchangedKeyAndTableAgainAndIsJournaledAsOne() throws Exception {
        List<ProfileEntry> live = RssRepush.liveEntries(sandbox, "eth1");
        assertThat(new Planner().plan(sandbox, new Profile("RSS on eth1", "", live)).nothingToDo()).isTrue();

        Plan again = new Planner().planRepush(sandbox, new Profile("RSS re-push on eth1", "nettune rss apply --force", live));

        assertThat(again.steps()).extracting(s -> s.change().target()).containsExactly("rss-key eth1", "rss-table eth1");
        assertThat(again.steps()).allMatch(s -> s.notes().get(0).startsWith("Re-push:"));
        int before = sandbox.commandLog().size();
        ApplyResult r = engine.apply(sandbox, again, options, ApplyListener.NONE, new Cancellation());
        assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        assertThat(sandbox.commandLog().subList(before, sandbox.commandLog().size()))
                .anyMatch(c -> c.contains("ethtool -X eth1 hkey")).anyMatch(c -> c.contains("ethtool -X eth1 weight 32 32 32 32"));
        assertThat(engine.journal().plans(java.util.Optional.empty())).anyMatch(p -> p.profile().equals("RSS re-push on eth1"));
    }
}
