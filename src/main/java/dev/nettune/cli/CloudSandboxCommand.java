package dev.nettune.cli;

import dev.nettune.app.SandboxRegion;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nettune cloud-sandbox [--port N] [--transition-ms N] [--for SECONDS]}: runs the local OpenAPI
 * server of the sandbox region in the foreground, for the CLI, the aliyun CLI or any SDK to talk to.
 */
@Command(name = "cloud-sandbox", mixinStandardHelpOptions = true,
        description = "Run the sandbox region's local ECS/VPC OpenAPI server (seeded cn-hongkong, fake demo keys)"
                + " until interrupted; point a client at it with --endpoint http://127.0.0.1:PORT.")
public final class CloudSandboxCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port on 127.0.0.1, 1-65535, or 0 for any free port (default: 0).")
    int port;

    @Option(names = "--transition-ms", paramLabel = "MS", defaultValue = "1500",
            description = "How long Attaching, Detaching, Stopping, Starting, Associating last, 0-600000 ms (default: 1500).")
    long transitionMs;

    @Option(names = "--for", paramLabel = "SECONDS",
            description = "Stop after this many seconds, 0-86400 (default: run until interrupted).")
    Long forSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CliInputException(CliText.format("cloud.sandbox.badPort", String.valueOf(port)));
        }
        if (transitionMs < 0 || transitionMs > 600_000) {
            throw new CliInputException(CliText.format("cloud.sandbox.badTransition", String.valueOf(transitionMs)));
        }
        if (forSeconds != null && (forSeconds < 0 || forSeconds > 86_400)) {
            throw new CliInputException(CliText.format("cloud.sandbox.badFor", String.valueOf(forSeconds)));
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SandboxRegion server = SandboxRegion.start(port, Duration.ofMillis(transitionMs))) {
            Thread hook = new Thread(stopped::countDown, "cloud-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println(CliText.format("cloud.sandbox.on", server.endpoint()));
            server.descriptionPhrases().forEach(p -> out.println(p.in(CliText.locale())));
            out.println(forSeconds == null ? CliText.get("cloud.sandbox.pressCtrlC") : CliText.format("cloud.sandbox.stoppingIn", String.valueOf(forSeconds)));
            out.flush();
            if (forSeconds == null) {
                stopped.await();
            } else {
                stopped.await(forSeconds, TimeUnit.SECONDS);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting (Ctrl-C); the server closes below either way.
            }
        }
        out.println(CliText.get("cloud.sandbox.stopped"));
        return 0;
    }
}
