package io.gitspaces.jetbrains.core.rpc;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A request in flight: its id, its eventual result, and a way to cancel it.
 *
 * @param <T> the result type
 */
public final class RpcCall<T> {
    private final long id;
    private final String method;
    private final CompletableFuture<T> future;
    private final Runnable canceller;

    RpcCall(long id, String method, CompletableFuture<T> future, Runnable canceller) {
        this.id = id;
        this.method = method;
        this.future = future;
        this.canceller = canceller;
    }

    /**
     * The JSON-RPC id of the request.
     *
     * @return the id
     */
    public long id() {
        return id;
    }

    /**
     * The method called.
     *
     * @return the method name
     */
    public String method() {
        return method;
    }

    /**
     * The result as a future. It completes exceptionally with a {@link GitspacesException}: {@link RpcException}
     * for an error answer (code -32800 after {@link #cancel()}), {@link RpcTimeoutException},
     * {@link ProtocolException} or {@link ConnectionClosedException} (or its sidecar-crash subclass).
     *
     * @return the future
     */
    public CompletableFuture<T> future() {
        return future;
    }

    /**
     * Asks the server to cancel the request ({@code $/cancelRequest}). The future then completes with the
     * server's answer: normally an {@link RpcException} whose {@link RpcException#isCancelled()} is true, or the
     * result if the work had already finished. Does nothing once the call is done.
     */
    public void cancel() {
        if (!future.isDone()) {
            canceller.run();
        }
    }

    /**
     * Tells whether the call has its answer.
     *
     * @return {@code true} when done
     */
    public boolean isDone() {
        return future.isDone();
    }

    /**
     * Waits for the result.
     *
     * @return the result
     * @throws GitspacesException the failure, unwrapped
     */
    public T await() {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitspacesException("interrupted while waiting for " + method, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * Waits for the result at most {@code timeout}; the request goes on if the wait times out.
     *
     * @param timeout how long to wait
     * @return the result
     * @throws GitspacesException the failure, unwrapped, or a timeout
     */
    public T await(Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitspacesException("interrupted while waiting for " + method, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (TimeoutException e) {
            throw new GitspacesException("still waiting for " + method + " after " + timeout.toMillis() + " ms", e);
        }
    }

    /**
     * A call whose result is mapped; cancelling it cancels this one.
     *
     * @param mapper the mapping
     * @param <R> the mapped type
     * @return the mapped call
     */
    public <R> RpcCall<R> map(Function<? super T, ? extends R> mapper) {
        return new RpcCall<>(id, method, future.thenApply(mapper), canceller);
    }

    static GitspacesException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof GitspacesException g) {
            return g;
        }
        if (t instanceof CancellationException) {
            return new GitspacesException("the call was cancelled", t);
        }
        return new GitspacesException(String.valueOf(t.getMessage()), t);
    }
}
