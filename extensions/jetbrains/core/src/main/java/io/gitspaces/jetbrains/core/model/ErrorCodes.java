package io.gitspaces.jetbrains.core.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON-RPC error codes (mirrors {@code ErrorCodes.cs}). The constant names are the PascalCase names of the
 * contract in upper snake case; {@link #all()} returns them under the contract's own names.
 */
public final class ErrorCodes {
    /** The frame's body is not valid JSON, or its header is malformed. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;
    /** No such method. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** The parameters do not match the method. */
    public static final int INVALID_PARAMS = -32602;
    /** An unexpected failure inside the server. */
    public static final int INTERNAL_ERROR = -32603;
    /** A request other than initialize arrived before initialize. */
    public static final int SERVER_NOT_INITIALIZED = -32002;
    /** The request was cancelled with {@code $/cancelRequest}. */
    public static final int REQUEST_CANCELLED = -32800;
    /** No gitspace has the given id. */
    public static final int GITSPACE_NOT_FOUND = 1001;
    /** Another operation runs on the gitspace. */
    public static final int GITSPACE_BUSY = 1002;
    /** The provider cannot be reached. */
    public static final int PROVIDER_UNAVAILABLE = 1003;
    /** The provider refused the credentials. */
    public static final int UNAUTHORIZED = 1004;
    /** The repository's devcontainer.json is invalid. */
    public static final int DEVCONTAINER_INVALID = 1005;
    /** The repository or branch cannot be cloned or read. */
    public static final int REPOSITORY_UNAVAILABLE = 1006;
    /** An operation failed. */
    public static final int OPERATION_FAILED = 1007;
    /** The provider is not configured yet. */
    public static final int PROVIDER_NOT_CONFIGURED = 1008;
    /** The operation is not possible in the gitspace's current state. */
    public static final int INVALID_STATE = 1009;
    /** The requested feature is not supported. */
    public static final int NOT_SUPPORTED = 1010;
    /** The repository is untrusted and its configuration asks to reach this machine; ask the user, then retry trusting it. */
    public static final int REPOSITORY_UNTRUSTED = 1011;
    /** A forward requires a local port that is taken, or no local port is free. */
    public static final int PORT_UNAVAILABLE = 1012;

    private static final Map<String, Integer> ALL = collect();

    private ErrorCodes() {
    }

    /**
     * Every code under its contract name (for example {@code GitspaceBusy}).
     *
     * @return an unmodifiable map, in declaration order
     */
    public static Map<String, Integer> all() {
        return ALL;
    }

    /**
     * The contract name of a code, as the server puts it in {@link ErrorData#kind()}.
     *
     * @param code the code
     * @return the name, or {@code "Unknown"}
     */
    public static String nameOf(int code) {
        for (Map.Entry<String, Integer> e : ALL.entrySet()) {
            if (e.getValue() == code) {
                return e.getKey();
            }
        }
        return "Unknown";
    }

    private static Map<String, Integer> collect() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (Field f : ErrorCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    map.put(pascal(f.getName()), f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static String pascal(String upperSnake) {
        StringBuilder sb = new StringBuilder();
        for (String part : upperSnake.split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }
}
