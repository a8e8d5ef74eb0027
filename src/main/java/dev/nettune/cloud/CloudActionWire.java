package dev.nettune.cloud;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The wire format of every kind of cloud step, in one place: the product and API it calls and its
 * parameters in order, each name spelled once. The plan's display and exports ({@link CloudAction#toCall}),
 * the journal's read-back ({@link #decode}) and the SDK adapter (which sends what {@link #encode}
 * gives) all go through it, so a new kind of step is one {@link Spec} here.
 */
public final class CloudActionWire {
    private CloudActionWire() {
    }

    /** One value of a step as API parameters: how it is written into a call and read back from a journaled one. */
    public interface Param<V> {
        void write(CloudCall.Builder b, V value, PlanNames names);

        V read(CloudCall call);

        /** Whether a journaled call carries this value; only a required value can be missing. */
        default boolean in(CloudCall call) {
            return true;
        }
    }

    /** One parameter of a kind of step: which of the step's values it carries, and how. */
    private record Field<A, V>(Param<V> param, Function<A, V> value) {
        void write(CloudCall.Builder b, A action, PlanNames names) {
            param.write(b, value.apply(action), names);
        }
    }

    /** Reads the values of a journaled call, by parameter. */
    public static final class Values {
        private final CloudCall call;

        private Values(CloudCall call) {
            this.call = call;
        }

        public <V> V get(Param<V> param) {
            return param.read(call);
        }
    }

    /** The wire spec of one kind of step: product, API name, parameters in the order they are shown and sent. */
    public static final class Spec<A extends CloudAction> {
        private final Class<A> type;
        private final String product;
        private final String api;
        private final Function<Values, A> make;
        private final List<Field<A, ?>> fields;

        @SafeVarargs
        private Spec(Class<A> type, String product, String api, Function<Values, A> make, Field<A, ?>... fields) {
            this.type = type;
            this.product = product;
            this.api = api;
            this.make = make;
            this.fields = List.of(fields);
        }

        public String product() {
            return product;
        }

        public String api() {
            return api;
        }

        CloudCall encode(A action, PlanNames names) {
            CloudCall.Builder b = CloudCall.builder(product, api);
            fields.forEach(f -> f.write(b, action, names));
            return b.build();
        }

        /** Whether a journaled call is this kind of step: its API, with every required parameter there. */
        boolean matches(CloudCall call) {
            return api.equals(call.action()) && fields.stream().allMatch(f -> f.param().in(call));
        }
    }

    // ---- the parameter kinds ---------------------------------------------------------------------

    /** A value sent as itself: ids and numbers as their text. */
    private static <V> Param<V> text(String name, Function<String, V> parse) {
        return text(name, parse, String::valueOf);
    }

    /** A value sent as the API spells it ({@code show}), read back with {@code parse}. */
    private static <V> Param<V> text(String name, Function<String, V> parse, Function<V, String> show) {
        return new Param<>() {
            @Override
            public void write(CloudCall.Builder b, V value, PlanNames names) {
                b.put(name, show.apply(value));
            }

            @Override
            public V read(CloudCall call) {
                return parse.apply(required(call, name));
            }

            @Override
            public boolean in(CloudCall call) {
                return call.get(name).isPresent();
            }
        };
    }

    /** A parameter the SDK and the aliyun CLI's metadata do not know (sent raw, shown with --force). */
    private static <V> Param<V> raw(String name, Function<String, V> parse) {
        return writtenAs(text(name, parse), (b, v) -> b.putRaw(name, v));
    }

    /** NetTune's own note in the journal: never sent. */
    private static <V> Param<V> meta(String name, Function<String, V> parse, Function<V, Object> show) {
        return writtenAs(text(name, parse), (b, v) -> b.putMeta(name, show.apply(v)));
    }

