package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.HostException;
import java.util.List;

/**
 * Something that sends a scenario's test traffic to the receiver: hping3 on a real sender host,
 * or the sandbox's traffic source. The verifier treats every sender alike.
 */
public interface TrafficSender {
    /** How the sender reads to a person: "hping3 on sender-1", in the user's language. */
    Phrase describe();

    /** Whether the sender can send (hping3 installed, ...) and, if not, how to fix it. */
    Readiness check() throws HostException, InterruptedException;

    /** The exact commands {@link #send} runs, shown before they run. */
    List<Command> commands(TestTraffic traffic);

    /** Sends the traffic and returns when it has been sent. */
    void send(TestTraffic traffic) throws HostException, InterruptedException;

    /** The exact commands sending one burst of a designed verification runs: one fixed flow each. */
    List<Command> commands(Burst burst);

    /** Sends one burst (its flows one after the other) and returns when it has been sent. */
    void send(Burst burst) throws HostException, InterruptedException;

    /** Whether a sender is ready, and if not, what to do ({@code said} in the user's language). */
    record Readiness(boolean ready, Phrase said) {
        /** What it says, in English. */
        public String message() {
            return said.toString();
        }
    }
}
