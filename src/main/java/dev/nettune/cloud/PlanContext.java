package dev.nettune.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a running plan has learned so far: the ids of the ENIs its create steps made. */
public final class PlanContext {
    private final Map<ClientToken, NetworkInterfaceId> created = new HashMap<>();

    public void created(ClientToken token, NetworkInterfaceId id) {
        created.put(token, id);
    }

    public Optional<NetworkInterfaceId> createdBy(ClientToken token) {
        return Optional.ofNullable(created.get(token));
    }

    /** The id of an ENI: given, or made by an earlier step (which must have run). */
    public NetworkInterfaceId resolve(NetworkInterfaceRef ref) {
        if (ref instanceof NetworkInterfaceRef.Existing e) {
            return e.id();
        }
        ClientToken t = ((NetworkInterfaceRef.Created) ref).token();
        NetworkInterfaceId id = created.get(t);
        if (id == null) {
            throw new IllegalStateException("The ENI of ClientToken " + t + " has not been created yet: its create step must run first.");
        }
        return id;
    }

    public EipTarget resolve(EipTarget target) {
        if (target instanceof EipTarget.Eni e) {
            return new EipTarget.Eni(new NetworkInterfaceRef.Existing(resolve(e.eni())), e.privateIpAddress());
        }
        return target;
    }
}