    /** {@code plain}, read the same way but written by {@code write}. */
    private static <V> Param<V> writtenAs(Param<V> plain, java.util.function.BiConsumer<CloudCall.Builder, V> write) {
        return new Param<>() {
            @Override
            public void write(CloudCall.Builder b, V value, PlanNames names) {
                write.accept(b, value);
            }

            @Override
            public V read(CloudCall call) {
                return plain.read(call);
            }

            @Override
            public boolean in(CloudCall call) {
                return plain.in(call);
            }
        };
    }

    /** A value that may be absent: then no parameter is written, and a call without it reads as empty. */
    private static <V> Param<Optional<V>> optional(Param<V> param) {
        return new Param<>() {
            @Override
            public void write(CloudCall.Builder b, Optional<V> value, PlanNames names) {
                value.ifPresent(v -> param.write(b, v, names));
            }

            @Override
            public Optional<V> read(CloudCall call) {
                return param.in(call) ? Optional.of(param.read(call)) : Optional.empty();
            }
        };
    }

    /** A value that older journals may lack: then it reads as {@code absent}. */
    private static <V> Param<V> orElse(Param<V> param, V absent) {
        return new Param<>() {
            @Override
            public void write(CloudCall.Builder b, V value, PlanNames names) {
                param.write(b, value, names);
            }

            @Override
            public V read(CloudCall call) {
                return param.in(call) ? param.read(call) : absent;
            }
        };
    }

    /** A fixed value every such call sends. */
    private static Param<Void> constant(String name, String value) {
        return new Param<>() {
            @Override
            public void write(CloudCall.Builder b, Void ignored, PlanNames names) {
                b.put(name, value);
            }

            @Override
            public Void read(CloudCall call) {
                return null;
            }
        };
    }

    /** An ENI: its id, or the variable holding the id of the ENI an earlier step of the plan creates. */
    private static Param<NetworkInterfaceRef> eni(String name) {
        return new Param<>() {
            @Override
            public void write(CloudCall.Builder b, NetworkInterfaceRef value, PlanNames names) {
                b.putEni(name, value, names);
            }

            @Override
            public NetworkInterfaceRef read(CloudCall call) {
                CloudCall.Param p = call.param(name).orElseThrow(() -> missing(call, name));
                if (p.variable()) {
                    return new NetworkInterfaceRef.Created(new ClientToken(required(call, name + ".ClientToken")));
                }
                return new NetworkInterfaceRef.Existing(NetworkInterfaceId.of(p.value()));
            }

            @Override
            public boolean in(CloudCall call) {
                return call.param(name).isPresent();
            }
        };
    }

    /** A list as NAME.1, NAME.2, ... */
    private static <V> Param<List<V>> numbered(String name, Function<String, V> parse) {
        return new Param<>() {
            @Override
            public void write(CloudCall.Builder b, List<V> value, PlanNames names) {
                for (int i = 0; i < value.size(); i++) {
                    b.put(name + "." + (i + 1), value.get(i));
                }
            }

            @Override
            public List<V> read(CloudCall call) {
                List<V> out = new ArrayList<>();
                for (int i = 1; call.get(name + "." + i).isPresent(); i++) {
                    out.add(parse.apply(call.get(name + "." + i).get()));
                }
                return out;
            }

            @Override
            public boolean in(CloudCall call) {
                return call.get(name + ".1").isPresent();
            }
        };
    }

    private static final String CT = "ConnectionTrackingConfiguration.";
    private static final Param<Integer> TCP_ESTABLISHED = text(CT + "TcpEstablishedTimeout", Integer::valueOf);
    private static final Param<Integer> TCP_CLOSED = text(CT + "TcpClosedAndTimeWaitTimeout", Integer::valueOf);
    private static final Param<Integer> UDP = text(CT + "UdpTimeout", Integer::valueOf);

