package dev.nettune.cloud;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Cloud Assistant invocation on one instance as DescribeInvocationResults reports it: its status
 * ({@code Running}, {@code Finished}, {@code Failed}, {@code Timeout}, ...), the script's exit code and
 * output (already base64-decoded), the agent's error code when the script never ran
 * ({@code ClientNotRunning}, {@code ClientNotResponse}, ...), and {@code dropped}: the bytes of output the
 * service cut because the whole was over {@link #OUTPUT_LIMIT} (the API's {@code Dropped}; empty when the
 * response does not say).
 */
public record CloudAssistantInvocation(String invokeId, InstanceId instance, String status, Optional<Integer> exitCode,
                                       String output, Optional<String> errorCode, String errorInfo, Optional<Integer> dropped) {
    /** What DescribeInvocationResults returns of a script's output at most: 24 KB, the rest is dropped. */
    public static final int OUTPUT_LIMIT = 24 * 1024;

    /** Statuses after which nothing more happens (InvocationStatus / InvokeRecordStatus of the API). */
    private static final Set<String> FINAL = Set.of("Finished", "Success", "Failed", "Error", "Timeout", "Stopped",
            "Terminated", "Cancelled", "Invalid", "Aborted");

    public CloudAssistantInvocation {
        Objects.requireNonNull(invokeId, "invokeId");
        Objects.requireNonNull(instance, "instance");
        status = status == null ? "" : status;
        output = output == null ? "" : output;
        errorCode = errorCode == null ? Optional.empty() : errorCode.filter(s -> !s.isBlank());
        errorInfo = errorInfo == null ? "" : errorInfo;
        dropped = dropped == null ? Optional.empty() : dropped;
    }

    /** An invocation whose response does not say whether output was dropped. */
    public CloudAssistantInvocation(String invokeId, InstanceId instance, String status, Optional<Integer> exitCode,
                                    String output, Optional<String> errorCode, String errorInfo) {
        this(invokeId, instance, status, exitCode, output, errorCode, errorInfo, Optional.empty());
    }

    /**
     * Whether the output is not all the script printed: the service says it dropped bytes, or, where it does
     * not say, the output fills the whole 24 KB it keeps (so more may have been cut).
     */
    public boolean truncated() {
        return dropped.map(d -> d > 0)
                .orElseGet(() -> output.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= OUTPUT_LIMIT);
    }

    public boolean done() {
        return FINAL.contains(status);
    }

    /** The script ran to its end (whatever its exit code). */
    public boolean ran() {
        return ("Finished".equals(status) || "Success".equals(status) || "Failed".equals(status)) && exitCode.isPresent()
                && errorCode.isEmpty();
    }
}
