package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every value is validated before a plan exists; each message says what is wrong and what is allowed. */
class TuningValuesTest {
    @Test
    void theBuiltInProfileCarriesTheSeedsTimeWaitValues() {
        var entries = Profile.ecsHighThroughput().entries();
        assertThat(entries).contains(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"),
                new SysctlChange("net.ipv4.tcp_fin_timeout", "15"));
        assertThat(entries).hasAtLeastOneElementOfType(ProfileEntry.PersistSysctls.class);
    }

    @Test
    void aKnownSysctlOutOfRangeIsRefusedWithItsRange() {
        assertThatThrownBy(() -> new SysctlChange("net.ipv4.tcp_tw_reuse", "3"))
                .isInstanceOf(TuningInputException.class).hasMessageContaining("0-2").hasMessageContaining("loopback");
        assertThatThrownBy(() -> new SysctlChange("net.ipv4.tcp_fin_timeout", "900"))
                .hasMessageContaining("1-120");
    }

    @Test
    void aKnownIntegerSysctlRefusesText() {
        assertThatThrownBy(() -> new SysctlChange("net.ipv4.tcp_max_tw_buckets", "lots"))
                .hasMessageContaining("not a whole number");
    }

    @Test
    void aSysctlNameWithShellCharactersIsRefused() {
        assertThatThrownBy(() -> new SysctlChange("net.ipv4.tcp_fin_timeout;reboot", "15"))
                .hasMessageContaining("not a sysctl name");
        assertThatThrownBy(() -> new SysctlChange("../../etc/passwd", "1")).hasMessageContaining("not a sysctl name");
    }

    @Test
    void anUnknownSysctlValueWithANewlineIsRefusedSoItCannotBreakTheConfFile() {
        assertThatThrownBy(() -> new SysctlChange("net.core.somaxconn", "4096\nkernel.panic = 1"))
                .hasMessageContaining("one line");
    }

    @Test
    void multiValueSysctlsAreCanonicalisedToSingleSpaces() {
        assertThat(new SysctlChange("net.ipv4.tcp_rmem", "4096\t131072   6291456").value()).isEqualTo("4096 131072 6291456");
    }

    @Test
    void nicNamesFollowTheKernelsRules() {
        assertThat(TuningInputException.checkNic("eth1")).isEqualTo("eth1");
        assertThatThrownBy(() -> TuningInputException.checkNic("eth1; rm -rf /")).hasMessageContaining("1-15 characters");
        assertThatThrownBy(() -> TuningInputException.checkNic("averyveryverylongname")).hasMessageContaining("1-15 characters");
        assertThatThrownBy(() -> new NetworkManagerChange("..", false)).isInstanceOf(TuningInputException.class);
    }

    @Test
    void anRssKeyOfBadHexIsRefused() {
        assertThatThrownBy(() -> new RssKeyChange("eth1", "zz:5a")).hasMessageContaining("hex");
    }

    @Test
    void anRssKeyOfTheWrongLengthForTheNicIsAPlanProblem() {
        var c = new RssKeyChange("eth1", "6d:5a:56:da");
        String current40 = String.join(":", java.util.Collections.nCopies(40, "00"));
        assertThat(c.problemsGiven(current40)).singleElement().asString().contains("40 bytes");
    }

    @Test
    void anRssTableRequestIsCheckedAgainstTheRingCount() {
        var c = new RssTableChange("eth1", "equal 8");
        String current = RssTableChange.value(dev.nettune.rss.IndirectionTable.defaultFor(128, 4), 4);
        assertThat(c.problemsGiven(current)).singleElement().asString().contains("4 ring(s)");
    }

    @Test
    void aBadFilePathIsRefused() {
        assertThatThrownBy(() -> FileChange.of("/etc/../root/x", "y")).hasMessageContaining("without '..'");
        assertThatThrownBy(() -> FileChange.of("relative/x", "y")).hasMessageContaining("absolute");
    }

    @Test
    void theConfirmTimeoutMustBeLongEnoughToReconnect() {
        assertThatThrownBy(() -> ApplyOptions.defaults(null).withConfirmTimeout(java.time.Duration.ofSeconds(2)))
                .hasMessageContaining("10-3600");
    }