    /** The three connection-tracking timeouts of an ENI. */
    private static final Param<ConnectionTrackingTimeouts> TIMEOUTS = new Param<>() {
        @Override
        public void write(CloudCall.Builder b, ConnectionTrackingTimeouts t, PlanNames names) {
            TCP_ESTABLISHED.write(b, t.tcpEstablished(), names);
            TCP_CLOSED.write(b, t.tcpClosedAndTimeWait(), names);
            UDP.write(b, t.udp(), names);
        }

        @Override
        public ConnectionTrackingTimeouts read(CloudCall call) {
            return new ConnectionTrackingTimeouts(TCP_ESTABLISHED.read(call), TCP_CLOSED.read(call), UDP.read(call));
        }

        @Override
        public boolean in(CloudCall call) {
            return TCP_ESTABLISHED.in(call);
        }
    };

    private static final Param<IpProtocol> IP_PROTOCOL = text("IpProtocol", IpProtocol::parse, IpProtocol::apiValue);
    private static final Param<PortRange> PORT_RANGE = text("PortRange", PortRange::parse, PortRange::apiValue);
    private static final Param<Cidr> SOURCE_V4 = text("SourceCidrIp", Cidr::parse, Cidr::apiValue);
    private static final Param<Cidr> SOURCE_V6 = text("Ipv6SourceCidrIp", Cidr::parse, Cidr::apiValue);
    private static final Param<Void> POLICY = constant("Policy", "accept");
    // A VPC security group takes only intranet rules; sent (and so shown) so no API default decides it.
    private static final Param<Void> NIC_TYPE = constant("NicType", "intranet");
    private static final Param<Integer> PRIORITY = orElse(text("Priority", Integer::valueOf), 1);
    private static final Param<Optional<String>> DESCRIPTION = optional(text("Description", Function.identity()));

    /**
     * An ingress rule: protocol, ports, source, policy, NIC type, priority and, when it has one, its
     * description. RevokeSecurityGroup takes the same parameters (Description included), so a revoke
     * read back from the journal is the rule that was authorized.
     */
    private static final Param<SecurityGroupRule> RULE = new Param<>() {
        @Override
        public void write(CloudCall.Builder b, SecurityGroupRule r, PlanNames names) {
            IP_PROTOCOL.write(b, r.protocol(), names);
            PORT_RANGE.write(b, r.ports(), names);
            (r.source().isIpv4() ? SOURCE_V4 : SOURCE_V6).write(b, r.source(), names);
            POLICY.write(b, null, names);
            NIC_TYPE.write(b, null, names);
            PRIORITY.write(b, r.priority(), names);
            DESCRIPTION.write(b, Optional.of(r.description()).filter(d -> !d.isEmpty()), names);
        }

        @Override
        public SecurityGroupRule read(CloudCall call) {
            Cidr source = SOURCE_V4.in(call) ? SOURCE_V4.read(call) : SOURCE_V6.read(call);
            return new SecurityGroupRule(IP_PROTOCOL.read(call), PORT_RANGE.read(call), source, PRIORITY.read(call),
                    DESCRIPTION.read(call).orElse(""));
        }

        @Override
        public boolean in(CloudCall call) {
            return IP_PROTOCOL.in(call) && PORT_RANGE.in(call) && (SOURCE_V4.in(call) || SOURCE_V6.in(call));
        }
    };

    private static final Param<NetworkInterfaceRef> TARGET_ENI = eni("InstanceId");
    private static final Param<String> TARGET_ID = text("InstanceId", Function.identity());
    private static final Param<String> TARGET_TYPE = orElse(text("InstanceType", Function.identity()), "EcsInstance");
    private static final Param<Optional<String>> PRIVATE_IP = optional(text("PrivateIpAddress", Function.identity()));

    /** What an EIP is bound to: an instance, or an ENI (by id or created earlier) with an optional private IP. */
    private static final Param<EipTarget> EIP_TARGET = new Param<>() {
        @Override
        public void write(CloudCall.Builder b, EipTarget target, PlanNames names) {
            if (target instanceof EipTarget.Eni e) {
                TARGET_ENI.write(b, e.eni(), names);
                TARGET_TYPE.write(b, target.apiInstanceType(), names);
                PRIVATE_IP.write(b, e.privateIpAddress(), names);
            } else {
                TARGET_ID.write(b, target.id(), names);
                TARGET_TYPE.write(b, target.apiInstanceType(), names);
            }
        }

        @Override
        public EipTarget read(CloudCall call) {
            return "NetworkInterface".equals(TARGET_TYPE.read(call)) ? new EipTarget.Eni(TARGET_ENI.read(call), PRIVATE_IP.read(call))
                    : new EipTarget.Instance(InstanceId.of(TARGET_ID.read(call)));
        }

        @Override
        public boolean in(CloudCall call) {
            return TARGET_ID.in(call);
        }
    };

