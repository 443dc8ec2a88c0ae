package io.gitspaces.jetbrains.core.model;

import java.time.Instant;

/**
 * One entry of a gitspace's event history.
 *
 * @param type the event type (see {@link EventTypes})
 * @param message a human-readable message
 * @param timestamp when it happened
 */
public record GitspaceEvent(String type, String message, Instant timestamp) {
}
