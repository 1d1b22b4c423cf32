package io.pmip.lma.admin;

/**
 * A request the API refuses, answered as {@code {"error": ..., "detail": ...}} with {@code status}.
 * {@code error} is a short stable code; {@code detail} says what was wrong with this request.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String error, String detail) {
        return new ApiException(400, error, detail);
    }

    public static ApiException notFound(String error, String detail) {
        return new ApiException(404, error, detail);
    }

    public static ApiException unavailable(String error, String detail) {
        return new ApiException(503, error, detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