    // ---- the parameters, each named once -------------------------------------------------------------

    private static final Param<RegionId> REGION = text("RegionId", RegionId::of);
    private static final Param<InstanceId> INSTANCE = text("InstanceId", InstanceId::of);
    private static final Param<NetworkInterfaceRef> ENI = eni("NetworkInterfaceId");
    private static final Param<SecurityGroupId> GROUP = text("SecurityGroupId", SecurityGroupId::of);
    private static final Param<VSwitchId> VSWITCH = text("VSwitchId", VSwitchId::of);
    private static final Param<List<SecurityGroupId>> GROUPS = numbered("SecurityGroupIds", SecurityGroupId::of);
    private static final Param<Optional<String>> ENI_NAME = optional(text("NetworkInterfaceName", Function.identity()));
    private static final Param<Optional<Integer>> QUEUES = optional(text("QueueNumber", Integer::valueOf));
    private static final Param<Boolean> ENABLE_RSS = raw("EnhancedNetwork.EnableRss", Boolean::valueOf);
    private static final Param<ClientToken> CLIENT_TOKEN = text("ClientToken", ClientToken::new);
    private static final Param<ClientToken> CREATES = new Param<>() {
        @Override
        public void write(CloudCall.Builder b, ClientToken token, PlanNames names) {
            b.putMeta("NetTune.Creates", names.variableFor(token));
        }

        @Override
        public ClientToken read(CloudCall call) {
            return CLIENT_TOKEN.read(call);
        }
    };
    private static final Param<Optional<DeviceIndex>> EXPECTED_INDEX = optional(meta("DeviceIndex", DeviceIndex::parse, i -> i));
    private static final Param<Optional<ConnectionTrackingTimeouts>> PREVIOUS_TIMEOUTS =
            optional(meta("NetTune.Previous", ConnectionTrackingTimeouts::decode, ConnectionTrackingTimeouts::encode));
    private static final Param<Void> ENHANCED_NETWORK = constant("Attribute", "enhancedNetwork");
    private static final Param<Boolean> EXPECTED_RSS = meta("NetTune.Expected", Boolean::valueOf, v -> v);
    private static final Param<EipAllocationId> ALLOCATION = text("AllocationId", EipAllocationId::of);
    private static final Param<EipMode> MODE = text("Mode", EipMode::parse, EipMode::name);
    // UnassociateEipAddress takes no Mode: it is journaled so that its undo binds the same way again.
    private static final Param<EipMode> MODE_NOTE = orElse(meta("Mode", EipMode::parse, EipMode::name), EipMode.NAT);

    private static <A, V> Field<A, V> f(Param<V> param, Function<A, V> value) {
        return new Field<>(param, value);
    }

    private static <A> Field<A, Void> f(Param<Void> constant) {
        return new Field<>(constant, a -> null);
    }

    // ---- one spec per kind of step -------------------------------------------------------------------

