package io.gitspaces.jetbrains.core.rpc;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.ErrorData;
import io.gitspaces.jetbrains.core.model.Methods;
import io.gitspaces.jetbrains.core.model.ProgressParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A JSON-RPC 2.0 connection to one peer over a pair of streams with {@code Content-Length} framing.
 *
 * <p>One reader thread parses frames; one dispatch thread then handles every message in arrival order, so
 * notifications ({@code gitspaces/didChange}, {@code $/progress}…) sent before a response are seen before the
 * response completes its future. Listeners run on the dispatch thread and must not block.
 *
 * <p>When the peer's output ends, breaks the framing, or cannot be written, the connection closes and every
 * pending call fails with the same exception: {@link ProtocolException} for garbage, otherwise whatever the
 * {@code endOfStream} function makes of it (the process layer turns it into a sidecar-crash exception).
 */
public final class JsonRpcConnection implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gitspaces-rpc-timer");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final FrameReader reader;
    private final FrameWriter writer;
    private final Gson gson;
    private final Function<IOException, GitspacesException> endOfStream;
    private final String name;
    private final ExecutorService dispatcher;
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong nextToken = new AtomicLong(1);
    private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, ProgressListener> progress = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<JsonElement>>> handlers = new ConcurrentHashMap<>();
    private final List<Consumer<GitspacesException>> closeListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<GitspacesException> closedCause = new AtomicReference<>();
    private final CompletableFuture<GitspacesException> closed = new CompletableFuture<>();
    private volatile Consumer<String> trace;
    private volatile BiConsumer<String, Throwable> problems = (m, t) -> { };
    private volatile boolean closing;
    private Thread readerThread;

    /**
     * Creates a connection; call {@link #start()} to begin reading.
     *
     * @param in the peer's output
     * @param out the peer's input
     * @param gson the Gson to (de)serialise params and results with
     * @param endOfStream makes the exception pending calls fail with when the peer's output ends ({@code null}
     *     argument) or reading/writing fails (the {@link IOException})
     */
    public JsonRpcConnection(InputStream in, OutputStream out, Gson gson, Function<IOException, GitspacesException> endOfStream) {
        this.reader = new FrameReader(in, FrameReader.DEFAULT_MAX_BODY);
        this.writer = new FrameWriter(out);
        this.gson = gson;
        this.endOfStream = endOfStream;
        this.name = "gitspaces-rpc-" + CONNECTIONS.incrementAndGet();
        this.dispatcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-dispatch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the reader thread. Register notification handlers first to see every notification.
     *
     * @return this connection
     */
    public synchronized JsonRpcConnection start() {
        if (readerThread == null) {
            readerThread = new Thread(this::readLoop, name + "-reader");
            readerThread.setDaemon(true);
            readerThread.start();
        }
        return this;
    }

    /**
     * Sets where to trace every message sent ({@code -->}) and received ({@code <--}), with secrets redacted.
     *
     * @param trace the sink, or {@code null} for none
     */
    public void setTrace(Consumer<String> trace) {
        this.trace = trace;
    }

    /**
     * Sets where to report problems that do not fail a call: a listener that threw, a response to an unknown
     * id, a message that is not JSON-RPC.
     *
     * @param problems the sink
     */
    public void setProblemListener(BiConsumer<String, Throwable> problems) {
        this.problems = Objects.requireNonNull(problems);
    }

    /**
     * Sends a request.
     *
     * @param method the method
     * @param params the params record (serialised to a JSON object), or {@code null} for {@code {}}
     * @param resultType the type to read the result as
     * @param options timeout and progress
     * @param <T> the result type
     * @return the call in flight
     */
    public <T> RpcCall<T> request(String method, Object params, Type resultType, RequestOptions options) {
        long id = nextId.getAndIncrement();
        CompletableFuture<T> future = new CompletableFuture<>();
        RpcCall<T> call = new RpcCall<>(id, method, future, () -> sendCancel(id));
        GitspacesException dead = closedCause.get();
        if (dead != null) {
            future.completeExceptionally(dead);
            return call;
        }
        JsonObject paramsJson = toObject(params);
        String token = null;
        if (options.progress() != null) {
            token = "jb-" + nextToken.getAndIncrement();
            paramsJson.addProperty("workDoneToken", token);
            progress.put(token, options.progress());
        }
        Pending<T> p = new Pending<>(method, resultType, future, token);
        pending.put(id, p);
        final String progressToken = token;
        future.whenComplete((r, t) -> {
            pending.remove(id);
            if (progressToken != null) {
                progress.remove(progressToken);
            }
            if (p.timeout != null) {
                p.timeout.cancel(false);
            }
        });
        if (options.timeout() != null) {
            p.timeout = TIMER.schedule(() -> {
                if (pending.remove(id) != null) {
                    sendCancel(id);
                    future.completeExceptionally(new RpcTimeoutException(method, options.timeout()));
                }
            }, options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        msg.add("params", paramsJson);
        send(msg);
        // A connection that died while we registered: make sure the call does not hang.
        GitspacesException after = closedCause.get();
        if (after != null) {
            future.completeExceptionally(after);
        }
        return call;
    }

    /**
     * Sends a notification.
     *
     * @param method the method
     * @param params the params record, or {@code null} for {@code {}}
     * @throws ConnectionClosedException when the connection is closed
     */
    public void notify(String method, Object params) {
        GitspacesException dead = closedCause.get();
        if (dead != null) {
            throw dead;
        }
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("method", method);
        msg.add("params", toObject(params));
        send(msg);
    }

    /**
     * Registers a handler for a server notification. Handlers run on the dispatch thread.
     *
     * @param method the notification's method
     * @param type the type to read its params as
     * @param handler the handler
     * @param <P> the params type
     * @return the registration
     */
    public <P> Subscription onNotification(String method, Type type, Consumer<P> handler) {
        Consumer<JsonElement> raw = json -> handler.accept(gson.fromJson(json, type));
        handlers.computeIfAbsent(method, k -> new CopyOnWriteArrayList<>()).add(raw);
        return () -> handlers.getOrDefault(method, List.of()).remove(raw);
    }

    /**
     * Registers a listener called once when the connection closes, with the reason.
     *
     * @param listener the listener
     */
    public void onClose(Consumer<GitspacesException> listener) {
        closeListeners.add(listener);
        GitspacesException cause = closedCause.get();
        if (cause != null && closeListeners.remove(listener)) {
            listener.accept(cause);
        }
    }

    /**
     * Completes with the reason once the connection is closed.
     *
     * @return the future
     */
    public CompletableFuture<GitspacesException> closed() {
        return closed;
    }

    /**
     * Tells whether the connection is open.
     *
     * @return {@code true} until it closed
     */
    public boolean isOpen() {
        return closedCause.get() == null;
    }

    /**
     * The number of requests waiting for an answer.
     *
     * @return the count
     */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Closes the connection from our side: pending calls fail with {@link ConnectionClosedException}. Closes the
     * output stream, which tells the peer no more input comes.
     */
    @Override
    public void close() {
        closing = true;
        fail(new ConnectionClosedException("the connection to the gitspaces sidecar was closed by the client"));
        try {
            writer.close();
        } catch (IOException ignored) {
            // The peer may be gone already.
        }
    }

    /**
     * Closes only the output stream (after {@code exit}), leaving the reader to see the peer's output end.
     */
    public void closeOutput() {
        closing = true;
        try {
            writer.close();
        } catch (IOException ignored) {
            // The peer may be gone already.
        }
    }

    private void sendCancel(long id) {
        if (closedCause.get() != null) {
            return;
        }
        JsonObject params = new JsonObject();
        params.addProperty("id", id);
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("method", Methods.CANCEL_REQUEST);
        msg.add("params", params);
        send(msg);
    }

    private JsonObject toObject(Object params) {
        if (params == null) {
            return new JsonObject();
        }
        JsonElement tree = gson.toJsonTree(params);
        if (!tree.isJsonObject()) {
            throw new IllegalArgumentException("params must serialise to a JSON object (named params), got " + tree);
        }
        return tree.getAsJsonObject();
    }

    private void send(JsonObject msg) {
        String text = gson.toJson(msg);
        Consumer<String> t = trace;
        if (t != null) {
            t.accept("--> " + gson.toJson(Redactor.redactMessage(msg)));
        }
        try {
            writer.write(text);
        } catch (IOException e) {
            if (closing) {
                fail(new ConnectionClosedException("the connection to the gitspaces sidecar was closed by the client", e));
            } else {
                fail(endOfStream.apply(e));
            }
        }
    }

    private void readLoop() {
        try {
            while (true) {
                byte[] body = reader.readFrame();
                if (body == null) {
                    fail(closing ? new ConnectionClosedException("the gitspaces sidecar closed its output after exit")
                            : endOfStream.apply(null));
                    return;
                }
                JsonObject msg;
                try {
                    JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
                    if (!parsed.isJsonObject()) {
                        throw new ProtocolException("malformed message from the gitspaces sidecar: the frame body is "
                                + FrameReader.quote(parsed.toString()) + ", not a JSON object");
                    }
                    msg = parsed.getAsJsonObject();
                } catch (JsonParseException e) {
                    throw new ProtocolException("malformed message from the gitspaces sidecar: the frame body is not valid JSON: "
                            + FrameReader.quote(new String(body, StandardCharsets.UTF_8)), e);
                }
                dispatcher.execute(() -> dispatch(msg));
            }
        } catch (ProtocolException e) {
            fail(e);
        } catch (IOException e) {
            fail(closing ? new ConnectionClosedException("the connection to the gitspaces sidecar was closed by the client", e)
                    : endOfStream.apply(e));
        } catch (RuntimeException e) {
            fail(new ProtocolException("unexpected failure reading from the gitspaces sidecar: " + e, e));
        }
    }

    private void fail(GitspacesException cause) {
        if (!closedCause.compareAndSet(null, cause)) {
            return;
        }
        Runnable finish = () -> {
            for (Pending<?> p : List.copyOf(pending.values())) {
                p.future.completeExceptionally(cause);
            }
            pending.clear();
            progress.clear();
            for (Consumer<GitspacesException> l : closeListeners) {
                try {
                    l.accept(cause);
                } catch (RuntimeException e) {
                    problems.accept("a close listener failed", e);
                }
            }
            closed.complete(cause);
        };
        try {
            dispatcher.execute(finish);
            dispatcher.shutdown();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            finish.run();
        }
    }

    private void dispatch(JsonObject msg) {
        Consumer<String> t = trace;
        if (t != null) {
            t.accept("<-- " + gson.toJson(Redactor.redactMessage(msg)));
        }
        JsonElement method = msg.get("method");
        JsonElement id = msg.get("id");
        if (method != null && method.isJsonPrimitive()) {
            if (id != null && !id.isJsonNull()) {
                answerServerRequest(id, method.getAsString());
            } else {
                dispatchNotification(method.getAsString(), msg.get("params"));
            }
            return;
        }
        Long key = id == null ? null : idOf(id);
        Pending<?> p = key == null ? null : pending.get(key);
        if (p != null) {
            p.complete(msg);
        } else if (id == null || !(msg.has("result") || msg.has("error"))) {
            problems.accept("ignored a message from the gitspaces sidecar that is not JSON-RPC: " + FrameReader.quote(msg.toString()), null);
        } else {
            problems.accept("ignored a response to an unknown request id " + id, null);
        }
    }

    private void answerServerRequest(JsonElement id, String method) {
        JsonObject error = new JsonObject();
        error.addProperty("code", ErrorCodes.METHOD_NOT_FOUND);
        error.addProperty("message", "the JetBrains client does not serve " + method);
        JsonObject reply = new JsonObject();
        reply.addProperty("jsonrpc", "2.0");
        reply.add("id", id);
        reply.add("error", error);
        send(reply);
    }

    private void dispatchNotification(String method, JsonElement params) {
        JsonElement p = params == null ? JsonNull.INSTANCE : params;
        try {
            if (Methods.PROGRESS.equals(method)) {
                ProgressParams pp = gson.fromJson(p, ProgressParams.class);
                if (pp == null || pp.token() == null || !pp.token().isJsonPrimitive()) {
                    problems.accept("ignored $/progress without a token", null);
                    return;
                }
                ProgressListener l = progress.get(pp.token().getAsString());
                if (l != null && pp.value() != null) {
                    l.onProgress(pp.value());
                }
                return;
            }
            for (Consumer<JsonElement> h : handlers.getOrDefault(method, List.of())) {
                try {
                    h.accept(p);
                } catch (RuntimeException e) {
                    problems.accept("a listener for " + method + " failed", e);
                }
            }
        } catch (RuntimeException e) {
            problems.accept("could not handle " + method, e);
        }
    }

    private static Long idOf(JsonElement id) {
        if (!id.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive prim = id.getAsJsonPrimitive();
        try {
            return prim.isNumber() ? prim.getAsLong() : Long.parseLong(prim.getAsString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private final class Pending<T> {
        final String method;
        final Type resultType;
        final CompletableFuture<T> future;
        final String token;
        volatile ScheduledFuture<?> timeout;

        Pending(String method, Type resultType, CompletableFuture<T> future, String token) {
            this.method = method;
            this.resultType = resultType;
            this.future = future;
            this.token = token;
        }

        void complete(JsonObject msg) {
            JsonElement error = msg.get("error");
            if (error != null && !error.isJsonNull()) {
                future.completeExceptionally(toException(error));
                return;
            }
            if (!msg.has("result")) {
                future.completeExceptionally(new ProtocolException("the gitspaces sidecar answered " + method + " with neither result nor error"));
                return;
            }
            try {
                T value = gson.fromJson(msg.get("result"), resultType);
                future.complete(value);
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                future.completeExceptionally(new ProtocolException("cannot read the result of " + method + ": " + e.getMessage(), e));
            }
        }

        private GitspacesException toException(JsonElement error) {
            if (!error.isJsonObject()) {
                return new ProtocolException("the gitspaces sidecar answered " + method + " with a malformed error " + FrameReader.quote(error.toString()));
            }
            JsonObject e = error.getAsJsonObject();
            int code;
            String message;
            try {
                code = e.get("code").getAsInt();
                JsonElement m = e.get("message");
                message = m == null || m.isJsonNull() ? "(no message)" : m.getAsString();
            } catch (RuntimeException ex) {
                return new ProtocolException("the gitspaces sidecar answered " + method + " with a malformed error " + FrameReader.quote(error.toString()), ex);
            }
            ErrorData data = null;
            JsonElement d = e.get("data");
            if (d != null && d.isJsonObject()) {
                try {
                    data = gson.fromJson(d, ErrorData.class);
                } catch (JsonParseException ex) {
                    problems.accept("could not read the data of an error answer to " + method, ex);
                }
            }
            return new RpcException(method, code, message, data);
        }
    }
}
