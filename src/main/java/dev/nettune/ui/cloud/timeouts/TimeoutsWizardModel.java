package dev.nettune.ui.cloud.timeouts;

import dev.nettune.ui.common.Messages;
import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.cloud.PlanRunModel;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection-timeouts wizard's state, shared by its pages: the ENI, its current timeouts (read
 * from the API), the new values (only allowed ones can be chosen), the load-balancer choice, and the
 * plan that follows. Testable without the FX toolkit.
 */
public final class TimeoutsWizardModel {
    private final CloudSession session;
    private final TaskRunner tasks;
    private final NetworkInterfaceId eni;
    private final ObjectProperty<ConnectionTrackingTimeouts> current = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> tcpEstablished = new SimpleObjectProperty<>(ConnectionTrackingTimeouts.DEFAULTS.tcpEstablished());
    private final IntegerProperty timeWait = new SimpleIntegerProperty(ConnectionTrackingTimeouts.DEFAULTS.tcpClosedAndTimeWait());
    private final ObjectProperty<Integer> udp = new SimpleObjectProperty<>(ConnectionTrackingTimeouts.DEFAULTS.udp());
    private final BooleanProperty behindLoadBalancer = new SimpleBooleanProperty(false);
    private final StringProperty loadStatus = new SimpleStringProperty("");
    private final StringBinding validation;
    private final BooleanBinding invalid;
    private final PlanRunModel runner;

    public TimeoutsWizardModel(CloudSession session, TaskRunner tasks, NetworkInterfaceId eni) {
        this.session = session;
        this.tasks = tasks;
        this.eni = eni;
        this.runner = new PlanRunModel(session, tasks);
        validation = Bindings.createStringBinding(() -> wanted().map(w -> "").orElseGet(this::problem), tcpEstablished, timeWait, udp);
        invalid = current.isNull().or(validation.isNotEmpty());
        behindLoadBalancer.addListener((obs, was, is) -> {
            if (is) {
                timeWait.set(ConnectionTrackingTimeouts.BEHIND_LOAD_BALANCER_DEFAULTS.tcpClosedAndTimeWait());
                udp.set(ConnectionTrackingTimeouts.BEHIND_LOAD_BALANCER_DEFAULTS.udp());
            }
        });
    }

    /** Reads the ENI's current timeouts off the UI thread; the form starts from them. */
    public void load() {
        loadStatus.set(Messages.format("timeouts.status.reading", String.valueOf(eni)));
        tasks.submit(() -> session.api().describeConnectionTracking(session.region(), eni), t -> {
            current.set(t);
            tcpEstablished.set(t.tcpEstablished());
            timeWait.set(t.tcpClosedAndTimeWait());
            udp.set(t.udp());
            loadStatus.set(Messages.format("timeouts.status.now", String.valueOf(t)));
        }, e -> loadStatus.set(Messages.format("timeouts.status.cannotRead", Messages.problem(e))));
    }

    /** The values as chosen, if ECS accepts them. */
    public Optional<ConnectionTrackingTimeouts> wanted() {
        try {
            Integer tcp = tcpEstablished.get();
            Integer u = udp.get();
            if (tcp == null || u == null) {
                return Optional.empty();
            }
            return Optional.of(new ConnectionTrackingTimeouts(tcp, timeWait.get(), u));
        } catch (CloudInputException e) {
            return Optional.empty();
        }
    }

    private String problem() {
        try {
            new ConnectionTrackingTimeouts(tcpEstablished.get() == null ? -1 : tcpEstablished.get(), timeWait.get(), udp.get() == null ? -1 : udp.get());
            return "";
        } catch (CloudInputException e) {
            return Messages.problem(e);
        }
    }

    public CloudPlan plan() {
        return CloudPlanner.timeouts(session.region(), eni, wanted().orElseThrow(() -> new CloudInputException(problem())),
                Optional.ofNullable(current.get()));
    }

    /** What the user must know: new connections only, and the NLB/CLB advice. */
    public String notes() {
        return dev.nettune.ui.cloud.CloudStepTitles.timeoutsNotes("\n");
    }

    public NetworkInterfaceId eni() {
        return eni;
    }

    public ObjectProperty<ConnectionTrackingTimeouts> currentProperty() {
        return current;
    }

    public ObjectProperty<Integer> tcpEstablishedProperty() {
        return tcpEstablished;
    }

    public IntegerProperty timeWaitProperty() {
        return timeWait;
    }

    public ObjectProperty<Integer> udpProperty() {
        return udp;
    }

    public BooleanProperty behindLoadBalancerProperty() {
        return behindLoadBalancer;
    }

    public StringProperty loadStatusProperty() {
        return loadStatus;
    }

    public StringBinding validationProperty() {
        return validation;
    }

    /** True while the form cannot go on: timeouts not read yet, or a value ECS refuses. */
    public BooleanBinding invalidProperty() {
        return invalid;
    }

    public PlanRunModel runner() {
        return runner;
    }
}