    private static final List<Spec<?>> SPECS = List.of(
            new Spec<>(CloudAction.CreateNetworkInterface.class, "ecs", "CreateNetworkInterface",
                    v -> new CloudAction.CreateNetworkInterface(v.get(REGION), new EniSpec(v.get(VSWITCH), v.get(GROUPS), v.get(QUEUES),
                            v.get(optional(TIMEOUTS)), v.get(optional(ENABLE_RSS)), v.get(ENI_NAME), v.get(CLIENT_TOKEN))),
                    f(REGION, CloudAction.CreateNetworkInterface::region), f(VSWITCH, a -> a.spec().vSwitchId()),
                    f(GROUPS, a -> a.spec().securityGroups()), f(ENI_NAME, a -> a.spec().name()), f(QUEUES, a -> a.spec().queueNumber()),
                    f(optional(TIMEOUTS), a -> a.spec().timeouts()), f(optional(ENABLE_RSS), a -> a.spec().customRss()),
                    f(CLIENT_TOKEN, a -> a.spec().clientToken()), f(CREATES, a -> a.spec().clientToken())),
            new Spec<>(CloudAction.DeleteNetworkInterface.class, "ecs", "DeleteNetworkInterface",
                    v -> new CloudAction.DeleteNetworkInterface(v.get(REGION), v.get(ENI)),
                    f(REGION, CloudAction.DeleteNetworkInterface::region), f(ENI, CloudAction.DeleteNetworkInterface::eni)),
            new Spec<>(CloudAction.AttachNetworkInterface.class, "ecs", "AttachNetworkInterface",
                    v -> new CloudAction.AttachNetworkInterface(v.get(REGION), v.get(ENI), v.get(INSTANCE), v.get(EXPECTED_INDEX)),
                    f(REGION, CloudAction.AttachNetworkInterface::region), f(INSTANCE, CloudAction.AttachNetworkInterface::instance),
                    f(ENI, CloudAction.AttachNetworkInterface::eni), f(EXPECTED_INDEX, CloudAction.AttachNetworkInterface::expectedIndex)),
            new Spec<>(CloudAction.DetachNetworkInterface.class, "ecs", "DetachNetworkInterface",
                    v -> new CloudAction.DetachNetworkInterface(v.get(REGION), v.get(ENI), v.get(INSTANCE)),
                    f(REGION, CloudAction.DetachNetworkInterface::region), f(INSTANCE, CloudAction.DetachNetworkInterface::instance),
                    f(ENI, CloudAction.DetachNetworkInterface::eni)),
            new Spec<>(CloudAction.ModifyConnectionTracking.class, "ecs", "ModifyNetworkInterfaceAttribute",
                    v -> new CloudAction.ModifyConnectionTracking(v.get(REGION), v.get(ENI), v.get(TIMEOUTS), v.get(PREVIOUS_TIMEOUTS)),
                    f(REGION, CloudAction.ModifyConnectionTracking::region), f(ENI, CloudAction.ModifyConnectionTracking::eni),
                    f(TIMEOUTS, CloudAction.ModifyConnectionTracking::timeouts),
                    f(PREVIOUS_TIMEOUTS, CloudAction.ModifyConnectionTracking::previous)),
            new Spec<>(CloudAction.ModifyCustomRss.class, "ecs", "ModifyNetworkInterfaceAttribute",
                    v -> new CloudAction.ModifyCustomRss(v.get(REGION), v.get(ENI), v.get(ENABLE_RSS)),
                    f(REGION, CloudAction.ModifyCustomRss::region), f(ENI, CloudAction.ModifyCustomRss::eni),
                    f(ENABLE_RSS, CloudAction.ModifyCustomRss::enable)),
            new Spec<>(CloudAction.VerifyCustomRss.class, "ecs", "DescribeNetworkInterfaceAttribute",
                    v -> new CloudAction.VerifyCustomRss(v.get(REGION), v.get(ENI), v.get(EXPECTED_RSS)),
                    f(REGION, CloudAction.VerifyCustomRss::region), f(ENI, CloudAction.VerifyCustomRss::eni), f(ENHANCED_NETWORK),
                    f(EXPECTED_RSS, CloudAction.VerifyCustomRss::expected)),
            new Spec<>(CloudAction.AuthorizeSecurityGroup.class, "ecs", "AuthorizeSecurityGroup",
                    v -> new CloudAction.AuthorizeSecurityGroup(v.get(REGION), v.get(GROUP), v.get(RULE)),
                    f(REGION, CloudAction.AuthorizeSecurityGroup::region), f(GROUP, CloudAction.AuthorizeSecurityGroup::group),
                    f(RULE, CloudAction.AuthorizeSecurityGroup::rule)),
            new Spec<>(CloudAction.RevokeSecurityGroup.class, "ecs", "RevokeSecurityGroup",
                    v -> new CloudAction.RevokeSecurityGroup(v.get(REGION), v.get(GROUP), v.get(RULE)),
                    f(REGION, CloudAction.RevokeSecurityGroup::region), f(GROUP, CloudAction.RevokeSecurityGroup::group),
                    f(RULE, CloudAction.RevokeSecurityGroup::rule)),
            new Spec<>(CloudAction.AssociateEip.class, "vpc", "AssociateEipAddress",
                    v -> new CloudAction.AssociateEip(v.get(REGION), new EipBinding(v.get(ALLOCATION), v.get(EIP_TARGET), v.get(MODE))),
                    f(REGION, CloudAction.AssociateEip::region), f(ALLOCATION, a -> a.binding().allocationId()),
                    f(EIP_TARGET, a -> a.binding().target()), f(MODE, a -> a.binding().mode())),
            new Spec<>(CloudAction.UnassociateEip.class, "vpc", "UnassociateEipAddress",
                    v -> new CloudAction.UnassociateEip(v.get(REGION), new EipBinding(v.get(ALLOCATION), v.get(EIP_TARGET), v.get(MODE_NOTE))),
                    f(REGION, CloudAction.UnassociateEip::region), f(ALLOCATION, a -> a.binding().allocationId()),
                    f(EIP_TARGET, a -> a.binding().target()), f(MODE_NOTE, a -> a.binding().mode())),
            new Spec<>(CloudAction.RebootInstance.class, "ecs", "RebootInstance",
                    v -> new CloudAction.RebootInstance(v.get(REGION), v.get(INSTANCE)),
                    f(REGION, CloudAction.RebootInstance::region), f(INSTANCE, CloudAction.RebootInstance::instance)));

