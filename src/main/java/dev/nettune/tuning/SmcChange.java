package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SMC acceleration: load the {@code smc} module, then set the SMC sysctls the seed names, but only
 * those this kernel has (they differ between kernels); a kernel without the module or a sysctl gets
 * "not available on this kernel (x.y)" instead of a failed write.
 */
public record SmcChange(Map<String, String> sysctls) implements Change {
    /** The seed's values: {@code net.smc.smc_enabled=1 net.smc.smc_rdma_enabled=1}. */
    public static final Map<String, String> SEED = seed();
    static final String NOT_AVAILABLE = "n/a";
    static final String LOADED = "module loaded";
    static final String NOT_LOADED = "module not loaded";

    private static Map<String, String> seed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("net.smc.smc_enabled", "1");
        m.put("net.smc.smc_rdma_enabled", "1");
        return java.util.Collections.unmodifiableMap(m);
    }

    public SmcChange {
        Map<String, String> checked = new LinkedHashMap<>();
        (sysctls == null ? SEED : sysctls).forEach((k, v) -> {
            SysctlSpec.checkName(k);
            if (!k.startsWith("net.smc.")) {
                throw new TuningInputException(Phrase.of("tuning.smc.notSmc", "'{0}' is not an SMC sysctl: SMC settings are under net.smc.", k));
            }
            checked.put(k, SysctlSpec.checkValue(k, v));
        });
        sysctls = java.util.Collections.unmodifiableMap(checked);
    }

    public static SmcChange seedValues() {
        return new SmcChange(SEED);
    }

    @Override
    public dev.nettune.Phrase showPhrase(String value) {
        return value.startsWith(NOT_LOADED) ? dev.nettune.Phrase.of("tuning.show.smcNotLoaded", "module not loaded{0}", show(value).substring(NOT_LOADED.length()))
                : value.startsWith(LOADED) ? dev.nettune.Phrase.of("tuning.show.smcLoaded", "module loaded{0}", show(value).substring(LOADED.length()))
                : dev.nettune.Phrase.literal(show(value));
    }

    @Override
    public String target() {
        return "smc";
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return sysctls.isEmpty() ? dev.nettune.Phrase.of("tuning.title.smc", "SMC acceleration (smc module)") : dev.nettune.Phrase.of("tuning.title.smcSysctls", "SMC acceleration (smc module + {0})", String.join(", ", sysctls.keySet()));
    }


    @Override
    public String desired() {
        return format(true, sysctls);
    }

    static String format(boolean loaded, Map<String, String> values) {
        StringBuilder sb = new StringBuilder(loaded ? LOADED : NOT_LOADED);
        values.forEach((k, v) -> sb.append("; ").append(k).append('=').append(v));
        return sb.toString();
    }

    static boolean parseLoaded(String value) {
        return value.startsWith(LOADED);
    }

    static Map<String, String> parseValues(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] parts = value.split("; ");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            m.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return m;
    }

    @Override
    public List<Command> readCommands() {
        List<Command> c = new ArrayList<>();
        c.add(Command.of("test", "-d", "/sys/module/smc"));
        c.add(Command.of("modinfo", "-n", "smc"));
        sysctls.keySet().forEach(k -> c.add(Command.of("sysctl", "-n", k)));
        return c;
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        boolean loaded = results.get(0).ok();
        boolean exists = loaded || results.get(1).ok();
        if (!exists) {
            return Reading.unknown(Phrase.of("tuning.smc.noModule", "not available on this kernel: it has no smc module"));
        }
        Map<String, String> values = new LinkedHashMap<>();
        int i = 2;
        for (String k : sysctls.keySet()) {
            CommandResult r = results.get(i++);
            values.put(k, r.ok() ? r.stdout().strip() : NOT_AVAILABLE);
        }
        return Reading.known(format(loaded, values));
    }

    /** Loaded and every sysctl as wanted, where a sysctl this kernel lacks (n/a) counts as done. */
    @Override
    public boolean satisfies(String observed, String wanted) {
        if (parseLoaded(observed) != parseLoaded(wanted)) {
            return false;
        }
        Map<String, String> o = parseValues(observed);
        for (var e : parseValues(wanted).entrySet()) {
            String got = o.getOrDefault(e.getKey(), NOT_AVAILABLE);
            boolean lacking = NOT_AVAILABLE.equals(got) && parseLoaded(observed);
            if (!got.equals(e.getValue()) && !lacking && !NOT_AVAILABLE.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Action> actions(String from, String to) {
        List<Action> a = new ArrayList<>();
        boolean load = parseLoaded(to);
        if (load && !parseLoaded(from)) {
            a.add(new Action.Run(Command.of("modprobe", "smc").asRoot()));
        }
        Map<String, String> before = parseValues(from);
        parseValues(to).forEach((k, v) -> {
            if (!NOT_AVAILABLE.equals(v) && !v.equals(before.get(k))) {
                a.add(new Action.Run(Command.of("sysctl", "-w", k + "=" + v).asRoot(), true));
            }
        });
        if (!load && parseLoaded(from)) {
            a.add(new Action.Run(Command.of("modprobe", "-r", "smc").asRoot()));
        }
        return a;
    }

    @Override
    public List<Phrase> warnings(String before, HostFacts facts) {
        List<Phrase> w = new ArrayList<>();
        if (parseLoaded(before)) {
            parseValues(before).forEach((k, v) -> {
                if (NOT_AVAILABLE.equals(v)) {
                    w.add(Phrase.of("tuning.smc.sysctlMissing", "{0} is not available on this kernel ({1}): skipped.", k, facts.kernelVersion()));
                }
            });
        } else if (!sysctls.isEmpty()) {
            w.add(Phrase.of("tuning.smc.sysctlsLater", "The SMC sysctls appear only once the module is loaded: each one this kernel lacks is skipped."));
        }
        return w;
    }

    @Override
    public boolean optional() {
        return true;
    }
}
