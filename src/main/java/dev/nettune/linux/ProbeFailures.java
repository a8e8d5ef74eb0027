package dev.nettune.linux;

/** Turns a failed tool run into the end of the sentence "unknown because ...", in plain words. */
final class ProbeFailures {
    private ProbeFailures() {
    }

    static String reason(String what, int exitCode, String output) {
        String text = output.strip();
        String first = text.isEmpty() ? "" : text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        String tool = what.split(" ")[0];
        if (exitCode == 127 || text.contains("command not found") || text.endsWith(": not found")
                || text.contains(tool + ": not found")) {
            return tool + " is not installed on the host (" + what + " could not run)";
        }
        if (text.contains("Operation not supported")) {
            return "the NIC or kernel does not support it (" + what + ": Operation not supported)";
        }
        if (text.contains("Permission denied") || text.contains("Operation not permitted")) {
            return "permission was denied (" + what + ": " + first + "); read it as root";
        }
        if (NmcliAnswers.daemonNotRunning(text)) {
            // nmcli is there but its daemon is not (with no system bus it cannot even make a client): say so, not
            // "does not exist", which the bus socket's "No such file or directory" would otherwise read as.
            return "NetworkManager is not running on the host (" + first + ")";
        }
        if (text.contains("No such file or directory")) {
            return "it does not exist on this host (" + first + ")";
        }
        if (text.contains("System has not been booted with systemd")) {
            return "the host does not run systemd (" + first + ")";
        }
        return what + " failed with exit code " + exitCode + (first.isEmpty() ? "" : ": " + first);
    }
}
