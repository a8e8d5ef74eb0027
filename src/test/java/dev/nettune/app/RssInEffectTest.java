package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssPush;
import dev.nettune.tuning.RssRepush;
import dev.nettune.tuning.RssTableChange;
import dev.nettune.tuning.SysctlChange;
import dev.nettune.tuning.TuningEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps the boot id and the key and table before each RSS push; a reboot since the last one is told. */
class RssInEffectTest {
    @TempDir
    Path dir;
    SandboxInstance sandbox;
    Journal journal;
    TuningEngine engine;
    RssInEffect effect;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxInstance(42, 4, 4);
        journal = new SqliteJournal(Database.open(dir.resolve("nettune.db")));
        engine = new TuningEngine(journal);
        effect = new RssInEffect(journal);
    }

    private ApplyResult apply(ProfileEntry... entries) throws Exception {
        ApplyOptions options = ApplyOptions.defaults(sandbox::connect).withSleeper(sandbox::advanceTime);
        ApplyResult r = engine.apply(sandbox, new Planner().plan(sandbox, new Profile("rss", "", List.of(entries))), options,
                ApplyListener.NONE, new Cancellation());
        assertThat(r.status()).as(r.message()).isEqualTo(Journal.PlanStatus.APPLIED);
        return r;
    }

    private void repush() throws Exception {
        ApplyOptions options = ApplyOptions.defaults(sandbox::connect).withSleeper(sandbox::advanceTime);
        engine.apply(sandbox, new Planner().planRepush(sandbox, new Profile("re-push", "", RssRepush.liveEntries(sandbox, "eth1"))),
                options, ApplyListener.NONE, new Cancellation());
    }

    @Test
    void anRssApplyJournalsTheBootIdAndTheKeyAndTableBeforeAndAfter() throws Exception {
        RssKey before = sandbox.rssKey("eth1");
        IndirectionTable tableBefore = sandbox.indirectionTable("eth1");
        String key = RssKey.random(40).toColonHex();

        ApplyResult r = apply(new RssKeyChange("eth1", key), new RssTableChange("eth1", "weight 3 1"));

        List<RssPush> pushes = journal.rssPushes(sandbox.name(), "eth1");
        assertThat(pushes).hasSize(1);
        RssPush p = pushes.get(0);
        assertThat(p.planId()).isEqualTo(r.planId());
        assertThat(p.bootId()).isEqualTo(sandbox.bootId());
        assertThat(p.previousKey()).contains(before);
        assertThat(p.keyAfter()).contains(key);
        assertThat(p.previousTable()).contains(tableBefore);
        assertThat(p.changed()).isTrue();
    }

    @Test
    void aPlanThatSetsNoKeyOrTableJournalsNoPush() throws Exception {
        apply(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"));

        assertThat(journal.rssPushes(sandbox.name(), "eth1")).isEmpty();
    }

    @Test
    void aRebootSinceTheLastPushIsWarnedAboutNamingBothBootIds() throws Exception {
        repush();
        assertThat(effect.check(sandbox, "eth1")).isEmpty();
        String pushedIn = sandbox.bootId();

        sandbox.reboot();

        RssInEffect.Warning w = effect.check(sandbox, "eth1").orElseThrow();
        assertThat(w.reason()).isEqualTo(RssInEffect.Reason.REBOOTED);
        assertThat(w.text()).contains("rebooted since NetTune last set the key and table of eth1")
                .contains("boot_id " + pushedIn).contains("now boot_id " + sandbox.bootId()).contains("not persistent")
                .contains("--force");
    }

    @Test
    void aRebootsCauseInsideAVerdictKeepsThePushTimeWhole() throws Exception {
        repush();
        sandbox.reboot();

        RssInEffect.Warning w = effect.check(sandbox, "eth1").orElseThrow();
        // The clause a failed verification quotes: once cut at the first ':' it ended inside the push's time stamp.
        assertThat(w.cause().toString()).matches(sandbox.name() + " rebooted since NetTune last set the key and table of eth1 \\(\\d{4}-.*T\\d\\d:\\d\\d:.*"
                + "; now boot_id " + sandbox.bootId() + "\\)");
        assertThat(w.said().in(Locale.SIMPLIFIED_CHINESE)).contains("已重启").contains("可能并未生效").contains("--force");
    }

    @Test
    void theNotSetThisBootCauseReadsInsideAVerdictWithNetTuneCapitalised() throws Exception {
        RssInEffect.Warning w = effect.check(sandbox, "eth1").orElseThrow();

        assertThat(effect.reasonRssMayBeOff(sandbox, "eth1")).contains(w.cause());
        assertThat(w.cause().toString()).startsWith("NetTune has not set the key and table of eth1 since this boot")
                .doesNotContain("may not be in effect");
        assertThat(w.cause().in(Locale.SIMPLIFIED_CHINESE)).startsWith("本次启动").contains("NetTune 尚未设置 eth1 的哈希密钥和间接表");
    }

    @Test
    void theBootIdDecidesWhereTheClockWouldNot() {
        // A push journaled after the boot time the host's uptime gives, yet in another boot (a clock stepped back).
        journal.rssPushed(new RssPush("p1", "web", "eth1", Instant.now(), "boot-a", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));

        Optional<RssInEffect.Warning> w = effect.check("web", "eth1",
                new RssInEffect.BootFacts("boot-b", Instant.now().minusSeconds(3600), "mlx5_core", false));

        assertThat(w).get().extracting(RssInEffect.Warning::reason).isEqualTo(RssInEffect.Reason.REBOOTED);
    }

    @Test
    void aPushInThisBootOnAnyDriverIsNoWarning() {
        journal.rssPushed(new RssPush("p1", "web", "eth1", Instant.now().minusSeconds(7200), "boot-a", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(effect.check("web", "eth1", new RssInEffect.BootFacts("boot-a", Instant.now(), "virtio_net", false))).isEmpty();
    }

    @Test
    void theBootReapplyUnitPutsThemBackSoARebootIsNoWarning() throws Exception {
        repush();
        sandbox.run(Command.of("tee", BootReapply.UNIT_PATH).withStdin("[Unit]\n"), Duration.ofSeconds(5));

        sandbox.reboot();

        assertThat(effect.check(sandbox, "eth1")).isEmpty();
    }

    @Test
    void virtioNetNeverPushedThisBootIsWarnedAboutAsBefore() throws Exception {
        RssInEffect.Warning w = effect.check(sandbox, "eth1").orElseThrow();

        assertThat(w.reason()).isEqualTo(RssInEffect.Reason.NOT_SET_THIS_BOOT);
        assertThat(w.text()).contains("NetTune has not set the key and table of eth1 since this boot (boot_id " + sandbox.bootId());
    }

    @Test
    void thePreviousKeyAndTableAreThoseBeforeTheLastChangeNotBeforeALaterRepush() throws Exception {
        RssKey original = sandbox.rssKey("eth1");
        IndirectionTable originalTable = sandbox.indirectionTable("eth1");
        apply(new RssKeyChange("eth1", RssKey.random(40).toColonHex()), new RssTableChange("eth1", "equal 2"));
        repush();

        RssInEffect.Previous p = effect.previous(sandbox.name(), "eth1");

        assertThat(p.key()).contains(original);
        assertThat(p.table()).contains(originalTable);
    }

    @Test
    void withNoPushJournaledThereIsNoPreviousKeyOrTable() {
        assertThat(effect.previous(sandbox.name(), "eth1")).isEqualTo(new RssInEffect.Previous(Optional.empty(), Optional.empty()));
    }
}
