package dev.nettune.cloud.aliyun;

import java.util.Objects;

/**
 * Credentials in the forms the Alibaba Cloud ecosystem keeps them. Secrets stay in memory only:
 * {@link #toString()} and {@link #display()} show the kind and the key id's last four characters.
 */
public sealed interface CloudCredentials {
    /** What the UI and CLI may show: kind and masked key id, never a secret. */
    String display();

    /** {@code ****AB12}: the last four characters of an AccessKey id. */
    static String mask(String keyId) {
        if (keyId == null || keyId.length() < 8) {
            return "****";
        }
        return "****" + keyId.substring(keyId.length() - 4);
    }

    /** A long-term AccessKey pair (mode AK). */
    record AccessKey(String accessKeyId, String accessKeySecret) implements CloudCredentials {
        public AccessKey {
            requireText(accessKeyId, "AccessKey id");
            requireText(accessKeySecret, "AccessKey secret");
        }

        @Override
        public String display() {
            return "AccessKey " + mask(accessKeyId);
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /** A temporary STS key with its security token (mode StsToken). */
    record StsToken(String accessKeyId, String accessKeySecret, String securityToken) implements CloudCredentials {
        public StsToken {
            requireText(accessKeyId, "AccessKey id");
            requireText(accessKeySecret, "AccessKey secret");
            requireText(securityToken, "security token");
        }

        @Override
        public String display() {
            return "STS token " + mask(accessKeyId);
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /** An AccessKey that assumes a RAM role (mode RamRoleArn). */
    record RamRoleArn(String accessKeyId, String accessKeySecret, String roleArn, String sessionName) implements CloudCredentials {
        public RamRoleArn {
            requireText(accessKeyId, "AccessKey id");
            requireText(accessKeySecret, "AccessKey secret");
            requireText(roleArn, "RAM role ARN");
            sessionName = sessionName == null || sessionName.isBlank() ? "nettune" : sessionName;
        }

        @Override
        public String display() {
            return "RAM role " + roleArn + " via AccessKey " + mask(accessKeyId);
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /** The RAM role of the ECS instance NetTune runs on, from the metadata service (mode EcsRamRole). */
    record EcsRamRole(String roleName) implements CloudCredentials {
        public EcsRamRole {
            requireText(roleName, "ECS RAM role name");
        }

        @Override
        public String display() {
            return "ECS RAM role " + roleName;
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("cloud.credentials.empty", "The {0} is empty.", what));
        }
    }
}
