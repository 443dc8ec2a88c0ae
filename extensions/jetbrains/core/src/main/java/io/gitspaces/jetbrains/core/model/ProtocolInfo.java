package io.gitspaces.jetbrains.core.model;

/** Facts about the protocol itself (mirrors {@code ProtocolInfo.cs}). */
public final class ProtocolInfo {
    /** The protocol version this client was written against; the major number must match the server's. */
    public static final String VERSION = "1.0";

    private ProtocolInfo() {
    }

    /**
     * Tells whether a server's protocol version is compatible with this client (same major number).
     *
     * @param serverVersion the server's {@code protocolVersion}
     * @return {@code true} when the major numbers match
     */
    public static boolean isCompatible(String serverVersion) {
        if (serverVersion == null) {
            return false;
        }
        return major(serverVersion).equals(major(VERSION));
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
