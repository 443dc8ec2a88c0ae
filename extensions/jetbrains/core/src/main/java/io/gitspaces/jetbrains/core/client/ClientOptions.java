package io.gitspaces.jetbrains.core.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to start and talk to the sidecar. Build with {@link #builder(Path)}.
 *
 * @param executable the {@code gitspaces} executable (see {@link io.gitspaces.jetbrains.core.process.SidecarLocator})
 * @param args the arguments; {@code serve} by default
 * @param environment variables to set for the sidecar (for example {@code GITSPACES_HOME})
 * @param workingDirectory the sidecar's working directory, or {@code null}
 * @param clientName the name sent in {@code initialize}
 * @param clientVersion the version sent in {@code initialize}
 * @param requestTimeout the timeout of quick requests (list, get, events, logs, providers)
 * @param operationTimeout the timeout of long operations (create, start, stop, rebuild, delete, connect); {@code null} for none
 * @param maxRestarts how many automatic restarts are allowed within {@code restartWindow}; 0 disables them
 * @param restartWindow the window for {@code maxRestarts}
 * @param log receives the sidecar's stderr lines and the client's own diagnostics
 * @param trace receives every JSON-RPC message with secrets redacted, or {@code null}
 */
public record ClientOptions(
        Path executable,
        List<String> args,
        Map<String, String> environment,
        Path workingDirectory,
        String clientName,
        String clientVersion,
        Duration requestTimeout,
        Duration operationTimeout,
        int maxRestarts,
        Duration restartWindow,
        Consumer<String> log,
        Consumer<String> trace) {

    /**
     * Validates and copies.
     *
     * @param executable the {@code gitspaces} executable (see {@link io.gitspaces.jetbrains.core.process.SidecarLocator})
     * @param args the arguments; {@code serve} by default
     * @param environment variables to set for the sidecar (for example {@code GITSPACES_HOME})
     * @param workingDirectory the sidecar's working directory, or {@code null}
     * @param clientName the name sent in {@code initialize}
     * @param clientVersion the version sent in {@code initialize}
     * @param requestTimeout the timeout of quick requests (list, get, events, logs, providers)
     * @param operationTimeout the timeout of long operations (create, start, stop, rebuild, delete, connect); {@code null} for none
     * @param maxRestarts how many automatic restarts are allowed within {@code restartWindow}; 0 disables them
     * @param restartWindow the window for {@code maxRestarts}
     * @param log receives the sidecar's stderr lines and the client's own diagnostics
     * @param trace receives every JSON-RPC message with secrets redacted, or {@code null}
     */
    public ClientOptions {
        Objects.requireNonNull(executable, "executable");
        args = List.copyOf(args);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(log, "log");
    }

    /**
     * Starts a builder.
     *
     * @param executable the {@code gitspaces} executable
     * @return the builder
     */
    public static Builder builder(Path executable) {
        return new Builder(executable);
    }

    /** Builds {@link ClientOptions}. */
    public static final class Builder {
        private final Path executable;
        private List<String> args = List.of("serve");
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private String clientName = "gitspaces-jetbrains";
        private String clientVersion = "0.1.0";
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration operationTimeout = Duration.ofMinutes(30);
        private int maxRestarts = 4;
        private Duration restartWindow = Duration.ofMinutes(3);
        private Consumer<String> log = line -> { };
        private Consumer<String> trace;

        private Builder(Path executable) {
            this.executable = executable;
        }

        /**
         * Sets the arguments.
         *
         * @param args the arguments
         * @return this
         */
        public Builder args(List<String> args) {
            this.args = args;
            return this;
        }

        /**
         * Sets an environment variable of the sidecar.
         *
         * @param name the name
         * @param value the value, or {@code null} to remove it
         * @return this
         */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * Sets the working directory.
         *
         * @param dir the directory
         * @return this
         */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir;
            return this;
        }

        /**
         * Sets the client's name and version for {@code initialize}.
         *
         * @param name the name
         * @param version the version
         * @return this
         */
        public Builder clientInfo(String name, String version) {
            this.clientName = name;
            this.clientVersion = version;
            return this;
        }

        /**
         * Sets the timeout of quick requests.
         *
         * @param timeout the timeout
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Sets the timeout of long operations.
         *
         * @param timeout the timeout, or {@code null} for none
         * @return this
         */
        public Builder operationTimeout(Duration timeout) {
            this.operationTimeout = timeout;
            return this;
        }

        /**
         * Sets the automatic restart budget.
         *
         * @param max restarts allowed within the window; 0 disables automatic restarts
         * @param window the window
         * @return this
         */
        public Builder restarts(int max, Duration window) {
            this.maxRestarts = max;
            this.restartWindow = window;
            return this;
        }

        /**
         * Sets the log sink.
         *
         * @param log the sink
         * @return this
         */
        public Builder log(Consumer<String> log) {
            this.log = log;
            return this;
        }

        /**
         * Sets the message trace sink.
         *
         * @param trace the sink, or {@code null}
         * @return this
         */
        public Builder trace(Consumer<String> trace) {
            this.trace = trace;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ClientOptions build() {
            return new ClientOptions(executable, args, environment, workingDirectory, clientName, clientVersion,
                    requestTimeout, operationTimeout, maxRestarts, restartWindow, log, trace);
        }
    }
}
