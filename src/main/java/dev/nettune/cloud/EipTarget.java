package dev.nettune.cloud;

import java.util.Objects;
import java.util.Optional;

/** What an EIP is bound to: an ECS instance (its primary private address) or a secondary ENI. */
public sealed interface EipTarget {
    /** The API's InstanceType: EcsInstance or NetworkInterface. */
    String apiInstanceType();

    String id();

    /** Binding to an instance. */
    record Instance(InstanceId instanceId) implements EipTarget {
        public Instance {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        @Override
        public String apiInstanceType() {
            return "EcsInstance";
        }

        @Override
        public String id() {
            return instanceId.value();
        }
    }

    /** Binding to an ENI, optionally to one of its private addresses. */
    record Eni(NetworkInterfaceRef eni, Optional<String> privateIpAddress) implements EipTarget {
        public Eni {
            Objects.requireNonNull(eni, "eni");
            Objects.requireNonNull(privateIpAddress, "privateIpAddress");
            privateIpAddress.ifPresent(ip -> {
                try {
                    dev.nettune.rss.IpAddress.parse(ip);
                } catch (IllegalArgumentException e) {
                    throw new CloudInputException(dev.nettune.Phrase.of("cloud.eip.badPrivateIp", "'{0}' is not a private IP address of the ENI: {1}",
                            ip, dev.nettune.Phrase.from(e)));
                }
            });
        }

        @Override
        public String apiInstanceType() {
            return "NetworkInterface";
        }

        @Override
        public String id() {
            return eni.display();
        }
    }
}
