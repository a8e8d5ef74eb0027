package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor's DPDK tab in Chinese on the sandbox: the guide around the testpmd commands, l3fwd line and C code. */
class DpdkInChineseTest {
    @TempDir
    Path config;

    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    private static DpdkViewModel model(AppContext context, String nic) {
        MonitorTarget target = new MonitorTarget(List.of("sandbox", "local"));
        target.hostProperty().set("sandbox");
        target.nicProperty().set(nic);
        return new DpdkViewModel(context.hostResolver(), target, TestTasks.sameThread());
    }

    @Test
    void theGuideForTheSandboxNicIsInChinese() {
        try (AppContext context = new AppContext(config)) {
            DpdkViewModel dpdk = model(context, "eth1");

            dpdk.generate();

            String text = dpdk.textProperty().get();
            assertThat(text).contains("rte_eth_dev_rss_reta_update").contains("# 在 testpmd> 提示符下输入");
            // The C code is code (identifiers such as "static const struct rte_eth_rss_reta_entry64"), pasted as is.
            String guide = text.substring(0, text.indexOf("/* "));
            assertThat(EnglishLeft.in(List.of(guide))).isEmpty();
        }
    }

    @Test
    void aNicWithoutCustomRssIsExplainedInChinese() {
        try (AppContext context = new AppContext(config)) {
            DpdkViewModel dpdk = model(context, "eth0");

            dpdk.generate();

            String text = dpdk.textProperty().get();
            assertThat(text).contains("没有显示 RSS");
            assertThat(EnglishLeft.in(List.of(text))).as(text).isEmpty();
        }
    }
}
