package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.tuning.Profile;
import dev.nettune.tuning.SysctlChange;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Seed step 4: fewer sockets in TIME-WAIT (tcp_tw_reuse, tcp_max_tw_buckets, tcp_fin_timeout). */
public final class TimeWaitStepModel extends HostStepModel {
    private final BooleanProperty reuse = new SimpleBooleanProperty(true);
    private final StringProperty maxBuckets = new SimpleStringProperty("200000");
    private final StringProperty finTimeout = new SimpleStringProperty("15");

    public TimeWaitStepModel(HostWork work, StringProperty host, StringProperty nic) {
        super("time-wait", Messages.get("production.step.title.time-wait"), work, host, nic);
        inputsAre(reuse, maxBuckets, finTimeout);
    }

    @Override
    public String why() {
        return Messages.get("production.step.why.time-wait");
    }

    /** The sysctls this step sets (the persistence step writes the same ones to /etc/sysctl.d). */
    public List<SysctlChange> sysctls() {
        return List.of(new SysctlChange("net.ipv4.tcp_tw_reuse", reuse.get() ? "1" : "0"),
                new SysctlChange("net.ipv4.tcp_max_tw_buckets", number("tcp_max_tw_buckets", maxBuckets.get(), 0, 100_000_000)),
                new SysctlChange("net.ipv4.tcp_fin_timeout", number("tcp_fin_timeout", finTimeout.get(), 1, 3600)));
    }

    @Override
    public Profile profile() {
        return new Profile(profileName(), Messages.format("production.profile.seedStep", "4"), List.copyOf(sysctls()));
    }

    static String number(String what, String text, long min, long max) {
        String t = text == null ? "" : text.strip();
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) {
                return Long.toString(v);
            }
        } catch (NumberFormatException e) {
            // Said below, with what is allowed.
        }
        throw new IllegalArgumentException(Messages.format("production.number.invalid", what, String.valueOf(min), String.valueOf(max), t));
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public BooleanProperty reuseProperty() {
        return reuse;
    }

    public StringProperty maxBucketsProperty() {
        return maxBuckets;
    }

    public StringProperty finTimeoutProperty() {
        return finTimeout;
    }
}
