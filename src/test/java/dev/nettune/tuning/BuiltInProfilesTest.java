package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.sandbox.SandboxInstance;
import org.junit.jupiter.api.Test;

/** The built-in profiles carry the seed's values and plan on the sandbox (Alibaba Cloud Linux 3). */
class BuiltInProfilesTest {
    @Test
    void theSeedWorkflowCoversEveryHostStepWithTheSeedsValues() {
        Profile seed = Profile.seedWorkflow();

        assertThat(seed.entries()).contains(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"),
                new SysctlChange("net.ipv4.tcp_fin_timeout", "15"), SmcChange.seedValues(),
                new XpsChange("eth1", 0, "0-3"), NetworkManagerChange.unmanage("eth1"),
                new ProfileEntry.PersistSysctls(null), new ProfileEntry.PersistNetworkManager("eth1"));
        assertThat(SmcChange.seedValues().sysctls()).containsEntry("net.smc.smc_enabled", "1")
                .containsEntry("net.smc.smc_rdma_enabled", "1");
        assertThat(XpsChange.mask("0-3")).isEqualTo("f");
    }

    @Test
    void everyBuiltInProfilePlansOnTheSandboxWithoutProblems() throws Exception {
        for (Profile p : Profile.builtIn()) {
            Plan plan = new Planner().plan(SandboxInstance.demo(), p);

            assertThat(plan.problems()).as(p.name()).isEmpty();
            assertThat(plan.applicable()).as(p.name()).isTrue();
            assertThat(plan.steps()).as(p.name()).isNotEmpty();
        }
    }

    @Test
    void theSeedWorkflowWritesXpsAsTheHexMaskAndPersistsTheSysctlsInTheSeedsFile() throws Exception {
        Plan plan = new Planner().plan(SandboxInstance.demo(), Profile.seedWorkflow());

        assertThat(PlanPreview.text(plan)).contains("/sys/class/net/eth1/queues/tx-0/xps_cpus")
                .contains("/etc/sysctl.d/99-network-tuning.conf").contains("modprobe smc");
    }

    @Test
    void builtInProfilesSurviveTheJsonRoundTripOfTheProfileLibrary() {
        for (Profile p : Profile.builtIn()) {
            assertThat(ChangeCodec.json().profileFromJson(ChangeCodec.json().toJson(p))).isEqualTo(p);
        }
    }
}
