package dev.nettune.host.local;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import dev.nettune.host.ShellScript;
import dev.nettune.host.SudoPasswordRequiredException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This workstation behind the {@link Host} port: each command runs as an argv (no shell at all),
 * root through {@code sudo -n} when NetTune does not run as root.
 */
public final class LocalHost implements Host {
    /** The name users give this host. */
    public static final String NAME = "local";

    private final boolean runningAsRoot;
    private volatile char[] sudoPassword;

    public LocalHost() {
        this.runningAsRoot = isRoot();
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void useSudoPassword(char[] password) {
        this.sudoPassword = password == null ? null : password.clone();
    }

    /** The argv that runs {@code command}: as it is, or behind sudo when it needs root and we are not root. */
    List<String> argv(Command command) {
        return argv(command, runningAsRoot);
    }

    /** The argv for {@code command} when this process runs as root or not: sudo only when it needs root and we are not. */
    static List<String> argv(Command command, boolean runningAsRoot) {
        List<String> argv = new ArrayList<>();
        if (command.needsRoot() && !runningAsRoot) {
            argv.addAll(List.of("sudo", "-n", "--"));
        }
        argv.add(command.program());
        argv.addAll(command.args());
        return argv;
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return runUntil(command, deadline, timeout);
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CommandResult> results = new ArrayList<>(commands.size());
        for (Command c : commands) {
            results.add(runUntil(c, deadline, timeout));
        }
        return results;
    }

    private CommandResult runUntil(Command command, long deadline, Duration timeout) throws HostException, InterruptedException {
        validateSudo(command);
        Process process;
        try {
            process = start(command, false);
        } catch (HostException e) {
            // A program that is not installed is an answer (exit 127, as a shell over SSH gives), not a
            // broken host: the commands after it in a runAll must still run (HostStateReader relies on it).
            if (e.getCause() instanceof IOException io && io.getMessage() != null && io.getMessage().contains("error=2,")) {
                return new CommandResult(command, 127, "", command.program() + ": command not found\n");
            }
            throw e;
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try {
            feedStdin(command, process);
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
                destroyTree(process);
                throw new HostException(Phrase.of("host.local.timedOut", "'{0}' did not finish within {1} s on this workstation; it was stopped.",
                        command.display(), timeout.toSeconds()));
            }
            String stdout = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            String stderr = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            int exit = process.exitValue();
            if (command.needsRoot() && !runningAsRoot && exit == 1 && stderr.contains(ShellScript.SUDO_PASSWORD_REQUIRED)) {
                throw new SudoPasswordRequiredException(Phrase.of("host.local.sudoNeeded", "'{0}' needs root, and sudo on this"
                        + " workstation asks for a password. Enter it (kept in memory only) or run NetTune as root.", command.display()), false);
            }
            return new CommandResult(command, exit, stdout, stderr);
        } catch (InterruptedException e) {
            destroyTree(process);
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            destroyTree(process);
            throw new HostException(Phrase.of("host.local.unreadable", "Could not read the output of '{0}': {1}", command.display(), e.getMessage()), e);
        }
    }

    private Process start(Command command, boolean mergeErrors) throws HostException {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv(command)).redirectErrorStream(mergeErrors);
            return pb.start();
        } catch (IOException e) {
            throw new HostException(Phrase.of("host.local.cannotStart", "Cannot start '{0}' on this workstation: {1}", command.display(), e.getMessage()), e);
        }
    }

    private static void feedStdin(Command command, Process process) {
        try (OutputStream in = process.getOutputStream()) {
            if (command.stdin().isPresent()) {
                in.write(command.stdin().get().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The command exited without reading its input; its exit code tells the story.
        }
    }

    /**
     * With a sudo password given, validates it once ({@code sudo -S -v}, password on stdin) so
     * that the {@code sudo -n} of the command itself finds the credentials cached; feeding the
     * password to the command's own sudo would hand it to the command when sudo does not ask.
     */
    private void validateSudo(Command command) throws HostException, InterruptedException {
        char[] pw = sudoPassword;
        if (!command.needsRoot() || runningAsRoot || pw == null) {
            return;
        }
        Process p = start(new Command("sudo", List.of("-S", "-p", "", "-v"), java.util.Optional.empty(), false), false);
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        drain(p.getInputStream());
        try (OutputStream in = p.getOutputStream()) {
            java.nio.ByteBuffer bb = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(pw));
            byte[] bytes = new byte[bb.remaining()];
            bb.get(bytes);
            in.write(bytes);
            in.write('\n');
            Arrays.fill(bytes, (byte) 0);
        } catch (IOException e) {
            // sudo did not read the password; its exit code says why.
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            destroyTree(p);
            throw new HostException(Phrase.of("host.local.sudoSilent", "sudo did not answer within 30 s on this workstation."));
        }
        if (p.exitValue() != 0) {
            String msg;
            try {
                msg = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            } catch (ExecutionException | TimeoutException e) {
                msg = "";
            }
            throw new SudoPasswordRequiredException(msg.isEmpty()
                    ? Phrase.of("host.local.sudoRejected", "sudo did not accept the password. Enter the sudo password of this user again.")
                    : Phrase.of("host.local.sudoRejectedSaying", "sudo did not accept the password ({0}). Enter the sudo password of this user again.", msg),
                    true);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                stream.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        }, Threads.POOL);
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        Process process = start(command, false);
        feedStdin(command, process);
        drain(process.getErrorStream());
        LocalLineStream stream = new LocalLineStream(process);
        Threads.POOL.execute(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.line(line);
                }
                sink.ended(process.waitFor(), null);
            } catch (IOException e) {
                sink.ended(-1, stream.cancelled ? null : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.ended(-1, null);
            } catch (RuntimeException e) {
                destroyTree(process);
                sink.ended(-1, e);
            }
        });
        return stream;
    }

    private static final class LocalLineStream implements LineStream {
        private final Process process;
        private volatile boolean cancelled;

        LocalLineStream(Process process) {
            this.process = process;
        }

        @Override
        public boolean isRunning() {
            return process.isAlive();
        }

        @Override
        public void cancel() {
            cancelled = true;
            destroyTree(process);
        }
    }

    @Override
    public void close() {
        char[] pw = sudoPassword;
        if (pw != null) {
            Arrays.fill(pw, '\0');
        }
        sudoPassword = null;
    }

    /** Daemon threads that pump process streams, so a stuck reader never keeps the JVM alive. */
    static final class Threads {
        static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nettune-local-io");
            t.setDaemon(true);
            return t;
        });

        private Threads() {
        }
    }
}
