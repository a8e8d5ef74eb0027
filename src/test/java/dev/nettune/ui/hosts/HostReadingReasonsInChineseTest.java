package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.linux.HostState;
import dev.nettune.linux.HostStateAssembler;
import dev.nettune.linux.HostStateScript;
import dev.nettune.linux.ProbeOutput;
import dev.nettune.ui.common.Messages;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Why a fact of a host could not be read is said in the Hosts screen's language; the host's own words stay as printed. */
class HostReadingReasonsInChineseTest {
    private static HostState read(String probe, ProbeOutput out) {
        return HostStateAssembler.assemble("web1", Instant.EPOCH, Map.of(probe, out));
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void aMissingToolReadsAsNotInstalledInChinese() {
        HostState s = read(HostStateScript.KERNEL, new ProbeOutput(127, "", "sh: 1: uname: not found"));
        Messages.use(Messages.CHINESE);

        assertThat(HostsViewModel.shown(s.kernel(), k -> k)).isEqualTo("未知，原因：主机上没有安装 uname（uname -r 无法运行）");
    }

    @Test
    void aPermissionErrorKeepsTheHostsWordsInsideTheChineseSentence() {
        HostState s = read(HostStateScript.KERNEL, new ProbeOutput(1, "", "uname: Permission denied"));
        Messages.use(Messages.CHINESE);

        assertThat(HostsViewModel.shown(s.kernel(), k -> k)).isEqualTo("未知，原因：权限被拒绝（uname -r：uname: Permission denied）；请以 root 读取");
    }

    @Test
    void inEnglishTheReasonIsUnchanged() {
        HostState s = read(HostStateScript.KERNEL, new ProbeOutput(127, "", "sh: 1: uname: not found"));

        assertThat(HostsViewModel.shown(s.kernel(), k -> k)).isEqualTo("unknown because uname is not installed on the host (uname -r could not run)");
    }
}