    @Test
    void aFileIsWrittenThroughATemporaryFileAndARename() {
        var w = new Action.WriteFile("/etc/sysctl.d/99-network-tuning.conf", "a = 1\n", "644");
        assertThat(w.commands()).extracting(Command::display).containsExactly(
                "sudo mkdir -p /etc/sysctl.d",
                "sudo tee /etc/sysctl.d/99-network-tuning.conf.nettune-tmp",
                "sudo chmod 644 /etc/sysctl.d/99-network-tuning.conf.nettune-tmp",
                "sudo mv -f /etc/sysctl.d/99-network-tuning.conf.nettune-tmp /etc/sysctl.d/99-network-tuning.conf");
        assertThat(w.commands().get(1).stdin()).contains("a = 1\n");
    }

    @Test
    void theSysctlFileKeepsOtherLinesAndReplacesTheManagedOnesInPlace() {
        var f = new SysctlFileChange(null, Map.of("net.ipv4.tcp_fin_timeout", "15"));
        String current = "# mine\nvm.swappiness = 10\nnet.ipv4.tcp_fin_timeout=60\n";
        String after = f.desiredGiven(current);
        assertThat(after).isEqualTo("# mine\nvm.swappiness = 10\nnet.ipv4.tcp_fin_timeout = 15\n");
        assertThat(f.desiredGiven(after)).isEqualTo(after);
    }

