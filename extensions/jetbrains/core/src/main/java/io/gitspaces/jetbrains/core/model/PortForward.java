package io.gitspaces.jetbrains.core.model;

/**
 * A listener on this machine's 127.0.0.1 whose connections reach a port inside the gitspace over the provider's channel.
 *
 * @param port the port inside the gitspace
 * @param service the compose service whose container has the port; null for the gitspace's own container
 * @param localPort the port on 127.0.0.1
 * @param url the address to open in a browser
 * @param owner {@code server}, {@code cli} or {@code background}
 * @param processId the process that holds the listener; may be null
 */
public record PortForward(int port, String service, int localPort, String url, String owner, Integer processId) {
}
