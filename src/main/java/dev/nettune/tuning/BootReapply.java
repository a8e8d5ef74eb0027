package dev.nettune.tuning;

import dev.nettune.host.ShellQuoting;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-applies a NIC's RSS key and table, channels, XPS and IRQ affinity (which an ENI loses on reboot
 * and on re-attach) with three files NetTune writes, shows and can remove: a script, a systemd
 * template unit run at boot, and a udev rule that starts it when the NIC appears again.
 */
public record BootReapply(String nic) implements ProfileEntry, Planner.NicScoped {
    public static final String UNIT_PATH = "/etc/systemd/system/nettune-reapply@.service";

    public BootReapply {
        TuningInputException.checkNic(nic);
    }

    public String scriptPath() {
        return "/usr/local/sbin/nettune-reapply-" + nic;
    }

    public String rulePath() {
        return "/etc/udev/rules.d/99-nettune-reapply-" + nic + ".rules";
    }

    public String instance() {
        return "nettune-reapply@" + nic + ".service";
    }

    @Override
    public List<Change> expand(HostFacts facts, Profile profile) {
        List<Change> mine = new ArrayList<>();
        for (ProfileEntry e : profile.entries()) {
            if (e instanceof BootReapply) {
                continue;
            }
            for (Change c : e.expand(facts, profile)) {
                if (c.affectedNic().map(nic::equals).orElse(false) || c instanceof IrqAffinityChange) {
                    mine.add(c);
                }
            }
        }
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# Written by NetTune (profile \"")
                .append(profile.name().replaceAll("[^A-Za-z0-9 _.-]", "")).append("\"): re-applies what ").append(nic)
                .append(" loses on reboot or ENI re-attach.\n# Remove it with NetTune (undo), not by hand, so the journal"
                        + " stays true.\nset -e\n");
        mine.stream().filter(ChannelChange.class::isInstance).map(ChannelChange.class::cast).forEach(c -> sh
                .append("ethtool -L ").append(ShellQuoting.quote(nic)).append(" combined ").append(c.combined()).append('\n'));
        mine.stream().filter(RssKeyChange.class::isInstance).map(RssKeyChange.class::cast).forEach(c -> sh
                .append("ethtool -X ").append(ShellQuoting.quote(nic)).append(" hkey ").append(c.key()).append('\n'));
        mine.stream().filter(RssTableChange.class::isInstance).map(RssTableChange.class::cast).forEach(c -> sh
                .append("ethtool -X ").append(ShellQuoting.quote(nic)).append(' ').append(c.spec()).append('\n'));
        mine.stream().filter(XpsChange.class::isInstance).map(XpsChange.class::cast).forEach(c -> sh
                .append("echo ").append(XpsChange.mask(c.cpus())).append(" > ").append(ShellQuoting.quote(c.path()))
                .append('\n'));
        List<IrqAffinityChange> irqs = mine.stream().filter(IrqAffinityChange.class::isInstance)
                .map(IrqAffinityChange.class::cast).toList();
        if (!irqs.isEmpty()) {
            sh.append("# IRQ numbers can change when the ENI is re-attached; these are the ones NetTune saw.\n");
            irqs.forEach(c -> sh.append("echo ").append(c.cpus()).append(" > ").append(c.path())
                    .append(" || true\n"));
        }
        List<Change> out = new ArrayList<>();
        out.add(new FileChange(scriptPath(), sh.toString(), "755", List.of(), List.of()));
        out.addAll(files());
        return out;
    }

    /** The systemd template unit and the udev rule that run the re-apply script (they do not depend on the host). */
    public List<FileChange> files() {
        String unit = "# Written by NetTune: re-applies RSS, XPS and IRQ affinity when the NIC appears.\n"
                + "[Unit]\nDescription=NetTune re-apply of NIC tuning on %i\n"
                + "BindsTo=sys-subsystem-net-devices-%i.device\nAfter=sys-subsystem-net-devices-%i.device\n\n"
                + "[Service]\nType=oneshot\nExecStart=/usr/local/sbin/nettune-reapply-%i\n\n"
                + "[Install]\nWantedBy=multi-user.target\n";
        String rule = "# Written by NetTune: after an ENI re-attach, re-apply " + nic + "'s tuning.\n"
                + "ACTION==\"add\", SUBSYSTEM==\"net\", KERNEL==\"" + nic + "\", TAG+=\"systemd\","
                + " ENV{SYSTEMD_WANTS}+=\"" + instance() + "\"\n";
        return List.of(
                new FileChange(UNIT_PATH, unit, "644",
                        List.of(List.of("systemctl", "daemon-reload"), List.of("systemctl", "enable", instance())),
                        List.of(List.of("systemctl", "daemon-reload")),
                        List.of(List.of("systemctl", "disable", instance()))),
                new FileChange(rulePath(), rule, "644", List.of(List.of("udevadm", "control", "--reload")),
                        List.of(List.of("udevadm", "control", "--reload"))));
    }
}