    @Test
    void aNewSysctlFileHasAHeaderAndEveryManagedLine() {
        var f = SysctlFileChange.of(List.of(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_fin_timeout", "15")));
        assertThat(f.desiredGiven(FileChange.ABSENT)).startsWith("# Network tuning written by NetTune")
                .endsWith("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 15\n");
        assertThat(f.actions(FileChange.ABSENT, f.desired()).get(1).display())
                .isEqualTo("sudo sysctl -p /etc/sysctl.d/99-network-tuning.conf");
    }

    @Test
    void aTableIsRecognisedAsTheEthtoolRequestThatRebuildsIt() {
        var t = dev.nettune.rss.TableSpec.parse("start 1 equal 2").build(128, java.util.OptionalInt.of(4));
        assertThat(RssTableChange.recognise(t, 4)).isEqualTo("start 1 equal 2");
        var w = dev.nettune.rss.TableSpec.parse("weight 6 4").build(128, java.util.OptionalInt.of(4));
        assertThat(RssTableChange.recognise(w, 4)).isEqualTo("weight 76 52");
        assertThat(w.equals(dev.nettune.rss.TableSpec.parse("weight 76 52").build(128, java.util.OptionalInt.of(4))))
                .isTrue();
        assertThat(RssTableChange.recognise(dev.nettune.rss.IndirectionTable.defaultFor(128, 4), 4)).isEqualTo("default");
    }

    @Test
    void changesAndProfilesSurviveTheirJsonForm() {
        Profile p = new Profile("mine", "test", List.of(new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                SmcChange.seedValues(), new ProfileEntry.PersistSmc(), NetworkManagerChange.unmanage("eth1"),
                new ProfileEntry.PersistNetworkManager("eth1"), new RssTableChange("eth1", "equal 2"),
                new ProfileEntry.PersistSysctls(null)));
        String json = ChangeCodec.json().toJson(p);
        assertThat(json).contains("\"type\" : \"sysctl\"").contains("net.ipv4.tcp_fin_timeout");
        assertThat(ChangeCodec.json().profileFromJson(json)).isEqualTo(p);
        Change c = new RssKeyChange("eth1", dev.nettune.rss.RssKey.MICROSOFT.toColonHex());
        assertThat(ChangeCodec.json().fromJson(ChangeCodec.json().toJson(c))).isEqualTo(c);
    }

    @Test
    void anInvalidValueInAProfileFileIsReportedNotLoaded() {
        String json = "{\"name\":\"x\",\"entries\":[{\"type\":\"sysctl\",\"name\":\"net.ipv4.tcp_tw_reuse\",\"value\":\"7\"}]}";
        assertThatThrownBy(() -> ChangeCodec.json().profileFromJson(json)).isInstanceOf(TuningInputException.class)
                .hasMessageContaining("0-2");
    }

    /** nmcli's answers captured on Debian 12 (network-manager 1.42, dash): no daemon, no system bus, no nmcli. */
    private static String nmRead(int exit, String stderr) {
        NetworkManagerChange c = NetworkManagerChange.unmanage("eth1");
        return c.read(List.of(new CommandResult(c.readCommands().get(0), exit, "", stderr))).asOptional().orElseThrow();
    }

    @Test
    void aHostWhereNetworkManagerDoesNotRunSkipsTheStepAndSaysWhy() {
        NetworkManagerChange c = NetworkManagerChange.unmanage("eth1");

        String notRunning = nmRead(8, "Error: NetworkManager is not running.\n");
        String noBus = nmRead(1, "Error: Could not create NMClient object: Could not connect: No such file or directory.\n");

        assertThat(notRunning).isEqualTo(NetworkManagerChange.NOT_RUNNING);
        assertThat(noBus).isEqualTo(NetworkManagerChange.NOT_RUNNING);
        assertThat(c.skippedBecause(notRunning)).hasValueSatisfying(r -> assertThat(r.toString()).startsWith("NetworkManager is not running"));
    }

    @Test
    void aHostWithoutNmcliSkipsTheStepAsNotInstalled() {
        String none = nmRead(127, "sh: 1: nmcli: not found\n");

        assertThat(none).isEqualTo(NetworkManagerChange.NO_NETWORKMANAGER);
        assertThat(NetworkManagerChange.unmanage("eth1").skippedBecause(none))
                .hasValueSatisfying(r -> assertThat(r.toString()).startsWith("NetworkManager is not installed"));
    }

    @Test
    void givingTheNicBackReloadsNetworkManagersConfigurationFirst() {
        assertThat(NetworkManagerChange.unmanage("eth1").actions("unmanaged", "managed")).flatExtracting(Action::commands)
                .extracting(Command::display).containsExactly("sudo nmcli general reload conf", "sudo nmcli device set eth1 managed yes");
    }

    @Test
    void aSysctlFilesTitleSaysHowManySettingsItPersistsInEitherLanguage() {
        var two = new SysctlFileChange(null, Map.of("net.ipv4.tcp_fin_timeout", "15", "net.ipv4.tcp_tw_reuse", "1"));
        assertThat(two.title()).isEqualTo("/etc/sysctl.d/99-network-tuning.conf (persists 2 sysctls)");
        assertThat(two.titlePhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("/etc/sysctl.d/99-network-tuning.conf（持久化 2 个 sysctl）");
        assertThat(new SysctlFileChange(null, Map.of("net.ipv4.tcp_fin_timeout", "15")).title())
                .isEqualTo("/etc/sysctl.d/99-network-tuning.conf (persists 1 sysctl)");
    }

    @Test
    void aSysctlsTitleIsItsNameInEveryLanguage() {
        var fin = new SysctlChange("net.ipv4.tcp_fin_timeout", "15");
        assertThat(fin.titlePhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("net.ipv4.tcp_fin_timeout").isEqualTo(fin.title());
    }

    @Test
    void aPlanWhoseEveryStepWasSkippedDoesNotSayTheHostAlreadyHasThem() {
        HostFacts facts = new HostFacts("6.1.0", "0-3", true, java.util.Optional.empty(), true, Map.of(), false);
        var skipped = new Plan("p1", "nm-lab", "seed step 7", java.time.Instant.now(), List.of(), List.of(),
                List.of(dev.nettune.Phrase.literal("NetworkManager on eth1: NetworkManager is not running on this host - skipped.")),
                List.of(), facts);
        var partly = new Plan("p2", "nm-lab", "seed step 7", java.time.Instant.now(), List.of(),
                List.of(dev.nettune.Phrase.literal("net.ipv4.tcp_fin_timeout is already 15")), skipped.notePhrases(), List.of(), facts);

        assertThat(TuningEngine.nothingToDo(skipped)).isEqualTo("Nothing to do: every step of the profile was skipped on this host (1, see Skipped).");
        assertThat(TuningEngine.nothingToDo(partly)).startsWith("Nothing to do: the host already has every value of the profile that applies");
        assertThat(TuningEngine.nothingToDoPhrase(skipped).in(Locale.SIMPLIFIED_CHINESE)).contains("都已跳过");
    }
}
