package dev.nettune.cli;

import dev.nettune.rss.RssKey;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nettune rss key}: a new random key (SecureRandom) or the symmetric key, ready for {@code ethtool -X hkey}. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = {"Print a new RSS key as colon hex, the form ethtool -X NIC hkey takes.",
            "--random: from a SecureRandom, like `openssl rand -hex 40 | fold -w2 | paste -sd: -`.",
            "--symmetric: 6d:5a repeated; a flow and its reply (source and destination swapped) hash alike."},
        footer = {"", "Example: ethtool -X eth1 hkey $(nettune rss key --random)"})
final class RssKeyCommand implements Callable<Integer> {

    static final class Kind {
        @Option(names = "--random", required = true, description = "A random key.")
        boolean random;

        @Option(names = "--symmetric", required = true, description = "The symmetric key (6d:5a repeated).")
        boolean symmetric;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    @Option(names = "--length", paramLabel = "BYTES", defaultValue = "40", description = "Key length in bytes (default: ${DEFAULT-VALUE}, an ENI's).")
    int length;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (length < 4 || length > 256) {
            throw new CliInputException(CliText.format("rss.key.badLength", String.valueOf(length)));
        }
        if (kind.symmetric) {
            spec.commandLine().getOut().println(RssKey.symmetric(length).toColonHex());
            spec.commandLine().getErr().println(CliText.format("rss.key.note", RssKey.symmetricNote().in(CliText.locale())));
        } else {
            spec.commandLine().getOut().println(RssKey.random(length).toColonHex());
        }
        return 0;
    }
}
