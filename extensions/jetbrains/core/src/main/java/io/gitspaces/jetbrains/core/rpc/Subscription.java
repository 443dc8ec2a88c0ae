package io.gitspaces.jetbrains.core.rpc;

/** A registered listener; closing it removes the listener. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    /** Removes the listener. Idempotent. */
    @Override
    void close();
}
