package dev.nettune.cli;

import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.LinuxParseException;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The table options every {@code nettune rss} command shares: an {@code ethtool -X} style request
 * ({@code --equal N | --weight W...}, {@code --start S}, {@code --rings R} for {@code default}),
 * or {@code --table FILE}, a saved {@code ethtool -x} output (which also supplies a key).
 */
final class RssTableOptions {

    @Option(names = "--equal", paramLabel = "N", description = "Spread over N queues: entry i = start + (i mod N), as ethtool -X equal N.")
    Integer equal;

    @Option(names = "--weight", arity = "1..*", paramLabel = "W", description = "Contiguous blocks by weight, as ethtool -X weight W0 W1 ...")
    List<Integer> weight;

    @Option(names = "--start", paramLabel = "S", description = "First queue of --equal or --weight, as ethtool -X start S.")
    Integer start;

    @Option(names = "--size", paramLabel = "ENTRIES", defaultValue = "128", description = "Table size (default: ${DEFAULT-VALUE}, an ENI's).")
    int size;

    @Option(names = "--rings", paramLabel = "R", description = "The NIC's RX ring count: bounds the entries; alone it gives the default table (i mod R).")
    Integer rings;

    @Option(names = "--table", paramLabel = "FILE", description = "A saved `ethtool -x` output: its table (and key, if -k is not given).")
    Path tableFile;

    private Optional<EthtoolRss> parsed;

    boolean hasRequest() {
        return equal != null || (weight != null && !weight.isEmpty()) || start != null || rings != null || tableFile != null;
    }

    /** The saved ethtool -x output, if {@code --table} was given. */
    Optional<EthtoolRss> file() {
        if (parsed == null) {
            parsed = Optional.ofNullable(tableFile).map(RssTableOptions::readEthtool);
        }
        return parsed;
    }

    static EthtoolRss readEthtool(Path file) {
        String text = readFile(file);
        try {
            return EthtoolRssParser.parse(text);
        } catch (LinuxParseException e) {
            throw new CliInputException(InputFiles.shown(file) + ": " + CliText.problem(e));
        }
    }

    static String readFile(Path file) {
        return InputFiles.readText(file, "the file");
    }

    /** The request as a {@link TableSpec}; without --equal/--weight/--rings it is {@code default}. */
    TableSpec spec() {
        return TableSpec.of(equal == null ? OptionalInt.empty() : OptionalInt.of(equal), weight,
                start == null ? OptionalInt.empty() : OptionalInt.of(start));
    }

    /** The table asked for, or empty when no table option was given. */
    Optional<IndirectionTable> table() {
        if (tableFile != null) {
            if (equal != null || weight != null || start != null) {
                throw new CliInputException(CliText.get("rss.options.tableTwice"));
            }
            EthtoolRss rss = file().orElseThrow();
            IndirectionTable t = rss.table().orElseThrow(() -> new CliInputException(CliText.format("rss.options.fileHasNoTable",
                    tableFile.toString(), rss.tableReason().map(p -> p.in(CliText.locale())).orElse(CliText.get("rss.options.notInOutput")))));
            OptionalInt r = rings != null ? OptionalInt.of(rings) : rss.ringCount();
            return Optional.of(r.isPresent() ? t.withRingCount(r.getAsInt()) : t);
        }
        if (!hasRequest()) {
            return Optional.empty();
        }
        return Optional.of(spec().build(size, rings == null ? OptionalInt.empty() : OptionalInt.of(rings)));
    }

    /** The table asked for; it is an error to give none. */
    IndirectionTable requiredTable() {
        return table().orElseThrow(() -> new CliInputException(CliText.get("rss.options.noTable")));
    }

    /** The key from -k, else the one in --table FILE. */
    RssKey key(String keyText, int keyLength) {
        if (keyText != null) {
            return RssKey.parse(keyText, keyLength);
        }
        if (tableFile != null) {
            EthtoolRss rss = file().orElseThrow();
            return rss.key().orElseThrow(() -> new CliInputException(CliText.format("rss.options.fileHasNoKey",
                    tableFile.toString(), rss.keyReason().map(p -> p.in(CliText.locale())).orElse(CliText.get("rss.options.notInOutput")))));
        }
        throw new CliInputException(CliText.get("rss.options.noKey"));
    }

    /** How the table was asked for, for the output: {@code equal 64}, {@code from FILE}. */
    String describe() {
        if (tableFile != null) {
            return CliText.format("rss.options.tableFrom", tableFile.toString());
        }
        if (equal == null && (weight == null || weight.isEmpty()) && start == null) {
            return CliText.format("rss.options.tableDefault", String.valueOf(rings));
        }
        return spec().toString();
    }
}
