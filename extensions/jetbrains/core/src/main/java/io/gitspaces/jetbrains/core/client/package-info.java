/**
 * The high-level client of the sidecar: start, initialize, every operation of the protocol, listeners for the
 * server's notifications, orderly shutdown, and restart after a crash. The Gateway plugin uses only this.
 */
package io.gitspaces.jetbrains.core.client;
