package dev.nettune.cloud;

/** One prerequisite of a cloud change, checked: pass, fail or unknown, and why. */
public record PreflightCheck(String name, Status status, String reason) {
    /** The outcome of a check. */
    public enum Status { PASS, FAIL, UNKNOWN }

    public static PreflightCheck pass(String name, String reason) {
        return new PreflightCheck(name, Status.PASS, reason);
    }

    public static PreflightCheck fail(String name, String reason) {
        return new PreflightCheck(name, Status.FAIL, reason);
    }

    public static PreflightCheck unknown(String name, String reason) {
        return new PreflightCheck(name, Status.UNKNOWN, reason);
    }

    @Override
    public String toString() {
        return "[" + status + "] " + name + ": " + reason;
    }
}
