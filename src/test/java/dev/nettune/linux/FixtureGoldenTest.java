package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NIC capture under {@code fixtures/linux/*}, parsed as NetTune parses a live host (the
 * counter layout picked from the driver {@code ethtool -i} names, the key and table from
 * {@code ethtool -x}), compared with {@code golden.txt} beside it; and the folder index that says
 * which folders were captured and which were reconstructed from documentation.
 * {@code -Dnettune.golden.write=true} rewrites the golden files under src/test/resources.
 */
class FixtureGoldenTest {
    private static final Path SOURCE_COPY = Path.of("src/test/resources/fixtures/linux");

    static List<String> nicCaptures() throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.path("linux"))) {
            return s.filter(Files::isDirectory)
                    .filter(d -> Files.exists(d.resolve("ethtool-i.txt")) || Files.exists(d.resolve("ethtool-x.txt")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nicCaptures")
    void parsedCaptureMatchesItsGoldenFile(String folder) throws IOException {
        String actual = render(folder);
        if (Boolean.getBoolean("nettune.golden.write")) {
            Files.writeString(SOURCE_COPY.resolve(folder).resolve("golden.txt"), actual, StandardCharsets.UTF_8);
        }
        Path golden = Fixtures.path("linux/" + folder).resolve("golden.txt");
        assertThat(golden).as("golden file of " + folder + " (write it with -Dnettune.golden.write=true and review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void theIndexListsEveryFolderAndNamesTheReconstructedOnes() throws IOException {
        Map<String, String> index = index();
        List<String> folders;
        try (Stream<Path> s = Files.list(Fixtures.path("linux"))) {
            folders = s.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(index.keySet()).containsExactlyInAnyOrderElementsOf(folders);
        assertThat(index.values()).allMatch(o -> o.equals("captured") || o.equals("reconstructed-from-docs"));
        for (String folder : folders) {
            Path readme = Fixtures.path("linux/" + folder).resolve("README.md");
            boolean saysNotCaptured = Files.exists(readme)
                    && Files.readString(readme, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).contains("NOT CAPTURED");
            assertThat(index.get(folder)).as(folder)
                    .isEqualTo(saysNotCaptured ? "reconstructed-from-docs" : "captured");
        }
    }

    private static Map<String, String> index() throws IOException {
        Map<String, String> index = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Fixtures.path("linux/index.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertThat(f).as("index line '" + line + "': folder, origin, why").hasSize(3);
            assertThat(f[2]).as("why " + f[0] + " is " + f[1]).isNotBlank();
            index.put(f[0], f[1]);
        }
        return index;
    }

    /** What NetTune reads from a capture, one fact a line, so that a parser change shows as a readable diff. */
    static String render(String folder) throws IOException {
        Path dir = Fixtures.path("linux/" + folder);
        List<String> out = new ArrayList<>();
        out.add("# what NetTune's parsers read from fixtures/linux/" + folder + " (FixtureGoldenTest)");
        Optional<String> driver = Optional.empty();
        if (Files.exists(dir.resolve("ethtool-i.txt"))) {
            DriverInfo info = DriverInfo.parse(read(dir, "ethtool-i.txt"));
            driver = Optional.of(info.driver());
            out.add("driver: " + info.driver());
            out.add("counter layout: " + EthtoolStatsParser.forDriver(info.driver())
                    .map(p -> p.getClass().getSimpleName()).orElse("none (totals only)"));
        }
        if (driver.isPresent() && Files.exists(dir.resolve("ethtool-S.txt"))) {
            QueueCounters c = EthtoolStatsParser.parse(driver.get(), read(dir, "ethtool-S.txt"));
            out.add("ethtool -S: source " + c.source() + (c.note().isEmpty() ? "" : ", note: " + c.note()));
            out.add("  rx packets total: " + (c.rxPacketsTotal().isPresent() ? c.rxPacketsTotal().getAsLong() : "-")
                    + ", tx packets total: " + (c.txPacketsTotal().isPresent() ? c.txPacketsTotal().getAsLong() : "-"));
            c.rx().forEach(q -> out.add("  rx queue " + q.queue() + ": " + q.packets() + " packets"
                    + (q.bytes().isPresent() ? ", " + q.bytes().getAsLong() + " bytes" : "")));
            c.tx().forEach(q -> out.add("  tx queue " + q.queue() + ": " + q.packets() + " packets"
                    + (q.bytes().isPresent() ? ", " + q.bytes().getAsLong() + " bytes" : "")));
        }
        if (Files.exists(dir.resolve("ethtool-x.txt"))) {
            EthtoolRss rss = EthtoolRssParser.parse(read(dir, "ethtool-x.txt"));
            out.add("ethtool -x: nic " + rss.nic() + ", rings " + (rss.ringCount().isPresent() ? rss.ringCount().getAsInt() : "-"));
            out.add("  key: " + rss.key().map(k -> k.toColonHex()).orElse("none (" + rss.keyProblem().orElse("not reported") + ")"));
            out.add("  table: " + rss.table().map(FixtureGoldenTest::table)
                    .orElse("none (" + rss.tableProblem().orElse("not reported") + ")"));
            out.add("  hash functions: " + rss.hashFunctions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + (e.getValue() ? " on" : " off")).collect(Collectors.joining(", ")));
        }
        return String.join("\n", out) + "\n";
    }

    private static String table(IndirectionTable t) {
        return t.size() + " entries, highest queue " + t.highestQueue() + ": "
                + Arrays.stream(t.entries()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
