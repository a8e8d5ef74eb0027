package dev.nettune.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.tuning.ChangeCodec;
import dev.nettune.tuning.IrqAffinityChange;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.store.FileSystemProfileFiles;
import dev.nettune.tuning.ProfileLibrary;
import dev.nettune.tuning.SmcChange;
import dev.nettune.tuning.XpsChange;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile editor without a toolkit: validation as you type, the profile it makes, import and export. */
class ProfileEditorViewModelTest {
    @TempDir
    Path dir;

    private ProfileLibrary library;
    private ProfileEditorViewModel model;

    @BeforeEach
    void open() {
        library = new ProfileLibrary(dir.resolve("profiles"), new FileSystemProfileFiles());
        model = new ProfileEditorViewModel(library, Runnable::run, Runnable::run);
        model.refresh(Profile.SEED_WORKFLOW);
    }

    @Test
    void theSeedWorkflowLoadsIntoEveryFieldAndComesBackUnchanged() {
        assertThat(model.name.get()).isEqualTo(Profile.SEED_WORKFLOW);
        assertThat(model.sysctls.get()).contains("net.ipv4.tcp_max_tw_buckets = 200000");
        assertThat(model.smc.get()).isTrue();
        assertThat(model.xps.get()).isEqualTo("0-3");
        assertThat(model.xpsMasks.get()).isEqualTo("tx-0: CPUs 0-3, written as mask f (the kernel refuses \"0-3\" itself)");
        assertThat(model.unmanage.get()).isTrue();
        assertThat(model.persistBoot.get()).isTrue();
        assertThat(model.builtIn.get()).isTrue();

        assertThat(model.profile()).isPresent();
        assertThat(model.profile().get().entries()).containsExactlyInAnyOrderElementsOf(Profile.seedWorkflow().entries());
    }

    @Test
    void aSysctlOutOfRangeIsReportedOnItsLineWithWhatIsAllowed() {
        model.sysctls.set("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 500");

        assertThat(model.sysctlsError.get()).isEqualTo("Line 2: net.ipv4.tcp_fin_timeout = 500 is out of range: it takes"
                + " 1-120 (seconds in FIN-WAIT-2; the kernel caps it at 120).");
        assertThat(model.valid.get()).isFalse();
        assertThat(model.profile()).isEmpty();

        model.sysctls.set("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 15");

        assertThat(model.sysctlsError.get()).isEmpty();
        assertThat(model.valid.get()).isTrue();
    }

    @Test
    void aHexMaskTypedForXpsIsRefusedWithTheListFormItNeeds() {
        model.xps.set("f");

        assertThat(model.xpsError.get()).startsWith("tx-0: 'f' is not a CPU list: give CPU numbers and ranges such as 0-3,8")
                .contains("turns the list into the hex mask itself");
        assertThat(model.valid.get()).isFalse();
    }

    @Test
    void xpsListsPerQueueBecomeOneChangePerTxQueueWithTheirMasks() {
        model.xps.set("0-1; 2-3");

        assertThat(model.profile().get().entries()).contains(new XpsChange("eth1", 0, "0-1"), new XpsChange("eth1", 1, "2-3"));
        assertThat(model.xpsMasks.get()).contains("tx-1: CPUs 2-3, written as mask c");
    }

    @Test
    void irqAffinityWithTheBanChoiceKeepsIrqbalanceAwayFromThoseIrqs() {
        model.irqs.set("30: 0\n32: 1");
        model.irqbalance.set(ProfileEditorViewModel.Irqbalance.BAN);

        assertThat(model.profile().get().entries()).contains(new IrqAffinityChange(30, "0", ""),
                new IrqAffinityChange(32, "1", ""), new ProfileEntry.BanIrqs(java.util.List.of(30, 32)));

        model.irqs.set("thirty: 0");
        assertThat(model.irqsError.get()).startsWith("Line 1: 'thirty' is not an IRQ number");
    }

    @Test
    void smcSysctlsOutsideNetSmcAreRefused() {
        model.smcSysctls.set("net.ipv4.tcp_tw_reuse = 1");

        assertThat(model.smcError.get()).contains("is not an SMC sysctl: SMC settings are under net.smc.");
    }

