package dev.nettune.host;

/** What a command left behind: its exit code and everything it printed. */
public record CommandResult(Command command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** stdout if the command succeeded; otherwise a {@link CommandFailedException} naming the command and its stderr. */
    public String stdoutOrThrow() throws CommandFailedException {
        if (!ok()) {
            throw new CommandFailedException(this);
        }
        return stdout;
    }
}
