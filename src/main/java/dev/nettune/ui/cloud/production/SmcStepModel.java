package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.tuning.Profile;
import dev.nettune.tuning.SmcChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

/** Seed step 5: load the smc module and enable SMC (and SMC-R over RDMA) where the kernel has them. */
public final class SmcStepModel extends HostStepModel {
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final BooleanProperty rdma = new SimpleBooleanProperty(true);

    public SmcStepModel(HostWork work, StringProperty host, StringProperty nic) {
        super("smc", Messages.get("production.step.title.smc"), work, host, nic);
        inputsAre(enabled, rdma);
    }

    @Override
    public String why() {
        return Messages.get("production.step.why.smc");
    }

    public SmcChange change() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("net.smc.smc_enabled", enabled.get() ? "1" : "0");
        m.put("net.smc.smc_rdma_enabled", rdma.get() ? "1" : "0");
        return new SmcChange(m);
    }

    /**
     * The seed's net.smc.smc_enabled and smc_rdma_enabled are not in every kernel (the stock Debian 6.1 kernel loads smc
     * without them): the read-back shows them as n/a; this says so in words, with the kernel, instead of leaving "n/a".
     */
    @Override
    protected String afterApply(dev.nettune.tuning.ApplyResult r, dev.nettune.tuning.Plan applied) {
        java.util.List<String> lacking = r.steps().stream().filter(sr -> sr.step().change() instanceof SmcChange)
                .flatMap(sr -> java.util.regex.Pattern.compile("(net\\.smc\\.[a-z_]+)=n/a").matcher(sr.readBack()).results()
                        .map(m -> m.group(1))).distinct().toList();
        return lacking.isEmpty() ? "" : Messages.format("production.step.smc.notOnKernel", String.join(", ", lacking),
                applied.facts().kernelVersion());
    }

    @Override
    public Profile profile() {
        return new Profile(profileName(), Messages.format("production.profile.seedStep", "5"), List.of(change()));
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public BooleanProperty rdmaProperty() {
        return rdma;
    }
}
