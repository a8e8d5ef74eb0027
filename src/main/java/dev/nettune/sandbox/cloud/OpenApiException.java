package dev.nettune.sandbox.cloud;

/** An error answer of the simulated OpenAPI: HTTP status, error code and message, as the real service sends them. */
public final class OpenApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final String code;

    public OpenApiException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    static OpenApiException missingParameter(String name) {
        return new OpenApiException(400, "MissingParameter",
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    static OpenApiException invalidParameter(String name, String value, String allowed) {
        return new OpenApiException(400, "InvalidParameter",
                "The specified parameter \"" + name + "\" is not valid: \"" + value + "\". " + allowed);
    }

    static OpenApiException notFound(String code, String what, String id) {
        return new OpenApiException(404, code, "The specified " + what + " \"" + id + "\" does not exist.");
    }
}
