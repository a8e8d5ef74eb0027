package dev.nettune.tuning;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Reading;
import java.util.List;
import java.util.Optional;

/**
 * Takes a NIC out of NetworkManager's hands ({@code nmcli dev set NIC managed no}) so it stops
 * rewriting the NIC's settings. The nmcli setting does not survive a NetworkManager restart, so a
 * profile pairs this with {@link #persistence()}, a conf.d file with {@code unmanaged-devices}.
 */
public record NetworkManagerChange(String nic, boolean managed) implements Change {
    public static final String NO_NETWORKMANAGER = "no NetworkManager";

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
    public String title() {
        return "NetworkManager on " + nic;
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
            if (r.exitCode() == 127 || r.stderr().contains("not found") || r.stderr().contains("not running")) {
                return Reading.known(NO_NETWORKMANAGER);
            }
            return Reading.unknown("nmcli failed: " + r.stderr().strip());
        }
        for (String line : r.stdout().split("\n")) {
            int colon = line.lastIndexOf(':');
            if (colon > 0 && line.substring(0, colon).replace("\\:", ":").equals(nic)) {
                return Reading.known(line.substring(colon + 1).strip().equals("unmanaged") ? "unmanaged" : "managed");
            }
        }
        return Reading.unknown("NetworkManager does not list " + nic);
    }

    /** A host without NetworkManager has nothing to take the NIC from. */
    @Override
    public boolean satisfies(String observed, String wanted) {
        return observed.equals(wanted) || observed.equals(NO_NETWORKMANAGER);
    }

    @Override
    public List<Action> actions(String from, String to) {
        return List.of(new Action.Run(Command.of("nmcli", "device", "set", nic, "managed",
                "managed".equals(to) ? "yes" : "no").asRoot()));
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
    public List<String> warnings(String before, HostFacts facts) {
        return List.of("NetTune does not restart NetworkManager (the seed's 'systemctl restart NetworkManager'"
                + " would bounce every connection); the conf.d file takes effect at its next start.");
    }
}
