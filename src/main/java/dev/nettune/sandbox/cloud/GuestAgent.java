package dev.nettune.sandbox.cloud;

import java.time.Duration;

/**
 * The Cloud Assistant agent inside one simulated instance: runs a RunShellScript script on the guest and
 * returns its exit code and output (stdout then stderr, as the real agent collects them). The sandbox
 * package provides one over each simulated instance's shell.
 */
@FunctionalInterface
public interface GuestAgent {
    /** What a script left behind. */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code script} as root; a script still running after {@code timeout} is stopped (throw {@link TimedOut}). */
    Result run(String script, Duration timeout) throws TimedOut, InterruptedException;

    /** The script did not end within the RunCommand Timeout and was stopped. */
    final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        public TimedOut(String message) {
            super(message);
        }
    }
}
