package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.InstancePreview;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Profile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nettune fleet drift --profile NAME (targets) [--json]}: who differs from the profile. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Read every target (in parallel) and list those that differ from the profile, and how. Changes nothing."
                + " Exit 0 when none differs, 1 when some differ or cannot be read.")
final class FleetDriftCommand implements Callable<Integer> {
    private final AppContext ctx;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--profile", required = true, paramLabel = "NAME")
    String profile;
    @Mixin
    FleetReachOptions reach = new FleetReachOptions();
    @Option(names = "--parallel", defaultValue = "10", paramLabel = "N")
    int parallel;
    @Option(names = "--json")
    boolean json;

    FleetDriftCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        new RolloutPolicy(0, parallel, 0);
        Profile p = ctx.profiles().find(profile);
        List<FleetInstance> members = reach.resolve(ctx.fleet());
        List<InstancePreview> previews = ctx.fleet().preview(members, p, parallel, reach.connection.toHostOptions(),
                new Cancellation(), x -> { });
        PrintWriter out = spec.commandLine().getOut();
        long differing = previews.stream().filter(InstancePreview::differs).count();
        CliOutput.print(out, json, () -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (InstancePreview x : previews) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("target", x.instance().target().name());
                m.put("differs", x.differs());
                m.put("summary", x.summary());
                x.error().ifPresent(e -> m.put("error", e));
                List<Map<String, String>> steps = new ArrayList<>();
                x.plan().ifPresent(plan -> plan.steps().forEach(s -> steps.add(Map.of("setting", s.change().title(),
                        "now", s.before(), "profile", s.after()))));
                m.put("differences", steps);
                list.add(m);
            }
            return Map.of("profile", p.name(), "differing", differing, "instances", list);
        }, o -> {
            for (InstancePreview x : previews) {
                o.printf(Locale.ROOT, "%-24s %s%n", x.instance().target().name(), x.differs()
                        ? "DIFFERS  " + x.summaryPhrase().in(CliText.locale()) : "ok       " + x.summaryPhrase().in(CliText.locale()));
            }
            o.println(CliText.format("fleet.drift.summary", String.valueOf(differing), String.valueOf(previews.size()), p.name()));
        });
        return differing == 0 ? 0 : 1;
    }
}
