package dev.nettune.tuning;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.Reading;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.TableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The order a channel change needs around it. Before: a table that references a queue at or above
 * the new count is reset with {@code ethtool -X NIC default}, or the kernel refuses the change
 * ("requested channel counts are too low for existing indirection table settings"). After: the key
 * and table are pushed again, because a channel change switches the device's RSS off while
 * {@code ethtool -x} still shows the old settings; a table request of the profile is rebuilt for
 * the new ring count.
 */
final class ChannelRules {
    private ChannelRules() {
    }

    static List<Step> arrange(Host host, List<Step> steps) throws HostException, InterruptedException {
        List<Step> out = new ArrayList<>(steps);
        for (Step ch : steps) {
            if (!(ch.change() instanceof ChannelChange cc)) {
                continue;
            }
            String nic = cc.nic();
            int n = cc.combined();
            RssTableChange probe = new RssTableChange(nic, "default");
            List<Reading<String>> now = Planner.readAll(host, List.of(probe, new RssKeyChange(nic, "00:00:00:00")));
            if (!now.get(0).isKnown() || !now.get(1).isKnown()) {
                continue;
            }
            String table = now.get(0).asOptional().get();
            RssTableChange.Parsed t = RssTableChange.Parsed.of(table);
            String key = now.get(1).asOptional().get();
            int size = t.entries().length;
            Step keyStep = find(out, RssKeyChange.class, nic);
            Step tableStep = find(out, RssTableChange.class, nic);
            out.remove(keyStep);
            out.remove(tableStep);
            int at = out.indexOf(ch);
            int highest = Arrays.stream(t.entries()).max().orElse(0);
            String afterChannels = table;
            if (highest >= n) {
                String dflt = RssTableChange.value(IndirectionTable.defaultFor(size, t.rings()), t.rings());
                out.add(at, new Step(0, probe, table, dflt, probe.actions(table, dflt), ch.commitConfirmed(),
                        List.of(dev.nettune.Phrase.of("tuning.channels.resetFirst", "The table references queue {0}, at or above the new {1}"
                                + " channels: it is reset to the default first, or the kernel refuses the change.", highest, n))));
                at++;
                afterChannels = RssTableChange.value(IndirectionTable.defaultFor(size, n), n);
            } else {
                afterChannels = RssTableChange.value(IndirectionTable.of(t.entries()), n);
            }
            String pushedKey = keyStep != null ? keyStep.after() : key;
            RssKeyChange kc = keyStep != null ? (RssKeyChange) keyStep.change() : new RssKeyChange(nic, key);
            List<Step> after = new ArrayList<>();
            after.add(new Step(0, kc, key, pushedKey, kc.actions(key, pushedKey), ch.commitConfirmed(),
                    List.of(dev.nettune.Phrase.of("tuning.channels.keyAgain",
                            "Pushed again after the channel change: ethtool -L switches the device's RSS off."))));
            RssTableChange tc;
            TableSpec spec;
            if (tableStep != null) {
                tc = (RssTableChange) tableStep.change();
                spec = tc.tableSpec();
            } else {
                // The user's own table mode as read on the old ring count ("default" spreads over every ring, so
                // going 2 -> 4 brings back the default over 4, not the equal 2 that the old entries look like on 4).
                String mode = t.request();
                spec = TableSpec.parse(RssTableChange.CUSTOM.equals(mode) ? "default" : mode);
                try {
                    spec.build(size, OptionalInt.of(n));
                } catch (dev.nettune.rss.RssInputException tooFew) {
                    spec = TableSpec.parse("default");
                }
                tc = new RssTableChange(nic, spec.toString());
            }
            String want = RssTableChange.value(spec.build(size, OptionalInt.of(n)), n);
            after.add(new Step(0, tc, afterChannels, want, tc.actions(afterChannels, want), ch.commitConfirmed(),
                    List.of(dev.nettune.Phrase.of("tuning.channels.tableAgain", "Pushed again for {0} rings after the channel change.", n))));
            out.addAll(at + 1, after);
        }
        List<Step> numbered = new ArrayList<>();
        for (Step s : out) {
            numbered.add(new Step(numbered.size() + 1, s.change(), s.before(), s.after(), s.actions(), s.commitConfirmed(),
                    s.notePhrases()));
        }
        return numbered;
    }

    private static Step find(List<Step> steps, Class<?> type, String nic) {
        for (Step s : steps) {
            if (type.isInstance(s.change()) && s.change().affectedNic().map(nic::equals).orElse(false)) {
                return s;
            }
        }
        return null;
    }
}
