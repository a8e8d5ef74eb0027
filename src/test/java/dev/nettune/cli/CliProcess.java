package dev.nettune.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The CLI as a user runs it: a separate JVM through {@code Main} (so System.out and exit are real) with an isolated
 * home, its stdout and stderr read from files after it ended. The output and language tests each wrote this runner.
 */
final class CliProcess {
    private CliProcess() {
    }

    /** Exit code, stdout and stderr of one CLI run. */
    record Run(int code, String out, String err) {
    }

    /**
     * Runs {@code nettune args} with $HOME at {@code home}, Java's user.home at {@code userHome}, no NETTUNE_CONFIG or
     * XDG_CONFIG_HOME of the machine running the tests, and then whatever {@code environment} changes.
     */
    static Run run(Path home, String userHome, Consumer<Map<String, String>> environment, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + userHome, "-Djava.awt.headless=true",
                "dev.nettune.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("NETTUNE_CONFIG");
        environment.accept(pb.environment());
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nettune " + String.join(" ", args) + " did not end");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