    private static final Map<Class<?>, Spec<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        SPECS.forEach(s -> BY_TYPE.put(s.type, s));
        List<String> missing = Arrays.stream(CloudAction.class.getPermittedSubclasses()).filter(c -> !BY_TYPE.containsKey(c))
                .map(Class::getSimpleName).toList();
        if (!missing.isEmpty()) {
            throw new ExceptionInInitializerError("CloudActionWire has no spec for " + missing + ": add one per kind of step.");
        }
    }

    /** The spec of a kind of step. */
    @SuppressWarnings("unchecked")
    public static <A extends CloudAction> Spec<A> specOf(A action) {
        return (Spec<A>) BY_TYPE.get(action.getClass());
    }

    /** The request a step sends (and shows, and journals): its API and parameters in order. */
    public static CloudCall encode(CloudAction action, PlanNames names) {
        return specOf(action).encode(action, names);
    }

    /**
     * Reads a journaled call back into the step it came from, so a plan stopped in one process can be
     * resumed or undone in another. Two kinds of step share ModifyNetworkInterfaceAttribute; the
     * parameters they require tell them apart.
     */
    public static CloudAction decode(CloudCall call) {
        for (Spec<?> spec : SPECS) {
            if (spec.matches(call)) {
                return spec.make.apply(new Values(call));
            }
        }
        for (Spec<?> spec : SPECS) {
            if (spec.api.equals(call.action())) {
                // The API is known but a required parameter is not there: name it.
                spec.make.apply(new Values(call));
            }
        }
        throw new CloudInputException(dev.nettune.Phrase.of("cloud.wire.unknownAction", "The journal holds an action NetTune does not know: {0}.",
                call.action()));
    }

    private static String required(CloudCall call, String name) {
        return call.get(name).orElseThrow(() -> missing(call, name));
    }

    private static CloudInputException missing(CloudCall call, String name) {
        return new CloudInputException(dev.nettune.Phrase.of("cloud.wire.missingParam", "{0} in the journal has no {1}.", call.action(), name));
    }
}
