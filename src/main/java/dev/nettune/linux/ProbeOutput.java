package dev.nettune.linux;

/** What one probe of the host-state read returned: exit code, stdout and stderr (JDK-only twin of a command result). */
public record ProbeOutput(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** Why a failed probe failed, as the end of "unknown because ...". */
    public dev.nettune.Phrase failureReason(String what) {
        return ProbeFailures.reason(what, exitCode, stdout + "\n" + stderr);
    }
}
