package dev.nettune.ui.cloud.eni;

import dev.nettune.ui.common.Messages;
import dev.nettune.cloud.Cidr;
import dev.nettune.cloud.ClientToken;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.DeviceIndex;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.IpProtocol;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.PortRange;
import dev.nettune.cloud.SecurityGroup;
import dev.nettune.cloud.SecurityGroupRule;
import dev.nettune.cloud.VSwitchId;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.cloud.PlanRunModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The secondary-ENI wizard's state, shared by its pages (instance, ENI, timeouts and RSS, security
 * group rule, EIP): each page's problem is a live message, empty when the page may be left. The
 * ClientToken is made once, so going back and forth never plans a second ENI.
 */
public final class SecondaryEniWizardModel {
    private final CloudSession session;
    private final ClientToken token = ClientToken.random();
    // Page 1: the instance.
    private final ObservableList<CloudInstance> instances = FXCollections.observableArrayList();
    private final ObjectProperty<CloudInstance> instance = new SimpleObjectProperty<>();
    // Page 2: the ENI.
    private final BooleanProperty createNew = new SimpleBooleanProperty(true);
    private final StringProperty vSwitch = new SimpleStringProperty("");
    private final ObservableList<SecurityGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<SecurityGroup> group = new SimpleObjectProperty<>();
    private final IntegerProperty queues = new SimpleIntegerProperty(4);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<NetworkInterface> available = FXCollections.observableArrayList();
    private final ObjectProperty<NetworkInterface> existing = new SimpleObjectProperty<>();
    private final IntegerProperty deviceIndex = new SimpleIntegerProperty(1);
    // Page 3: timeouts and RSS.
    private final BooleanProperty setTimeouts = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> tcpEstablished = new SimpleObjectProperty<>(910);
    private final IntegerProperty timeWait = new SimpleIntegerProperty(3);
    private final ObjectProperty<Integer> udp = new SimpleObjectProperty<>(30);
    private final ObjectProperty<String> rss = new SimpleObjectProperty<>(RSS_LEAVE);
    // Page 4: security-group rule.
    private final BooleanProperty addRule = new SimpleBooleanProperty(true);
    private final ObjectProperty<IpProtocol> protocol = new SimpleObjectProperty<>(IpProtocol.TCP);
    private final StringProperty ports = new SimpleStringProperty("8000/9000");
    private final StringProperty source = new SimpleStringProperty("10.0.0.0/8");
    private final IntegerProperty priority = new SimpleIntegerProperty(1);
    private final StringProperty description = new SimpleStringProperty("");
    // Page 5: EIP.
    private final BooleanProperty bindEip = new SimpleBooleanProperty(false);
    private final ObservableList<ElasticIp> eips = FXCollections.observableArrayList();
    private final ObjectProperty<ElasticIp> eip = new SimpleObjectProperty<>();
    private final BooleanProperty eipOnEni = new SimpleBooleanProperty(false);
    private final ObjectProperty<EipMode> eipMode = new SimpleObjectProperty<>(EipMode.NAT);
    /** The modes the chosen target allows: NAT for the instance; NAT, MULTI_BINDED, BINDED for an ENI. */
    private final ObservableList<EipMode> eipModes = FXCollections.observableArrayList(EipMode.NAT);

    public static final String RSS_LEAVE = "leave as is";
    public static final String RSS_ON = "enable";
    public static final String RSS_OFF = "disable";

    private final StringBinding instanceProblem;
    private final StringBinding eniProblem;
    private final StringBinding settingsProblem;
    private final StringBinding ruleProblem;
    private final StringBinding eipProblem;
    private final PlanRunModel runner;

