package dev.nettune.ui.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.BalanceService;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.rss.balance.KeySearch;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Balance screen in Chinese on the sandbox: what the balance service says when it has nothing to weigh. */
class BalanceInChineseTest {
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

    @Test
    void aNicWithNoFlowsIsExplainedInChinese() {
        try (AppContext ctx = new AppContext(config)) {
            BalanceService service = new BalanceService(new KeySearch.Options(3000, 20_000_000L, 1));
            BalanceViewModel m = new BalanceViewModel((h, n, u) -> {
                try (Host host = ctx.hostResolver().resolve(h, HostOptions.defaults())) {
                    return service.read(host, n, u);
                }
            }, (h, n, p) -> {
                throw new AssertionError("nothing is applied");
            }, service, TestTasks.sameThread());

            m.advise();

            String status = m.work().statusProperty().get();
            assertThat(status).startsWith("没有可均衡的流：eth1 上没有已建立的 TCP 套接字或被跟踪的流");
            assertThat(EnglishLeft.in(List.of(status, m.summaryProperty().get()))).isEmpty();
        }
    }
}
