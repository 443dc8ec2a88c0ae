package io.gitspaces.jetbrains.core.rpc;

import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.ErrorData;

/** The server answered a request with a JSON-RPC error. */
public class RpcException extends GitspacesException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final int code;
    private final transient ErrorData data;

    /**
     * Creates the exception.
     *
     * @param method the method that failed
     * @param code the error code (see {@link ErrorCodes})
     * @param message the server's message
     * @param data the server's structured data, or {@code null}
     */
    public RpcException(String method, int code, String message, ErrorData data) {
        super(format(method, code, message, data));
        this.method = method;
        this.code = code;
        this.data = data;
    }

    /**
     * The method that failed.
     *
     * @return the method name
     */
    public String method() {
        return method;
    }

    /**
     * The error code.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The symbolic name of the code ({@link ErrorData#kind()} when the server sent one).
     *
     * @return for example {@code GitspaceBusy}
     */
    public String kind() {
        return data != null && data.kind() != null ? data.kind() : ErrorCodes.nameOf(code);
    }

    /**
     * The server's structured error data.
     *
     * @return the data, or {@code null}
     */
    public ErrorData data() {
        return data;
    }

    /**
     * Tells whether this is the answer to a cancelled request.
     *
     * @return {@code true} for {@link ErrorCodes#REQUEST_CANCELLED}
     */
    public boolean isCancelled() {
        return code == ErrorCodes.REQUEST_CANCELLED;
    }

    private static String format(String method, int code, String message, ErrorData data) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(" failed: ").append(message).append(" (").append(ErrorCodes.nameOf(code)).append(' ').append(code).append(')');
        if (data != null && data.hint() != null) {
            sb.append(". ").append(data.hint());
        }
        return sb.toString();
    }
}
