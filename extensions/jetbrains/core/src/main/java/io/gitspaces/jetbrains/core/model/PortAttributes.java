package io.gitspaces.jetbrains.core.model;

/**
 * What devcontainer.json says about a port ({@code portsAttributes}, else {@code otherPortsAttributes}), defaults applied.
 *
 * @param label the display name; may be null
 * @param protocol {@code http} or {@code https}
 * @param onAutoForward {@code notify}, {@code openBrowser}, {@code openBrowserOnce}, {@code openPreview}, {@code silent} or {@code ignore}
 * @param requireLocalPort whether a forward must use the same local port number
 */
public record PortAttributes(String label, String protocol, String onAutoForward, boolean requireLocalPort) {
}
