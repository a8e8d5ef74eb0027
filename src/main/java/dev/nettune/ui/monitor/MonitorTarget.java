package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.linux.LinkInfo;
import dev.nettune.ui.common.TaskRunner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every Monitor panel works on: the chosen host and NIC, and the choices for both. The NIC list
 * comes from {@code ip -o link}; when the chosen NIC is missing or down, the up NIC that has carried
 * the most packets is chosen (never a down {@code ifb1}).
 */
public final class MonitorTarget {
    private final ObservableList<String> hostNames = FXCollections.observableArrayList();
    private final ObservableList<String> nics = FXCollections.observableArrayList();
    private final StringProperty host = new SimpleStringProperty("sandbox");
    private final StringProperty nic = new SimpleStringProperty("eth1");

    public MonitorTarget(List<String> hostChoices) {
        hostNames.setAll(hostChoices);
    }

    /** Lists the chosen host's NICs in the background and picks the one carrying traffic if the current one is not up. */
    public void loadNics(HostResolver hosts, TaskRunner tasks, Consumer<String> problem) {
        String h = host.get();
        tasks.submit(() -> {
            Host target = hosts.resolve(h, HostOptions.defaults());
            List<LinkInfo> links = LinkInfo.parseAll(target.run(Command.of("ip", "-o", "link"), Duration.ofSeconds(20)).stdoutOrThrow());
            // Packet counters where ip has -s; a host (or the sandbox) without it leaves the choice to the link state.
            CommandResult stats = target.run(Command.of("ip", "-s", "-o", "link"), Duration.ofSeconds(20));
            Map<String, Long> rx = stats.ok() ? rxPackets(stats.stdout()) : Map.of();
            return new Links(links, rx);
        }, found -> {
            List<String> names = found.links().stream().map(LinkInfo::name).filter(n -> !n.equals("lo")).sorted().toList();
            nics.setAll(names);
            chooseNic(found.links(), found.rxPackets(), nic.get()).ifPresent(nic::set);
        }, e -> problem.accept(Messages.format("monitor.target.cannotList", h, Messages.problem(e))));
    }

    /** The NICs found and their received packets (empty when the host's ip cannot tell). */
    private record Links(List<LinkInfo> links, Map<String, Long> rxPackets) {
    }

    /**
     * The NIC to show: {@code current} if it exists and is up; else the up NIC (not loopback) with the
     * most received packets; else the first up NIC; else the first NIC. Empty when there is none.
     */
    static Optional<String> chooseNic(List<LinkInfo> links, Map<String, Long> rxPackets, String current) {
        List<LinkInfo> candidates = links.stream().filter(l -> !l.name().equals("lo") && !l.flags().contains("LOOPBACK")).toList();
        List<LinkInfo> up = candidates.stream().filter(l -> l.isUp() && !"DOWN".equals(l.state())).toList();
        if (up.stream().anyMatch(l -> l.name().equals(current))) {
            return Optional.of(current);
        }
        Optional<LinkInfo> busiest = up.stream().filter(l -> rxPackets.getOrDefault(l.name(), 0L) > 0)
                .max((a, b) -> Long.compare(rxPackets.get(a.name()), rxPackets.get(b.name())));
        if (busiest.isPresent()) {
            return busiest.map(LinkInfo::name);
        }
        if (!up.isEmpty()) {
            return Optional.of(up.get(0).name());
        }
        return candidates.stream().map(LinkInfo::name).findFirst();
    }

    /** Received packets per NIC from {@code ip -s -o link} (the number after "RX: bytes packets ..."). */
    static Map<String, Long> rxPackets(String output) {
        Map<String, Long> rx = new HashMap<>();
        for (String line : output.replace("\r", "").split("\n")) {
            int c1 = line.indexOf(": ");
            int c2 = c1 < 0 ? -1 : line.indexOf(": ", c1 + 2);
            int header = line.indexOf("RX:");
            if (c2 < 0 || header < 0) {
                continue;
            }
            String name = line.substring(c1 + 2, c2);
            int at = name.indexOf('@');
            name = at > 0 ? name.substring(0, at) : name;
            String[] segments = line.substring(header).split("\\\\");
            if (segments.length < 2) {
                continue;
            }
            String[] numbers = segments[1].strip().split("\\s+");
            if (numbers.length >= 2 && numbers[1].matches("\\d{1,19}")) {
                rx.put(name, Long.parseLong(numbers[1]));
            }
        }
        return rx;
    }

    public ObservableList<String> hostNames() {
        return hostNames;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public ObservableList<String> nics() {
        return nics;
    }

    public StringProperty nicProperty() {
        return nic;
    }
}
