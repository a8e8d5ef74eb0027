package dev.nettune.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionTrackingTimeoutsTest {

    @Test
    void defaultsAreThoseOfTheDocumentation() {
        assertThat(ConnectionTrackingTimeouts.DEFAULTS).isEqualTo(new ConnectionTrackingTimeouts(910, 3, 30));
    }

    @Test
    void behindAnNlbOrClbTimeWaitIs15AndUdpIs100() {
        assertThat(ConnectionTrackingTimeouts.BEHIND_LOAD_BALANCER_DEFAULTS.tcpClosedAndTimeWait()).isEqualTo(15);
        assertThat(ConnectionTrackingTimeouts.BEHIND_LOAD_BALANCER_DEFAULTS.udp()).isEqualTo(100);
        assertThat(ConnectionTrackingTimeouts.LOAD_BALANCER_NOTE).contains("listener", "15 s", "100 s");
        assertThat(ConnectionTrackingTimeouts.NEW_CONNECTIONS_ONLY).contains("new connections only");
    }

    @Test
    void everyAllowedValueIsConstructible() {
        for (int tcp : ConnectionTrackingTimeouts.TCP_ESTABLISHED_VALUES) {
            for (int tw = 3; tw <= 15; tw++) {
                for (int udp : ConnectionTrackingTimeouts.UDP_VALUES) {
                    assertThat(new ConnectionTrackingTimeouts(tcp, tw, udp).encode()).isEqualTo(tcp + "," + tw + "," + udp);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 29, 31, 90, 900, 911, 1000})
    void tcpEstablishedOutsideTheListIsRefusedWithTheList(int seconds) {
        assertThatThrownBy(() -> ConnectionTrackingTimeouts.DEFAULTS.withTcpEstablished(seconds))
                .isInstanceOf(CloudInputException.class).hasMessageContaining("30, 60, 80, 100, 200, 300, 500, 700, 910");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 0, -1})
    void timeWaitOutside3To15IsRefused(int seconds) {
        assertThatThrownBy(() -> ConnectionTrackingTimeouts.DEFAULTS.withTcpClosedAndTimeWait(seconds)).hasMessageContaining("from 3 to 15");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 15, 40, 101, 120})
    void udpOutsideTheListIsRefusedWithTheList(int seconds) {
        assertThatThrownBy(() -> ConnectionTrackingTimeouts.DEFAULTS.withUdp(seconds)).hasMessageContaining("10, 20, 30, 60, 80, 100");
    }

    @Test
    void encodesAndDecodesForTheJournal() {
        ConnectionTrackingTimeouts t = new ConnectionTrackingTimeouts(300, 15, 100);
        assertThat(ConnectionTrackingTimeouts.decode(t.encode())).isEqualTo(t);
    }
}
