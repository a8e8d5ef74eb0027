package dev.nettune.linux;

import dev.nettune.Phrase;

/** Turns a failed tool run into the end of the sentence "unknown because ...", in plain words. */
final class ProbeFailures {
    private ProbeFailures() {
    }

    static Phrase reason(String what, int exitCode, String output) {
        String text = output.strip();
        String first = text.isEmpty() ? "" : text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        String tool = what.split(" ")[0];
        if (exitCode == 127 || text.contains("command not found") || text.endsWith(": not found")
                || text.contains(tool + ": not found")) {
            return Phrase.of("linux.probe.notInstalled", "{0} is not installed on the host ({1} could not run)", tool, what);
        }
        if (text.contains("Operation not supported")) {
            return Phrase.of("linux.probe.notSupported", "the NIC or kernel does not support it ({0}: Operation not supported)", what);
        }
        if (text.contains("Permission denied") || text.contains("Operation not permitted")) {
            return Phrase.of("linux.probe.denied", "permission was denied ({0}: {1}); read it as root", what, first);
        }
        if (NmcliAnswers.daemonNotRunning(text)) {
            // nmcli is there but its daemon is not (with no system bus it cannot even make a client): say so, not
            // "does not exist", which the bus socket's "No such file or directory" would otherwise read as.
            return Phrase.of("linux.probe.nmNotRunning", "NetworkManager is not running on the host ({0})", first);
        }
        if (text.contains("No such file or directory")) {
            return Phrase.of("linux.probe.noSuchFile", "it does not exist on this host ({0})", first);
        }
        if (text.contains("System has not been booted with systemd")) {
            return Phrase.of("linux.probe.noSystemd", "the host does not run systemd ({0})", first);
        }
        return first.isEmpty() ? Phrase.of("linux.probe.failed", "{0} failed with exit code {1}", what, exitCode)
                : Phrase.of("linux.probe.failedSaying", "{0} failed with exit code {1}: {2}", what, exitCode, first);
    }
}
