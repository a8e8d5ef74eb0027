package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What CreateNetworkInterface makes: vSwitch, 1-5 security groups, queue count, connection
 * timeouts, custom RSS on or off, a name and the ClientToken that keeps a retried create single.
 */
public record EniSpec(VSwitchId vSwitchId, List<SecurityGroupId> securityGroups, Optional<Integer> queueNumber,
        Optional<ConnectionTrackingTimeouts> timeouts, Optional<Boolean> customRss, Optional<String> name, ClientToken clientToken) {
    /** The most queues any ECS ENI offers today; the instance type usually allows fewer. */
    public static final int MAX_QUEUES = 64;

    public EniSpec {
        Objects.requireNonNull(vSwitchId, "vSwitchId");
        securityGroups = List.copyOf(securityGroups);
        if (securityGroups.isEmpty() || securityGroups.size() > 5) {
            throw new CloudInputException(Phrase.of("cloud.eni.groupCount", "An ENI needs 1 to 5 security groups, not {0}.", securityGroups.size()));
        }
        if (securityGroups.stream().distinct().count() != securityGroups.size()) {
            throw new CloudInputException(Phrase.of("cloud.eni.groupTwice", "A security group is listed twice: {0}.", securityGroups));
        }
        Objects.requireNonNull(queueNumber, "queueNumber");
        queueNumber.ifPresent(q -> {
            if (q < 1 || q > MAX_QUEUES) {
                throw new CloudInputException(Phrase.of("cloud.eni.queuesOutOfRange",
                        "Queue count {0} is out of range: use 1-{1} (at most what the instance type allows per ENI).", q, MAX_QUEUES));
            }
        });
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(customRss, "customRss");
        Objects.requireNonNull(name, "name");
        name = name.map(String::strip).filter(n -> !n.isEmpty());
        name.ifPresent(n -> {
            if (!n.matches("[A-Za-z\\p{IsHan}][A-Za-z0-9\\p{IsHan}._:-]{1,127}") || n.startsWith("http://") || n.startsWith("https://")) {
                throw new CloudInputException(Phrase.of("cloud.eni.badName",
                        "'{0}' is not an ENI name: 2-128 characters, starting with a letter, then letters, digits, '.', '_', ':' or '-'.", n));
            }
        });
        Objects.requireNonNull(clientToken, "clientToken");
    }

    public static EniSpec of(VSwitchId vSwitch, List<SecurityGroupId> groups) {
        return new EniSpec(vSwitch, groups, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ClientToken.random());
    }

    public EniSpec withQueueNumber(int queues) {
        return new EniSpec(vSwitchId, securityGroups, Optional.of(queues), timeouts, customRss, name, clientToken);
    }

    public EniSpec withTimeouts(ConnectionTrackingTimeouts t) {
        return new EniSpec(vSwitchId, securityGroups, queueNumber, Optional.of(t), customRss, name, clientToken);
    }

    public EniSpec withCustomRss(boolean enable) {
        return new EniSpec(vSwitchId, securityGroups, queueNumber, timeouts, Optional.of(enable), name, clientToken);
    }

    public EniSpec withName(String n) {
        return new EniSpec(vSwitchId, securityGroups, queueNumber, timeouts, customRss, Optional.ofNullable(n), clientToken);
    }

    public EniSpec withClientToken(ClientToken token) {
        return new EniSpec(vSwitchId, securityGroups, queueNumber, timeouts, customRss, name, token);
    }
}
