package io.pmip.ops.wire;

/**
 * JSON that does not describe a Mobility Header message: {@code path} names the offending field
 * (e.g. {@code message.options[2].prefix}) so an operator editing a file by hand can find it.
 */
public final class WireJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;

    public WireJsonException(String path, String detail) {
        super(path.isEmpty() ? detail : path + ": " + detail);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
