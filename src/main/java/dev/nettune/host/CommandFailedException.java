package dev.nettune.host;

/** A command ran but exited non-zero. */
public class CommandFailedException extends HostException {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(result.command().display() + " failed (exit " + result.exitCode() + ")"
                + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }
}
