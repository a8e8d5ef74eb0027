package dev.nettune.linux;

/**
 * What nmcli's error text says about NetworkManager (answers captured on Debian 12 with NetworkManager 1.42), read
 * in one place by the host state and the NetworkManager tuning step.
 */
public final class NmcliAnswers {
    private NmcliAnswers() {
    }

    /**
     * True when nmcli ran but found no NetworkManager to talk to: with the system bus up it says the daemon is not
     * running; without a bus it cannot even make a client ("Could not connect: No such file or directory").
     */
    public static boolean daemonNotRunning(String output) {
        return output.contains("NetworkManager is not running") || output.contains("Could not create NMClient object");
    }
}
