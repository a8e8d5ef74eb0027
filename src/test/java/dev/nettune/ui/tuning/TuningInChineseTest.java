package dev.nettune.ui.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tuning screen in Chinese on the sandbox: what an apply, a rollback and an undo say in the status, the run log and the rows. */
class TuningInChineseTest {
    @TempDir
    Path config;

    private AppContext context;
    private TuningViewModel model;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(config);
        model = new TuningViewModel(name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context.tuningEngine(), List.of("sandbox", "local"), context.profiles().all(), Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        context.close();
        Messages.use(Messages.ENGLISH);
    }

    private List<String> shown() {
        List<String> texts = new ArrayList<>(model.log());
        texts.add(model.statusProperty().get());
        model.rows().forEach(r -> texts.add(r.status()));
        return texts;
    }

    @Test
    void anApplyAndItsUndoSayHowTheyEndedInChinese() {
        model.makePlan();
        model.apply();
        List<String> applied = shown();
        model.undo();

        assertThat(applied).anyMatch(t -> t.contains("已应用 5 步；每个值的回读都与计划一致。"));
        assertThat(EnglishLeft.in(applied)).as(String.join("\n", applied)).isEmpty();
        assertThat(EnglishLeft.in(shown())).as(String.join("\n", shown())).isEmpty();
    }

    @Test
    void theQuestionBeforeAnUnrestrictedProfileListsWhatItDoesInChinese() {
        model.profileProperty().set(new dev.nettune.tuning.Profile("marked", "", List.of(new dev.nettune.tuning.SysctlChange("kernel.sysrq", "0"),
                new dev.nettune.tuning.FileChange("/etc/modprobe.d/x.conf", "options x y=1\n", "644",
                        List.of(List.of("reboot")), List.of())), true));

        String question = model.unrestrictedQuestion();

        assertThat(question).contains("sysctl 条目：sysctl“kernel.sysrq”不在 net.* 之内").contains("命令“reboot”");
        assertThat(EnglishLeft.in(List.of(question))).as(question).isEmpty();
    }

    @Test
    void theRunLogAndTheQuestionsNameTheBuiltInProfileAsThePickerDoes() {
        model.makePlan();
        String question = model.applyQuestion();
        model.apply();
        model.makePlan();

        List<String> said = new ArrayList<>(shown());
        said.add(question);
        assertThat(String.join("\n", said)).contains("ECS 高吞吐").doesNotContain("ECS high throughput");
    }

    /** The sandbox seen through a connection that loses the last answer of every batch of reads. */
    private static dev.nettune.host.Host answeringShort(dev.nettune.host.Host host) {
        return new dev.nettune.host.Host() {
            @Override
            public String name() {
                return host.name();
            }

            @Override
            public dev.nettune.host.CommandResult run(dev.nettune.host.Command command, java.time.Duration timeout)
                    throws dev.nettune.host.HostException, InterruptedException {
                return host.run(command, timeout);
            }

            @Override
            public List<dev.nettune.host.CommandResult> runAll(List<dev.nettune.host.Command> commands, java.time.Duration timeout)
                    throws dev.nettune.host.HostException, InterruptedException {
                List<dev.nettune.host.CommandResult> all = host.runAll(commands, timeout);
                return all.subList(0, Math.max(0, all.size() - 1));
            }

            @Override
            public dev.nettune.host.LineStream stream(dev.nettune.host.Command command, dev.nettune.host.LineStream.Sink sink)
                    throws dev.nettune.host.HostException {
                return host.stream(command, sink);
            }

            @Override
            public void close() {
                host.close();
            }
        };
    }

    @Test
    void aHostThatAnswersFewerReadsThanAskedIsSaidInChinese() {
        model = new TuningViewModel(name -> answeringShort(context.hostResolver().resolve(name, HostOptions.defaults())),
                context.tuningEngine(), List.of("sandbox"), context.profiles().all(), Runnable::run, Runnable::run);

        model.makePlan();

        String status = model.statusProperty().get();
        assertThat(status).contains("sandbox");
        assertThat(EnglishLeft.in(List.of(status.split("：", 2)[1]))).as(status).isEmpty();
    }
}
