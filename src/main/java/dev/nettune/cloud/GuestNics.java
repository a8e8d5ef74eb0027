package dev.nettune.cloud;

import dev.nettune.host.Command;
import dev.nettune.host.CommandFailedException;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.NicRssReader;
import dev.nettune.linux.EthtoolRss;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the guest sees of an ENI, over the host port: the NIC that carries the ENI's MAC (so an
 * attach is done only when the NIC is there), and its RSS state as {@code ethtool -x} reports it.
 */
public final class GuestNics {
    private static final Pattern NIC = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");
    private final Host host;

    public GuestNics(Host host) {
        this.host = host;
    }

    /** The interface name with this MAC, if the guest has one (reads /sys/class/net/&lt;nic&gt;/address). */
    public Optional<String> nicWithMac(String mac) throws HostException, InterruptedException {
        CommandResult ls = host.run(Command.of("ls", "/sys/class/net"), Duration.ofSeconds(10));
        List<String> nics = new ArrayList<>();
        for (String n : ls.stdout().split("\\s+")) {
            if (NIC.matcher(n).matches() && !n.equals("lo")) {
                nics.add(n);
            }
        }
        List<Command> reads = nics.stream().map(n -> Command.of("cat", "/sys/class/net/" + n + "/address")).toList();
        List<CommandResult> results = reads.isEmpty() ? List.of() : host.runAll(reads, Duration.ofSeconds(10));
        String wanted = mac.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).ok() && results.get(i).stdout().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(nics.get(i));
            }
        }
        return Optional.empty();
    }

    /** Waits until the guest shows a NIC with this MAC; the progress line says what is awaited. */
    public String awaitNic(String mac, Duration timeout, ProgressListener progress) throws HostException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> nic = nicWithMac(mac);
            if (nic.isPresent()) {
                progress.progress(dev.nettune.Phrase.of("cloud.guest.shows", "The guest {0} shows the ENI as {1} ({2}).", host.name(), nic.get(), mac));
                return nic.get();
            }
            if (System.nanoTime() > deadline) {
                throw new CloudWaitException(dev.nettune.Phrase.of("cloud.guest.noNic", "The guest {0} shows no NIC with MAC {1} after {2} s;"
                        + " the API says the ENI is attached. Check the guest's network configuration (e.g. cloud-init, NetworkManager).",
                        host.name(), mac, timeout.toSeconds()));
            }
            progress.progress(dev.nettune.Phrase.of("cloud.guest.waiting", "Waiting for the guest {0} to show a NIC with MAC {1}\u2026", host.name(), mac));
            Thread.sleep(1000);
        }
    }

    /** {@code ethtool -x NIC}, parsed. */
    public EthtoolRss rss(String nic) throws HostException, InterruptedException {
        if (!NIC.matcher(nic).matches()) {
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.guest.badNic", "'{0}' is not an interface name.", nic));
        }
        try {
            return NicRssReader.read(host, nic, Duration.ofSeconds(10));
        } catch (CommandFailedException e) {
            // The tool's own error stays as it said it.
            throw new CloudWaitException(dev.nettune.Phrase.of("cloud.guest.ethtoolFailed", "ethtool -x {0} failed on {1}: {2}", nic, host.name(),
                    e.result().stderr().strip()));
        }
    }

    /** One line for a person: how many queues, the key, the function, whether the table is custom (English). */
    public static String describe(EthtoolRss rss) {
        return describePhrase(rss).toString();
    }

    /** {@link #describe} in the user's language; the tool's own words (a table or key it could not read) stay as it said them. */
    public static dev.nettune.Phrase describePhrase(EthtoolRss rss) {
        dev.nettune.Phrase notReadable = dev.nettune.Phrase.of("cloud.guest.notReadable", "not readable");
        Object rings = rss.ringCount().stream().mapToObj(n -> (Object) dev.nettune.Phrase.of("cloud.guest.rings", "{0} RX rings", n)).findFirst()
                .orElse(dev.nettune.Phrase.of("cloud.guest.ringsUnknown", "rings unknown"));
        Object table = rss.table().<Object>map(t -> dev.nettune.Phrase.of("cloud.guest.entries", "{0} entries", t.size()))
                .or(() -> rss.tableReason().map(x -> x)).orElse(notReadable);
        Object key = rss.key().<Object>map(Object::toString).or(() -> rss.keyReason().map(x -> x)).orElse(notReadable);
        Object function = rss.activeHashFunction().<Object>map(x -> x).orElse(dev.nettune.Phrase.of("cloud.guest.functionUnknown", "unknown"));
        return dev.nettune.Phrase.of("cloud.guest.rss", "{0}: {1}, table {2}, key {3}, hash function {4}", rss.nic(), rings, table, key, function);
    }
}
