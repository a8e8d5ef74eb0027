package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.CpuSet;
import dev.nettune.linux.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Transmit Packet Steering for one TX queue: which CPUs send through it. The user gives a CPU list
 * ({@code 0-3,8}); NetTune writes the hex mask {@code xps_cpus} takes, in comma-separated 32-bit groups
 * above 32 CPUs. The value is the CPU list ("none" for an empty mask).
 */
public record XpsChange(String nic, int txQueue, String cpus) implements Change {
    /** Shown where the user types the CPUs: why the seed's command fails and what NetTune does instead. */
    public static final String SEED_NOTE = "Type CPUs as a list (0-3,8). The seed's `echo 0-3 > .../tx-0/xps_cpus` is"
            + " rejected by the kernel (\"Invalid argument\"): xps_cpus takes a hex mask, so NetTune writes the mask"
            + " for you (CPUs 0-3 = f; above 32 CPUs, comma-separated 32-bit groups such as 1,00000000).";
    public static final String NONE = "none";

    public XpsChange {
        TuningInputException.checkNic(nic);
        if (txQueue < 0 || txQueue > 4095) {
            throw new TuningInputException(Phrase.of("tuning.xps.queueOutOfRange", "TX queue {0} is out of range: queues are numbered 0-4095.", txQueue));
        }
        cpus = canonical(cpus);
    }

    /** The CPU list in canonical form ("0-3,8"), or "none"; a mask or anything else gets a message. */
    static String canonical(String cpus) {
        String t = cpus == null ? "" : cpus.strip();
        if (t.isEmpty() || t.equalsIgnoreCase(NONE)) {
            return NONE;
        }
        if (!t.matches("[0-9,\\- ]+")) {
            throw new TuningInputException(t.matches("(0[xX])?[0-9a-fA-F,]+")
                    ? Phrase.of("tuning.xps.maskNotList", "'{0}' is not a CPU list: give CPU numbers and ranges such as 0-3,8"
                            + " (NetTune turns the list into the hex mask itself).", t)
                    : Phrase.of("tuning.xps.notList", "'{0}' is not a CPU list: give CPU numbers and ranges such as 0-3,8.", t));
        }
        try {
            CpuSet set = CpuSet.parseList(t.replace(" ", ""));
            return set.isEmpty() ? NONE : set.toList();
        } catch (IllegalArgumentException e) {
            throw new TuningInputException(Phrase.from(e));
        }
    }

    public CpuSet cpuSet() {
        return NONE.equals(cpus) ? CpuSet.empty() : CpuSet.parseList(cpus);
    }

    /** The mask written for a CPU list value. */
    public static String mask(String cpuList) {
        return NONE.equals(cpuList) ? "0" : CpuSet.parseList(cpuList).toMask();
    }

    public String path() {
        return "/sys/class/net/" + nic + "/queues/tx-" + txQueue + "/xps_cpus";
    }

    @Override
    public String target() {
        return "xps " + nic + " tx-" + txQueue;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.of("tuning.title.xps", "XPS of {0} tx-{1}", nic, txQueue);
    }


    @Override
    public String desired() {
        return cpus;
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("cat", path()));
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        CommandResult r = results.get(0);
        if (!r.ok()) {
            if (r.stderr().contains("No such file")) {
                return Reading.unknown(Phrase.of("tuning.xps.noQueue", "{0} has no TX queue {1}", nic, txQueue));
            }
            return Reading.unknown(Phrase.of("tuning.read.cannotReadPath", "cannot read {0}: {1}", path(), r.stderr().strip()));
        }
        try {
            CpuSet s = CpuSet.parseMask(r.stdout().strip());
            return Reading.known(s.isEmpty() ? NONE : s.toList());
        } catch (IllegalArgumentException e) {
            return Reading.unknown(Phrase.of("tuning.xps.holds", "{0} holds '{1}': {2}", path(), r.stdout().strip(), Phrase.from(e)));
        }
    }

    @Override
    public List<Action> actions(String from, String to) {
        return List.of(new Action.Run(Command.of("tee", path()).withStdin(mask(to) + "\n").asRoot()));
    }

    @Override
    public List<Phrase> problems(HostFacts facts) {
        List<Phrase> p = new ArrayList<>();
        Integer tx = facts.txQueues().get(nic);
        if (tx != null && txQueue >= tx) {
            p.add(tx == 1 ? Phrase.of("tuning.xps.oneQueue", "{0} has 1 TX queue (tx-0..tx-0), not tx-{1}.", nic, txQueue)
                    : Phrase.of("tuning.xps.queues", "{0} has {1} TX queues (tx-0..tx-{2}), not tx-{3}.", nic, tx, tx - 1, txQueue));
        }
        p.addAll(checkOnline(cpuSet(), facts, titlePhrase()));
        return p;
    }

    /** CPUs must exist and be online. */
    static List<Phrase> checkOnline(CpuSet cpus, HostFacts facts, Phrase what) {
        if (facts.onlineCpus().isBlank()) {
            return List.of();
        }
        CpuSet online = CpuSet.parseList(facts.onlineCpus());
        if (!cpus.isSubsetOf(online)) {
            List<Integer> bad = cpus.cpus().filter(c -> !online.contains(c)).boxed().toList();
            String list = bad.toString().replaceAll("[\\[\\]]", "");
            return List.of(bad.size() == 1
                    ? Phrase.of("tuning.cpus.oneOffline", "{0}: CPU {1} is not online; this host has CPUs {2} online.", what, list, online.toList())
                    : Phrase.of("tuning.cpus.offline", "{0}: CPUs {1} are not online; this host has CPUs {2} online.", what, list, online.toList()));
        }
        return List.of();
    }

    @Override
    public dev.nettune.Phrase showPhrase(String value) {
        return NONE.equals(value) ? dev.nettune.Phrase.of("tuning.show.xpsNone", "none (mask 0)")
                : dev.nettune.Phrase.of("tuning.show.xps", "{0} (mask {1})", value, mask(value));
    }

    @Override
    public String show(String value) {
        return NONE.equals(value) ? "none (mask 0)" : value + " (mask " + mask(value) + ")";
    }

    @Override
    public Optional<String> affectedNic() {
        return Optional.of(nic);
    }

    /** "TX queue i to CPU i mod n" over the host's online CPUs, for every TX queue of the NIC. */
    public record Spread(String nic) implements ProfileEntry, Planner.NicScoped {
        public Spread {
            TuningInputException.checkNic(nic);
        }

        @Override
        public List<Change> expand(HostFacts facts, Profile profile) {
            Integer tx = facts.txQueues().get(nic);
            if (tx == null) {
                throw new TuningInputException(Phrase.of("tuning.xps.noNic", "The host has no NIC {0}.", nic));
            }
            int[] online = CpuSet.parseList(facts.onlineCpus()).cpus().toArray();
            if (online.length == 0) {
                throw new TuningInputException(Phrase.of("tuning.xps.noCpus", "The host's online CPUs are not known, so XPS cannot be spread."));
            }
            List<Change> out = new ArrayList<>();
            for (int i = 0; i < tx; i++) {
                out.add(new XpsChange(nic, i, Integer.toString(online[i % online.length])));
            }
            return out;
        }
    }
}
