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
        assertThat(model.nameProperty().get()).isEqualTo(Profile.SEED_WORKFLOW);
        assertThat(model.sysctls().sysctlsProperty().get()).contains("net.ipv4.tcp_max_tw_buckets = 200000");
        assertThat(model.smc().smcProperty().get()).isTrue();
        assertThat(model.xps().xpsProperty().get()).isEqualTo("0-3");
        assertThat(model.xps().xpsMasksProperty().get()).isEqualTo("tx-0: CPUs 0-3, written as mask f (the kernel refuses \"0-3\" itself)");
        assertThat(model.networkManager().unmanageProperty().get()).isTrue();
        assertThat(model.boot().persistBootProperty().get()).isTrue();
        assertThat(model.builtInProperty().get()).isTrue();

        assertThat(model.profile()).isPresent();
        assertThat(model.profile().get().entries()).containsExactlyInAnyOrderElementsOf(Profile.seedWorkflow().entries());
    }

    @Test
    void aSavedFileTheLimitsRefuseIsNamedInTheStatusInsteadOfSilentlyMissingFromTheList() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("profiles"));
        java.nio.file.Files.writeString(dir.resolve("profiles/old-vm.json"), "{\"name\": \"old vm\", \"entries\": [{\"type\":"
                + " \"sysctl\", \"name\": \"vm.swappiness\", \"value\": \"10\"}]}");

        model.refresh(Profile.SEED_WORKFLOW);

        assertThat(model.profiles()).extracting(Profile::name).doesNotContain("old vm");
        assertThat(model.statusProperty().get()).startsWith("One saved profile file cannot be used and is not listed: old-vm.json: ")
                .contains("vm.swappiness");
    }

    @Test
    void aSysctlOutOfRangeIsReportedOnItsLineWithWhatIsAllowed() {
        model.sysctls().sysctlsProperty().set("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 500");

        assertThat(model.sysctls().sysctlsErrorProperty().get()).isEqualTo("Line 2: net.ipv4.tcp_fin_timeout = 500 is out of range: it takes"
                + " 1-120 (seconds in FIN-WAIT-2; the kernel caps it at 120).");
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.profile()).isEmpty();

        model.sysctls().sysctlsProperty().set("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 15");

        assertThat(model.sysctls().sysctlsErrorProperty().get()).isEmpty();
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void aHexMaskTypedForXpsIsRefusedWithTheListFormItNeeds() {
        model.xps().xpsProperty().set("f");

        assertThat(model.xps().xpsErrorProperty().get()).startsWith("tx-0: 'f' is not a CPU list: give CPU numbers and ranges such as 0-3,8")
                .contains("turns the list into the hex mask itself");
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void xpsListsPerQueueBecomeOneChangePerTxQueueWithTheirMasks() {
        model.xps().xpsProperty().set("0-1; 2-3");

        assertThat(model.profile().get().entries()).contains(new XpsChange("eth1", 0, "0-1"), new XpsChange("eth1", 1, "2-3"));
        assertThat(model.xps().xpsMasksProperty().get()).contains("tx-1: CPUs 2-3, written as mask c");
    }

    @Test
    void irqAffinityWithTheBanChoiceKeepsIrqbalanceAwayFromThoseIrqs() {
        model.irq().irqsProperty().set("30: 0\n32: 1");
        model.irq().irqbalanceProperty().set(IrqSectionModel.Irqbalance.BAN);

        assertThat(model.profile().get().entries()).contains(new IrqAffinityChange(30, "0", ""),
                new IrqAffinityChange(32, "1", ""), new ProfileEntry.BanIrqs(java.util.List.of(30, 32)));

        model.irq().irqsProperty().set("thirty: 0");
        assertThat(model.irq().irqsErrorProperty().get()).startsWith("Line 1: 'thirty' is not an IRQ number");
    }

    @Test
    void smcSysctlsOutsideNetSmcAreRefused() {
        model.smc().smcSysctlsProperty().set("net.ipv4.tcp_tw_reuse = 1");

        assertThat(model.smc().smcErrorProperty().get()).contains("is not an SMC sysctl: SMC settings are under net.smc.");
    }

    @Test
    void aBadNicNameAndABadChannelCountSayWhatIsAllowed() {
        model.channels().channelsProperty().set("0");
        assertThat(model.channels().channelsErrorProperty().get()).contains("1-4096");
        model.channels().channelsProperty().set("four");
        assertThat(model.channels().channelsErrorProperty().get()).contains("is not a whole number");

        model.nicProperty().set("eth1; reboot");
        assertThat(model.nicErrorProperty().get()).isNotEmpty();
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void aBuiltInProfileIsSavedUnderANewNameAndThenListed() {
        model.save();
        assertThat(model.statusProperty().get()).contains("is a built-in profile");

        model.nameProperty().set("Seed on eth2");
        model.nicProperty().set("eth2");
        model.save();

        assertThat(model.statusProperty().get()).startsWith("Saved \"Seed on eth2\"");
        assertThat(library.find("Seed on eth2").entries()).contains(new XpsChange("eth2", 0, "0-3"), SmcChange.seedValues());
        assertThat(model.profiles()).extracting(Profile::name).contains("Seed on eth2");
    }

    @Test
    void exportWritesTheLibrarysJsonAndImportReadsItBack() throws Exception {
        model.nameProperty().set("Exported");
        Path file = dir.resolve("exported.json");

        model.exportTo(file);

        Profile written = ChangeCodec.json().profileFromJson(Files.readString(file));
        assertThat(written.name()).isEqualTo("Exported");
        assertThat(written.entries()).isEqualTo(model.profile().get().entries());

        model.newProfile();
        model.importFrom(file);

        assertThat(model.nameProperty().get()).isEqualTo("Exported");
        assertThat(model.statusProperty().get()).startsWith("Imported \"Exported\"");
    }

    @Test
    void theProfileAsShownIsExportedAsAnAnsiblePlaybookOrCloudInit() throws Exception {
        model.newProfile();
        model.nameProperty().set("For Ansible");
        Path book = dir.resolve("for-ansible.yml");
        Path userData = dir.resolve("for-ansible.cloud-config.yml");

        model.exportTo(book, dev.nettune.tuning.ProfileFormat.ANSIBLE);
        assertThat(model.statusProperty().get()).isEqualTo("Exported \"For Ansible\" as an Ansible playbook (ansible-playbook -i INVENTORY"
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

        assertThat(model.statusProperty().get()).startsWith("Cannot import " + file).contains("out of range");
    }

    @Test
    void importingAProfileThatWritesOutsideTheTuningFoldersIsRefusedNamingTheAllowedRoots() throws Exception {
        Path file = Files.writeString(dir.resolve("hostile.json"), "{\"name\": \"x\", \"entries\": [{\"type\": \"file\","
                + " \"path\": \"/etc/cron.d/x\", \"content\": \"* * * * * root id\"}]}");

        model.importFrom(file);

        assertThat(model.statusProperty().get()).startsWith("Cannot import " + file).contains("/etc/cron.d/x")
                .contains("/etc/sysctl.d/");
        assertThat(library.all()).noneMatch(p -> p.name().equals("x"));
    }

    @Test
    void importingAProfileMarkedUnrestrictedWarnsWhatItDoesBeyondTheLimits() throws Exception {
        Path file = Files.writeString(dir.resolve("marked.json"), "{\"name\": \"marked\", \"unrestricted\": true,"
                + " \"entries\": [{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"}]}");

        model.importFrom(file);

        assertThat(model.statusProperty().get()).startsWith("Imported \"marked\"").contains("WARNING").contains("kernel.sysrq");
    }

    @Test
    void aSysctlBeyondTheNetworkStackIsRefusedWithTheUnrestrictedMarkAsTheWayOut() {
        model.newProfile();
        model.sysctls().sysctlsProperty().set("net.ipv4.tcp_tw_reuse = 1\nvm.swappiness = 10");

        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.nameErrorProperty().get()).contains("vm.swappiness").contains("Tick \"Unrestricted\"");
        assertThat(model.limitsWarningProperty().get()).isEmpty();
    }

    @Test
    void tickingUnrestrictedMakesAMarkedProfileAndSaysWhatGoesBeyondTheLimits() throws Exception {
        model.newProfile();
        model.nameProperty().set("swappy");
        model.sysctls().sysctlsProperty().set("net.ipv4.tcp_tw_reuse = 1\nvm.swappiness = 10");

        model.unrestrictedProperty().set(true);

        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.profile().orElseThrow().unrestricted()).isTrue();
        assertThat(model.limitsWarningProperty().get()).startsWith("WARNING").contains("vm.swappiness");
        model.save();
        assertThat(library.all()).filteredOn(p -> p.name().equals("swappy")).singleElement()
                .satisfies(p -> assertThat(p.unrestricted()).isTrue());
    }

    @Test
    void aProfileWithinTheLimitsNeedsNoMarkAndShowsNoWarning() {
        model.newProfile();
        model.unrestrictedProperty().set(true);

        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.limitsWarningProperty().get()).isEmpty();
    }

    @Test
    void loadingAMarkedProfileTicksTheMarkAndLoadingAnUnmarkedOneClearsIt() {
        Profile marked = new Profile("marked", "", java.util.List.of(new dev.nettune.tuning.SysctlChange("vm.swappiness", "10")), true);
        model.load(marked);
        assertThat(model.unrestrictedProperty().get()).isTrue();

        model.load(Profile.seedWorkflow());
        assertThat(model.unrestrictedProperty().get()).isFalse();
    }
}
