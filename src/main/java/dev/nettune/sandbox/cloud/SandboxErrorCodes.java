package dev.nettune.sandbox.cloud;

/**
 * Error codes the local OpenAPI server answers where no public reference states the real one; each
 * is chosen to look like its real siblings, and clients can match on these constants. Every other
 * code the server sends is the documented one (see the README of this package).
 */
public final class SandboxErrorCodes {
    /**
     * Custom RSS is in invitational preview; an account that was not admitted gets this (HTTP 403).
     * Clients should say: apply for the feature by submitting a ticket.
     */
    public static final String RSS_NOT_IN_PREVIEW = "Forbidden.UserNotInWhiteList";

    /** EnableRss on an ENI of an instance type without RssSupport (HTTP 403). */
    public static final String INSTANCE_TYPE_NOT_SUPPORTED = "InvalidInstanceType.NotSupported";

    /** Attaching an ENI whose queue count exceeds the instance type's MaximumQueueNumberPerEni (HTTP 403). */
    public static final String QUEUE_NUMBER_EXCEEDED = "QuotaExceed.EniQueueNumber";

    private SandboxErrorCodes() {
    }
}
