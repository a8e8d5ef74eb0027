package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The idle-connection timeouts of an ENI (eni-connection-timeouts): only the values ECS accepts
 * can be constructed. New values apply to new connections only.
 */
public record ConnectionTrackingTimeouts(int tcpEstablished, int tcpClosedAndTimeWait, int udp) {
    /** TcpEstablishedTimeout, seconds. */
    public static final List<Integer> TCP_ESTABLISHED_VALUES = List.of(30, 60, 80, 100, 200, 300, 500, 700, 910);
    /** TcpClosedAndTimeWaitTimeout, seconds: every integer 3 to 15. */
    public static final int TIME_WAIT_MIN = 3;
    public static final int TIME_WAIT_MAX = 15;
    /** UdpTimeout, seconds. */
    public static final List<Integer> UDP_VALUES = List.of(10, 20, 30, 60, 80, 100);

    public static final ConnectionTrackingTimeouts DEFAULTS = new ConnectionTrackingTimeouts(910, 3, 30);
    /** What ECS uses when the instance sits behind an NLB or CLB: 15 s TIME_WAIT and 100 s UDP. */
    public static final ConnectionTrackingTimeouts BEHIND_LOAD_BALANCER_DEFAULTS = new ConnectionTrackingTimeouts(910, 15, 100);

    /** Said wherever timeouts are changed, as a phrase. */
    public static final dev.nettune.Phrase NEW_CONNECTIONS_ONLY_PHRASE = dev.nettune.Phrase.of("cloud.note.newConnectionsOnly",
            "New timeout values apply to new connections only; existing connections keep the timeouts they started with.");
    /** Said wherever timeouts are changed, for instances behind a load balancer, as a phrase. */
    public static final dev.nettune.Phrase LOAD_BALANCER_PHRASE = dev.nettune.Phrase.of("cloud.note.loadBalancer",
            "If this instance sits behind an NLB or CLB, set the listener's idle-connection timeout to match; "
                    + "behind one, ECS defaults to 15 s for TIME_WAIT and 100 s for UDP (instead of 3 s and 30 s).");
    /** Said wherever timeouts are changed. */
    public static final String NEW_CONNECTIONS_ONLY = NEW_CONNECTIONS_ONLY_PHRASE.toString();
    /** Said wherever timeouts are changed, for instances behind a load balancer. */
    public static final String LOAD_BALANCER_NOTE = LOAD_BALANCER_PHRASE.toString();

    public ConnectionTrackingTimeouts {
        checkTcpEstablished(tcpEstablished);
        checkTimeWait(tcpClosedAndTimeWait);
        checkUdp(udp);
    }

    public static void checkTcpEstablished(int seconds) {
        if (!TCP_ESTABLISHED_VALUES.contains(seconds)) {
            throw new CloudInputException(Phrase.of("cloud.timeouts.tcpEstablished",
                    "TcpEstablishedTimeout {0} s is not allowed: choose one of {1} seconds (default 910).", seconds, join(TCP_ESTABLISHED_VALUES)));
        }
    }

    public static void checkTimeWait(int seconds) {
        if (seconds < TIME_WAIT_MIN || seconds > TIME_WAIT_MAX) {
            throw new CloudInputException(Phrase.of("cloud.timeouts.timeWait", "TcpClosedAndTimeWaitTimeout {0} s is not allowed: use a whole number of seconds"
                    + " from {1} to {2} (default 3; 15 behind an NLB/CLB).", seconds, TIME_WAIT_MIN, TIME_WAIT_MAX));
        }
    }

    public static void checkUdp(int seconds) {
        if (!UDP_VALUES.contains(seconds)) {
            throw new CloudInputException(Phrase.of("cloud.timeouts.udp",
                    "UdpTimeout {0} s is not allowed: choose one of {1} seconds (default 30; 100 behind an NLB/CLB).", seconds, join(UDP_VALUES)));
        }
    }

    public ConnectionTrackingTimeouts withTcpEstablished(int seconds) {
        return new ConnectionTrackingTimeouts(seconds, tcpClosedAndTimeWait, udp);
    }

    public ConnectionTrackingTimeouts withTcpClosedAndTimeWait(int seconds) {
        return new ConnectionTrackingTimeouts(tcpEstablished, seconds, udp);
    }

    public ConnectionTrackingTimeouts withUdp(int seconds) {
        return new ConnectionTrackingTimeouts(tcpEstablished, tcpClosedAndTimeWait, seconds);
    }

    /** {@code 910,3,30}: compact, for the journal. */
    public String encode() {
        return tcpEstablished + "," + tcpClosedAndTimeWait + "," + udp;
    }

    public static ConnectionTrackingTimeouts decode(String text) {
        String[] p = text.split(",");
        if (p.length != 3) {
            throw new CloudInputException("'" + text + "' is not tcpEstablished,timeWait,udp seconds.");
        }
        return new ConnectionTrackingTimeouts(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()), Integer.parseInt(p[2].strip()));
    }

    @Override
    public String toString() {
        return phrase().toString();
    }

    /** The three timeouts in a line ("TCP established 910 s, ..."), in the user's language. */
    public Phrase phrase() {
        return Phrase.of("cloud.step.timeoutValues", "TCP established {0} s, TCP TIME_WAIT/CLOSED {1} s, UDP {2} s", tcpEstablished,
                tcpClosedAndTimeWait, udp);
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
