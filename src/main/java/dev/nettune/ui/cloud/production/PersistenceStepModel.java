package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

/**
 * Seed step 8 and more: what survives a reboot. The sysctls of the TIME-WAIT step in
 * /etc/sysctl.d/99-network-tuning.conf, SMC loaded at boot, the NIC unmanaged across NetworkManager
 * restarts, and the NIC's channels, XPS, IRQ affinity and RSS re-applied at boot and when the ENI is
 * attached again. Only what an earlier step applied is persisted.
 */
public final class PersistenceStepModel extends HostStepModel {
    private final BooleanProperty sysctls = new SimpleBooleanProperty(true);
    private final BooleanProperty smcAtBoot = new SimpleBooleanProperty(true);
    private final BooleanProperty networkManager = new SimpleBooleanProperty(true);
    private final BooleanProperty reapply = new SimpleBooleanProperty(true);
    private final Supplier<List<HostStepModel>> earlier;

    public PersistenceStepModel(HostWork work, StringProperty host, StringProperty nic, Supplier<List<HostStepModel>> earlier) {
        super("persistence", Messages.get("production.step.title.persistence"), work, host, nic);
        this.earlier = earlier;
        inputsAre(sysctls, smcAtBoot, networkManager, reapply);
    }

    @Override
    public String why() {
        return Messages.get("production.step.why.persistence");
    }

    private boolean applied(Class<? extends HostStepModel> type) {
        return earlier.get().stream().anyMatch(s -> type.isInstance(s) && (s.stateProperty().get() == State.APPLIED
                || s.stateProperty().get() == State.NOTHING_TO_DO || s.skippedByHost()));
    }

    private <T extends HostStepModel> T step(Class<T> type) {
        return earlier.get().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Override
    public Profile profile() {
        List<ProfileEntry> out = new ArrayList<>();
        if (sysctls.get() && applied(TimeWaitStepModel.class)) {
            out.addAll(step(TimeWaitStepModel.class).sysctls());
            out.add(new ProfileEntry.PersistSysctls(null));
        }
        if (smcAtBoot.get() && applied(SmcStepModel.class)) {
            out.add(new ProfileEntry.PersistSmc());
        }
        if (networkManager.get() && applied(NetworkManagerStepModel.class)) {
            out.add(new ProfileEntry.PersistNetworkManager(nic.get()));
        }
        if (reapply.get() && (applied(XpsStepModel.class) || applied(IrqStepModel.class) || applied(RssStepModel.class))) {
            // The re-apply script repeats the NIC's own changes: give them to it (already in effect, so no step of their own).
            // In the order a boot must repeat them: channels first (on virtio-net a channel change re-spreads XPS and IRQ
            // affinity by itself), then XPS, then the IRQs, then key and table (a channel change switched RSS off).
            List<ProfileEntry> irqs = applied(IrqStepModel.class) ? step(IrqStepModel.class).entries() : List.of();
            irqs.stream().filter(e -> e instanceof dev.nettune.tuning.ChannelChange).forEach(out::add);
            if (applied(XpsStepModel.class)) {
                out.addAll(step(XpsStepModel.class).entries());
            }
            irqs.stream().filter(e -> !(e instanceof dev.nettune.tuning.ChannelChange) && !(e instanceof ProfileEntry.BanIrqs)).forEach(out::add);
            if (applied(RssStepModel.class)) {
                out.addAll(step(RssStepModel.class).entries());
            }
            out.add(new BootReapply(nic.get()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("production.step.persistence.empty"));
        }
        return new Profile(profileName(), Messages.format("production.profile.seedStep", "8"), out);
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public BooleanProperty sysctlsProperty() {
        return sysctls;
    }

    public BooleanProperty smcAtBootProperty() {
        return smcAtBoot;
    }

    public BooleanProperty networkManagerProperty() {
        return networkManager;
    }

    public BooleanProperty reapplyProperty() {
        return reapply;
    }
}
