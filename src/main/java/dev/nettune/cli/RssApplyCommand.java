package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.NicRssService;
import dev.nettune.host.Host;
import dev.nettune.rss.TableSpec;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssRepush;
import dev.nettune.tuning.RssTableChange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nettune rss apply HOST --nic NIC [--key KEY] [--equal N | --weight W...] [--start S]}: sets a
 * NIC's RSS key and/or table on a host through the tuning engine (previewed, journaled, read back,
 * commit-confirmed when the NIC may carry the session).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Set a NIC's RSS key and/or indirection table on a host: planned, journaled, read back, rolled"
                + " back on failure, commit-confirmed. A new key re-hashes live connections (brief reordering).")
final class RssApplyCommand implements Callable<Integer> {
    private final AppContext ctx;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "HOST")
    String host;
    @picocli.CommandLine.Mixin
    HostConnectionOptions connection = new HostConnectionOptions();
    @Option(names = "--nic", required = true, paramLabel = "NIC")
    String nic;
    @Option(names = "--key", paramLabel = "KEY", description = "40-byte key, 6d:5a:... or plain hex")
    String key;
    @Option(names = "--equal", paramLabel = "N")
    Integer equal;
    @Option(names = "--weight", arity = "1..*", paramLabel = "W")
    List<Integer> weight;
    @Option(names = "--start", paramLabel = "S")
    Integer start;
    @Option(names = "--default", description = "the driver's default spread (i mod rings)")
    boolean dflt;
    @Option(names = "--force", description = "push the key and table even when they read back unchanged (a re-push: "
            + "a device may show a table it does not use, after boot or a channel change); without --key/--equal/... "
            + "the live key and table are pushed again")
    boolean force;
    @Option(names = "--dry-run", description = "show the plan and stop")
    boolean dryRun;
    @Option(names = "--confirm-timeout", paramLabel = "S", defaultValue = "60")
    int confirmTimeout;

    RssApplyCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<ProfileEntry> entries = new ArrayList<>();
        if (key != null) {
            entries.add(new RssKeyChange(nic, key));
        }
        boolean table = dflt || equal != null || (weight != null && !weight.isEmpty()) || start != null;
        if (table) {
            if (dflt && (equal != null || weight != null || start != null)) {
                throw new CliInputException(CliText.get("rss.apply.defaultAlone"));
            }
            TableSpec request = dflt ? TableSpec.defaultSpread() : TableSpec.of(
                    equal == null ? OptionalInt.empty() : OptionalInt.of(equal), weight,
                    start == null ? OptionalInt.empty() : OptionalInt.of(start));
            entries.add(new RssTableChange(nic, request.toString()));
        }
        if (entries.isEmpty() && !force) {
            throw new CliInputException(CliText.get("rss.apply.nothingToSet"));
        }
        ApplyOptions options = TuneCommand.options(ctx, host, connection, confirmTimeout);
        PrintWriter out = spec.commandLine().getOut();
        try (Host h = TuneCommand.open(ctx, host, connection)) {
            Plan plan;
            if (force) {
                // The named values, and the live ones for whatever was not named: a re-push sends key and table.
                List<ProfileEntry> again = new ArrayList<>(entries);
                for (ProfileEntry live : RssRepush.liveEntries(h, nic)) {
                    if (entries.stream().noneMatch(e -> e.getClass() == live.getClass())) {
                        again.add(live);
                    }
                }
                plan = new Planner().planRepush(h, new Profile(NicRssService.repushProfileName(nic).in(CliText.locale()),
                        "nettune rss apply --force", again));
            } else {
                plan = new Planner().plan(h, new Profile(NicRssService.setProfileName(nic).in(CliText.locale()), "nettune rss apply",
                        entries));
            }
            if (TuneCommand.preview(spec, plan) != 0) {
                return NetTuneCommand.EXIT_BAD_INPUT;
            }
            if (dryRun || plan.nothingToDo()) {
                return 0;
            }
            ApplyResult r = ctx.tuningEngine().apply(h, plan, options, TuneCommand.printer(out), new Cancellation());
            out.println(TuneCommand.outcome(r));
            return TuneCommand.exitCode(r);
        }
    }
}