    @Test
    void aBadNicNameAndABadChannelCountSayWhatIsAllowed() {
        model.channels.set("0");
        assertThat(model.channelsError.get()).contains("1-4096");
        model.channels.set("four");
        assertThat(model.channelsError.get()).contains("is not a whole number");

        model.nic.set("eth1; reboot");
        assertThat(model.nicError.get()).isNotEmpty();
        assertThat(model.valid.get()).isFalse();
    }

    @Test
    void aBuiltInProfileIsSavedUnderANewNameAndThenListed() {
        model.save();
        assertThat(model.status.get()).contains("is a built-in profile");

        model.name.set("Seed on eth2");
        model.nic.set("eth2");
        model.save();

        assertThat(model.status.get()).startsWith("Saved \"Seed on eth2\"");
        assertThat(library.find("Seed on eth2").entries()).contains(new XpsChange("eth2", 0, "0-3"), SmcChange.seedValues());
        assertThat(model.profiles).extracting(Profile::name).contains("Seed on eth2");
    }

    @Test
    void exportWritesTheLibrarysJsonAndImportReadsItBack() throws Exception {
        model.name.set("Exported");
        Path file = dir.resolve("exported.json");

        model.exportTo(file);

        Profile written = ChangeCodec.json().profileFromJson(Files.readString(file));
        assertThat(written.name()).isEqualTo("Exported");
        assertThat(written.entries()).isEqualTo(model.profile().get().entries());

        model.newProfile();
        model.importFrom(file);

        assertThat(model.name.get()).isEqualTo("Exported");
        assertThat(model.status.get()).startsWith("Imported \"Exported\"");
    }

    @Test
    void theProfileAsShownIsExportedAsAnAnsiblePlaybookOrCloudInit() throws Exception {
        model.newProfile();
        model.name.set("For Ansible");
        Path book = dir.resolve("for-ansible.yml");
        Path userData = dir.resolve("for-ansible.cloud-config.yml");

        model.exportTo(book, dev.nettune.tuning.ProfileFormat.ANSIBLE);
        assertThat(model.status.get()).isEqualTo("Exported \"For Ansible\" as an Ansible playbook (ansible-playbook -i INVENTORY"
                + " for-ansible.yml) to " + book + ".");
        model.exportTo(userData, dev.nettune.tuning.ProfileFormat.CLOUD_INIT);

        assertThat(Files.readString(book)).isEqualTo(dev.nettune.tuning.AnsiblePlaybook.render(model.profile().get()))
                .contains("- name: \"NetTune profile: For Ansible\"");
        assertThat(Files.readString(userData)).isEqualTo(dev.nettune.tuning.CloudInitUserData.render(model.profile().get()))
                .startsWith("#cloud-config\n");
    }

    @Test
    void importingABrokenFileSaysWhichFileAndWhy() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"name\": \"x\", \"entries\": [{\"type\": \"sysctl\", \"name\": \"net.ipv4.tcp_fin_timeout\", \"value\": \"999\"}]}");

        model.importFrom(file);

        assertThat(model.status.get()).startsWith("Cannot import " + file).contains("out of range");
    }

    @Test
    void importingAProfileThatWritesOutsideTheTuningFoldersIsRefusedNamingTheAllowedRoots() throws Exception {
        Path file = Files.writeString(dir.resolve("hostile.json"), "{\"name\": \"x\", \"entries\": [{\"type\": \"file\","
                + " \"path\": \"/etc/cron.d/x\", \"content\": \"* * * * * root id\"}]}");

        model.importFrom(file);

        assertThat(model.status.get()).startsWith("Cannot import " + file).contains("/etc/cron.d/x")
                .contains("/etc/sysctl.d/");
        assertThat(library.all()).noneMatch(p -> p.name().equals("x"));
    }

    @Test
    void importingAProfileMarkedUnrestrictedWarnsWhatItDoesBeyondTheLimits() throws Exception {
        Path file = Files.writeString(dir.resolve("marked.json"), "{\"name\": \"marked\", \"unrestricted\": true,"
                + " \"entries\": [{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"}]}");

        model.importFrom(file);

        assertThat(model.status.get()).startsWith("Imported \"marked\"").contains("WARNING").contains("kernel.sysrq");
    }
}
