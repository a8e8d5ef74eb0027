package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Reading;
import java.util.List;
import java.util.Optional;

/**
 * Takes a NIC out of NetworkManager's hands ({@code nmcli dev set NIC managed no}) so it stops
 * rewriting the NIC's settings. NetworkManager keeps the nmcli setting in /run across its own restarts
 * but not across a reboot, so a profile pairs this with {@link #persistence()}, a conf.d file with
 * {@code unmanaged-devices}. NetworkManager reads conf.d only when it starts or reloads its
 * configuration, and {@code managed yes} does not override a conf.d entry, so giving the NIC back
 * reloads the configuration first (checked against a real NetworkManager 1.42).
 */
public record NetworkManagerChange(String nic, boolean managed) implements Change {
    /** The reading on a host where nmcli is not installed. */
    public static final String NO_NETWORKMANAGER = "no NetworkManager";
    /** The reading on a host where nmcli is installed but the NetworkManager daemon does not run. */
    public static final String NOT_RUNNING = "NetworkManager not running";

    public NetworkManagerChange {
        TuningInputException.checkNic(nic);
    }

    public static NetworkManagerChange unmanage(String nic) {
        return new NetworkManagerChange(nic, false);
    }

    /** The conf.d file that keeps the NIC unmanaged across NetworkManager restarts and reboots. */
    public FileChange persistence() {
        return new FileChange("/etc/NetworkManager/conf.d/99-nettune-unmanaged-" + nic + ".conf",
                "# Written by NetTune: keep " + nic + " out of NetworkManager's hands across restarts.\n"
                        + "[keyfile]\nunmanaged-devices=interface-name:" + nic + "\n",
                "644", List.of(), List.of());
    }

    @Override
    public String target() {
        return "networkmanager " + nic;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.of("tuning.title.nm", "NetworkManager on {0}", nic);
    }


    @Override
    public dev.nettune.Phrase showPhrase(String value) {
        return "unmanaged".equals(value) || "managed".equals(value)
                ? dev.nettune.Phrase.of("tuning.show.nm." + value, value) : dev.nettune.Phrase.literal(show(value));
    }

    @Override
    public String desired() {
        return managed ? "managed" : "unmanaged";
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("nmcli", "-t", "-f", "DEVICE,STATE", "device"));
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        CommandResult r = results.get(0);
        if (!r.ok()) {
            // With the system bus up, nmcli says the daemon is not running; without a bus it cannot make a client.
            if (dev.nettune.linux.NmcliAnswers.daemonNotRunning(r.stderr())) {
                return Reading.known(NOT_RUNNING);
            }
            if (r.exitCode() == 127 || r.stderr().contains("not found")) {
                return Reading.known(NO_NETWORKMANAGER);
            }
            return Reading.unknown(Phrase.of("tuning.read.failed", "{0} failed: {1}", "nmcli", r.stderr().strip()));
        }
        for (String line : r.stdout().split("\n")) {
            int colon = line.lastIndexOf(':');
            if (colon > 0 && line.substring(0, colon).replace("\\:", ":").equals(nic)) {
                return Reading.known(line.substring(colon + 1).strip().equals("unmanaged") ? "unmanaged" : "managed");
            }
        }
        return Reading.unknown(Phrase.of("linux.state.nmDoesNotList", "NetworkManager does not list {0}", nic));
    }

    /**
     * A host without NetworkManager, or where it does not run, has nothing nmcli could take the NIC from (the
     * plan says so in words, see {@link #show}).
     */
    @Override
    public boolean satisfies(String observed, String wanted) {
        return observed.equals(wanted) || observed.equals(NO_NETWORKMANAGER) || observed.equals(NOT_RUNNING);
    }

    @Override
    public Optional<Phrase> skippedBecause(String current) {
        return switch (current) {
            case NO_NETWORKMANAGER -> Optional.of(Phrase.of("tuning.nm.notInstalled", "NetworkManager is not installed on this host"
                    + " (no nmcli), so nothing manages {0}", nic));
            case NOT_RUNNING -> Optional.of(Phrase.of("tuning.nm.notRunning", "NetworkManager is not running on this host, so nmcli"
                    + " has nothing to change now; when it starts it manages {0} unless a conf.d file lists it as unmanaged", nic));
            default -> Optional.empty();
        };
    }

    /**
     * Giving the NIC back first reloads NetworkManager's configuration ({@code nmcli general reload conf}, which
     * re-reads the files without touching any connection): a conf.d file that listed the NIC may have just been
     * removed, and until NetworkManager re-reads conf.d, {@code managed yes} leaves the NIC unmanaged.
     */
    @Override
    public List<Action> actions(String from, String to) {
        if ("managed".equals(to)) {
            return List.of(new Action.Run(Command.of("nmcli", "general", "reload", "conf").asRoot()),
                    new Action.Run(Command.of("nmcli", "device", "set", nic, "managed", "yes").asRoot()));
        }
        return List.of(new Action.Run(Command.of("nmcli", "device", "set", nic, "managed", "no").asRoot()));
    }

    @Override
    public Optional<String> affectedNic() {
        return Optional.of(nic);
    }

    @Override
    public boolean canCutSession() {
        return true;
    }

    @Override
    public List<Phrase> warnings(String before, HostFacts facts) {
        if (managed) {
            return List.of(Phrase.of("tuning.nm.confWins", "A conf.d file that lists {0} as unmanaged keeps it so: 'managed yes'"
                    + " does not override it.", nic));
        }
        return List.of(Phrase.of("tuning.nm.noRestart", "NetTune does not restart NetworkManager (the seed's 'systemctl restart"
                + " NetworkManager' would bounce every connection) and does not need to: nmcli takes {0} now and NetworkManager"
                + " keeps it unmanaged across its own restarts; after a reboot only a conf.d file (the persistence step)"
                + " keeps it so.", nic));
    }
}
