package dev.nettune.sandbox.cloud;

import java.util.Objects;

/**
 * An AccessKey pair the local OpenAPI server accepts. These are FAKE keys made for the sandbox; they
 * open nothing anywhere else. {@link #toString()} never shows the secret.
 */
public record SandboxCredentials(String accessKeyId, String accessKeySecret) {

    /** The demo pair, labelled as fake in its own text so that nobody mistakes it for a real key. */
    public static final SandboxCredentials DEMO =
            new SandboxCredentials("LTAI5tSandboxDemoFakeKey", "sandbox-demo-secret-NOT-A-REAL-KEY");

    public SandboxCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        if (accessKeyId.isBlank() || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException("an AccessKey id and secret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "SandboxCredentials[accessKeyId=" + accessKeyId + ", accessKeySecret=****]";
    }
}
