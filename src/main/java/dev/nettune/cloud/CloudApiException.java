package dev.nettune.cloud;

import java.util.Locale;
import java.util.Optional;

/**
 * An error answered by the cloud API (or no answer at all): always shown with its code, message and
 * RequestId so the user can quote them in a ticket.
 */
public class CloudApiException extends RuntimeException implements dev.nettune.Phrased {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String apiMessage;
    private final String requestId;
    private final int httpStatus;

    public CloudApiException(String code, String apiMessage, String requestId, int httpStatus, Throwable cause) {
        super(format(code, apiMessage, requestId), cause);
        this.code = code == null ? "Unknown" : code;
        this.apiMessage = apiMessage == null ? "" : apiMessage;
        this.requestId = requestId == null ? "" : requestId;
        this.httpStatus = httpStatus;
    }

    public CloudApiException(String code, String apiMessage, String requestId, int httpStatus) {
        this(code, apiMessage, requestId, httpStatus, null);
    }

    public String code() {
        return code;
    }

    public String apiMessage() {
        return apiMessage;
    }

    public Optional<String> requestId() {
        return requestId.isEmpty() ? Optional.empty() : Optional.of(requestId);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Throttling: retried with backoff. */
    public boolean isThrottling() {
        String c = code.toLowerCase(Locale.ROOT);
        return c.startsWith("throttling") || c.contains("flowcontrol") || c.equals("servicebusy") || httpStatus == 429;
    }

    /**
     * Worth retrying unchanged: throttling, a server-side hiccup, a dropped connection, or a
     * resource that is briefly busy with another task.
     */
    public boolean isTransient() {
        if (isThrottling()) {
            return true;
        }
        String c = code.toLowerCase(Locale.ROOT);
        return c.equals("serviceunavailable") || c.equals("internalerror") || c.equals("unknownerror")
                || c.equals("sdk.serverunreachable") || c.equals("sdk.timeout") || c.equals("operationconflict")
                || c.equals("taskconflict") || c.equals("lastoperationnotfinished") || c.startsWith("incorrectinstancestatus.initializing")
                || c.startsWith("invalidoperation.conflict") || httpStatus == 503 || httpStatus == 502 || httpStatus == 504;
    }

    /** The feature is in invitational preview and this account is not on it (custom RSS is). */
    public boolean isInvitationalPreview() {
        String c = code.toLowerCase(Locale.ROOT);
        String m = apiMessage.toLowerCase(Locale.ROOT);
        return c.contains("invitational") || c.contains("whitelist") || c.contains("notinwhitelist") || c.contains("notonwhitelist")
                || m.contains("invitational preview") || m.contains("whitelist") || m.contains("not authorized to use this feature")
                || (c.contains("unsupported") && m.contains("preview"));
    }

    /** What to tell the user besides the raw error: how to get past it, if there is a way (English, as {@code --json} gives it). */
    public Optional<String> advice() {
        return advicePhrase().map(dev.nettune.Phrase::toString);
    }

    /** What to tell the user besides the raw error, in the user's language. */
    public Optional<dev.nettune.Phrase> advicePhrase() {
        if (isInvitationalPreview()) {
            return Optional.of(dev.nettune.Phrase.of("cloud.api.advice.preview", "Custom RSS for ENIs is in invitational preview:"
                    + " apply for it by submitting a ticket to Alibaba Cloud, then try again once your account is enabled."));
        }
        if (code.startsWith("InvalidAccessKeyId") || code.startsWith("SignatureDoesNotMatch") || code.startsWith("IncompleteSignature")
                || code.startsWith("SDK.InvalidAccessKey")) {
            return Optional.of(dev.nettune.Phrase.of("cloud.api.advice.credentials", "Check the credentials: the access key id and secret"
                    + " must belong together (see nettune cloud --help, Credentials)."));
        }
        if (code.startsWith("Forbidden")) {
            return Optional.of(dev.nettune.Phrase.of("cloud.api.advice.forbidden",
                    "The RAM user or role lacks the permission for this call; grant it in the RAM console."));
        }
        return Optional.empty();
    }

    /**
     * The error for a person: code, message and RequestId as the API gave them (quoted in a ticket as they are), then the
     * advice in the user's language.
     */
    @Override
    public dev.nettune.Phrase phrase() {
        // The code and the message are the API's own words; only the words around them are NetTune's.
        dev.nettune.Phrase raw = requestId.isEmpty() ? dev.nettune.Phrase.of("cloud.api.error", "{0}: {1}", code, apiMessage)
                : dev.nettune.Phrase.of("cloud.api.errorWithId", "{0}: {1} (RequestId {2})", code, apiMessage, requestId);
        return advicePhrase().map(a -> dev.nettune.Phrase.joined(" ", java.util.List.of(raw, a))).orElse(raw);
    }

    private static String format(String code, String message, String requestId) {
        return (code == null ? "Unknown" : code) + ": " + (message == null ? "" : message)
                + (requestId == null || requestId.isEmpty() ? "" : " (RequestId " + requestId + ")");
    }
}
