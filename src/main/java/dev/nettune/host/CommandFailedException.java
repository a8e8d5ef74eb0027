package dev.nettune.host;

/** A command ran but exited non-zero. */
public class CommandFailedException extends HostException {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        // The host's own stderr is quoted as it came; the sentence around it is said in the user's language.
        super(result.stderr().isBlank()
                ? dev.nettune.Phrase.of("host.commandFailed", "{0} failed (exit {1})", result.command().display(), result.exitCode())
                : dev.nettune.Phrase.of("host.commandFailedSaying", "{0} failed (exit {1}): {2}", result.command().display(),
                        result.exitCode(), result.stderr().strip()));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }
}
