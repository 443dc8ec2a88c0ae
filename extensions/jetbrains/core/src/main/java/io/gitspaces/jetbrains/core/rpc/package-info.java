/**
 * A JSON-RPC 2.0 client over LSP-style {@code Content-Length} framing: requests with ids, timeouts and
 * cancellation ({@code $/cancelRequest}), notifications, and {@code $/progress} routed by token. It knows
 * nothing about processes; {@link io.gitspaces.jetbrains.core.process} supplies the streams.
 */
package io.gitspaces.jetbrains.core.rpc;