    public SecondaryEniWizardModel(CloudSession session, TaskRunner tasks, List<CloudInstance> instances, List<NetworkInterface> enis,
            List<SecurityGroup> groups, List<ElasticIp> eips, CloudInstance preselected) {
        this.session = session;
        this.runner = new PlanRunModel(session, tasks);
        this.instances.setAll(instances);
        this.groups.setAll(groups);
        this.available.setAll(enis.stream().filter(n -> NetworkInterface.AVAILABLE.equals(n.status())).toList());
        this.eips.setAll(eips.stream().filter(e -> ElasticIp.AVAILABLE.equals(e.status())).toList());
        instance.addListener((o, was, is) -> {
            if (is != null) {
                is.vSwitchId().ifPresent(vSwitch::set);
                groups.stream().filter(g -> is.securityGroups().contains(g.id())).findFirst().ifPresent(group::set);
            }
        });
        instance.set(preselected != null ? preselected : instances.stream().findFirst().orElse(null));
        if (group.get() == null && !groups.isEmpty()) {
            group.set(groups.get(0));
        }
        eip.set(this.eips.stream().findFirst().orElse(null));
        eipOnEni.addListener((o, was, is) -> {
            // Read the mode before the list changes: a ChoiceBox bound to it clears it while its items are replaced.
            EipMode kept = eipMode.get();
            List<EipMode> allowed = is ? List.of(EipMode.values()) : List.of(EipMode.NAT);
            eipModes.setAll(allowed);
            eipMode.set(kept != null && allowed.contains(kept) ? kept : EipMode.NAT);
        });
        instanceProblem = problem(() -> instance.get() == null ? Messages.get("eni.problem.chooseInstance") : "", instance);
        eniProblem = problem(this::checkEni, createNew, vSwitch, group, queues, name, existing, deviceIndex);
        settingsProblem = problem(() -> setTimeouts.get() ? check(this::timeouts) : "", setTimeouts, tcpEstablished, timeWait, udp);
        ruleProblem = problem(() -> addRule.get() ? check(this::rule) : "", addRule, protocol, ports, source, priority, description, group);
        eipProblem = problem(() -> !bindEip.get() ? "" : eip.get() == null ? Messages.get("eni.problem.noEip")
                : eipMode.get() == null ? Messages.format("eni.problem.chooseMode", eipModes.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", ")))
                : instance.get() == null ? Messages.get("eni.problem.instanceFirst")
                : check(() -> new dev.nettune.cloud.EipBinding(eip.get().allocationId(), eipOnEni.get()
                        ? new dev.nettune.cloud.EipTarget.Eni(dev.nettune.cloud.NetworkInterfaceRef.of(dev.nettune.cloud.NetworkInterfaceId.of("eni-placeholder0")), Optional.empty())
                        : new dev.nettune.cloud.EipTarget.Instance(instance.get().id()), eipMode.get())), bindEip, eip, eipOnEni, eipMode, instance);
    }

    private static StringBinding problem(Callable<String> check, Observable... deps) {
        return Bindings.createStringBinding(check, deps);
    }

    private static String check(Runnable r) {
        try {
            r.run();
            return "";
        } catch (IllegalArgumentException e) {
            return Messages.problem(e);
        }
    }

    private String checkEni() {
        if (createNew.get()) {
            if (group.get() == null) {
                return Messages.get("eni.problem.chooseGroup");
            }
            return check(this::spec);
        }
        return existing.get() == null ? Messages.get("eni.problem.chooseEni") : check(() -> DeviceIndex.of(deviceIndex.get()));
    }

    private EniSpec spec() {
        EniSpec s = EniSpec.of(VSwitchId.of(vSwitch.get()), List.of(group.get().id())).withQueueNumber(queues.get()).withClientToken(token);
        return name.get() == null || name.get().isBlank() ? s : s.withName(name.get());
    }

    private ConnectionTrackingTimeouts timeouts() {
        return new ConnectionTrackingTimeouts(tcpEstablished.get() == null ? -1 : tcpEstablished.get(), timeWait.get(),
                udp.get() == null ? -1 : udp.get());
    }

    private SecurityGroupRule rule() {
        if (group.get() == null) {
            throw new IllegalArgumentException(Messages.get("cloud.eni.chooseGroup"));
        }
        return new SecurityGroupRule(protocol.get(), PortRange.parse(ports.get()), Cidr.parse(source.get()), priority.get(), description.get());
    }

    /** The whole workflow as one plan. */
    public CloudPlan plan() {
        Optional<Boolean> rssSetting = RSS_ON.equals(rss.get()) ? Optional.of(true) : RSS_OFF.equals(rss.get()) ? Optional.of(false) : Optional.empty();
        return CloudPlanner.secondaryEni(new CloudPlanner.SecondaryEniRequest(session.region(), instance.get().id(),
                createNew.get() ? Optional.of(spec()) : Optional.empty(),
                createNew.get() ? Optional.empty() : Optional.of(existing.get().id()),
                Optional.of(DeviceIndex.of(deviceIndex.get())),
                setTimeouts.get() ? Optional.of(timeouts()) : Optional.empty(), rssSetting,
                addRule.get() ? Optional.of(group.get().id()) : Optional.empty(), addRule.get() ? Optional.of(rule()) : Optional.empty(),
                bindEip.get() ? Optional.of(eip.get().allocationId()) : Optional.empty(), eipMode.get(), eipOnEni.get()));
    }

    public ObservableList<CloudInstance> instances() { return instances; }
    public ObjectProperty<CloudInstance> instanceProperty() { return instance; }
    public BooleanProperty createNewProperty() { return createNew; }
    public StringProperty vSwitchProperty() { return vSwitch; }
    public ObservableList<SecurityGroup> groups() { return groups; }
    public ObjectProperty<SecurityGroup> groupProperty() { return group; }
    public IntegerProperty queuesProperty() { return queues; }
    public StringProperty nameProperty() { return name; }
    public ObservableList<NetworkInterface> available() { return available; }
    public ObjectProperty<NetworkInterface> existingProperty() { return existing; }
    public IntegerProperty deviceIndexProperty() { return deviceIndex; }
    public BooleanProperty setTimeoutsProperty() { return setTimeouts; }
    public ObjectProperty<Integer> tcpEstablishedProperty() { return tcpEstablished; }
    public IntegerProperty timeWaitProperty() { return timeWait; }
    public ObjectProperty<Integer> udpProperty() { return udp; }
    public ObjectProperty<String> rssProperty() { return rss; }
    public BooleanProperty addRuleProperty() { return addRule; }
    public ObjectProperty<IpProtocol> protocolProperty() { return protocol; }
    public StringProperty portsProperty() { return ports; }
    public StringProperty sourceProperty() { return source; }
    public IntegerProperty priorityProperty() { return priority; }
    public StringProperty descriptionProperty() { return description; }
    public BooleanProperty bindEipProperty() { return bindEip; }
    public ObservableList<ElasticIp> eips() { return eips; }
    public ObjectProperty<ElasticIp> eipProperty() { return eip; }
    public BooleanProperty eipOnEniProperty() { return eipOnEni; }
    public ObjectProperty<EipMode> eipModeProperty() { return eipMode; }
    public ObservableList<EipMode> eipModes() { return eipModes; }
    public StringBinding instanceProblemProperty() { return instanceProblem; }
    public StringBinding eniProblemProperty() { return eniProblem; }
    public StringBinding settingsProblemProperty() { return settingsProblem; }
    public StringBinding ruleProblemProperty() { return ruleProblem; }
    public StringBinding eipProblemProperty() { return eipProblem; }
    public PlanRunModel runner() { return runner; }
    public ClientToken clientToken() { return token; }
}
