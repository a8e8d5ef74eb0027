package dev.nettune.cloud;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Cloud Assistant invocation on one instance as DescribeInvocationResults reports it: its status
 * ({@code Running}, {@code Finished}, {@code Failed}, {@code Timeout}, ...), the script's exit code and
 * output (already base64-decoded), and the agent's error code when the script never ran
 * ({@code ClientNotRunning}, {@code ClientNotResponse}, ...).
 */
public record CloudAssistantInvocation(String invokeId, InstanceId instance, String status, Optional<Integer> exitCode,
                                       String output, Optional<String> errorCode, String errorInfo) {
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
