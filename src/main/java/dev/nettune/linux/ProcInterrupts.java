package dev.nettune.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /proc/interrupts}: the CPU columns and each numbered interrupt line with its per-CPU counts and name. */
public record ProcInterrupts(int cpuColumns, List<Line> lines) {
    public ProcInterrupts {
        lines = List.copyOf(lines);
    }

    /** One numbered IRQ: counts per CPU column, the controller text (e.g. "PCI-MSI 49153-edge") and the action name. */
    public record Line(int irq, long[] perCpu, String controller, String name) {
        public long total() {
            long t = 0;
            for (long v : perCpu) {
                t += v;
            }
            return t;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && l.irq == irq && java.util.Arrays.equals(l.perCpu, perCpu)
                    && l.controller.equals(controller) && l.name.equals(name);
        }

        @Override
        public int hashCode() {
            return irq * 31 + name.hashCode();
        }

        @Override
        public String toString() {
            return irq + ": " + name + " total " + total();
        }
    }

    public Optional<Line> byName(String name) {
        return lines.stream().filter(l -> l.name.equals(name)).findFirst();
    }

    public static ProcInterrupts parse(String output) {
        String[] rows = output.replace("\r", "").split("\n");
        int header = -1;
        int cpus = 0;
        for (int i = 0; i < rows.length; i++) {
            String t = rows[i].strip();
            if (t.startsWith("CPU")) {
                header = i;
                cpus = t.split("\\s+").length;
                break;
            }
        }
        if (header < 0) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notInterrupts", "Not /proc/interrupts: no 'CPU0 ...' header in '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
        List<Line> lines = new ArrayList<>();
        for (int i = header + 1; i < rows.length; i++) {
            String row = rows[i];
            int colon = row.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String id = row.substring(0, colon).strip();
            if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                continue; // NMI, LOC, ERR ... are not device interrupts
            }
            String[] tok = row.substring(colon + 1).strip().split("\\s+");
            long[] counts = new long[cpus];
            int k = 0;
            for (; k < cpus && k < tok.length; k++) {
                if (!tok[k].chars().allMatch(Character::isDigit)) {
                    break;
                }
                counts[k] = Long.parseLong(tok[k]);
            }
            if (k == tok.length) {
                lines.add(new Line(Integer.parseInt(id), counts, "", ""));
                continue;
            }
            String name = tok[tok.length - 1];
            StringBuilder controller = new StringBuilder();
            for (int j = k; j < tok.length - 1; j++) {
                controller.append(controller.length() > 0 ? " " : "").append(tok[j]);
            }
            lines.add(new Line(Integer.parseInt(id), counts, controller.toString(), name));
        }
        return new ProcInterrupts(cpus, lines);
    }
}
