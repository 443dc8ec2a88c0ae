package io.gitspaces.jetbrains.core.client;

import io.gitspaces.jetbrains.core.model.ClientCapabilities;
import io.gitspaces.jetbrains.core.model.ClientInfo;
import io.gitspaces.jetbrains.core.model.ConfigureProviderParams;
import io.gitspaces.jetbrains.core.model.ConfigureProviderResult;
import io.gitspaces.jetbrains.core.model.ConnectParams;
import io.gitspaces.jetbrains.core.model.ConnectResult;
import io.gitspaces.jetbrains.core.model.CreateGitspaceParams;
import io.gitspaces.jetbrains.core.model.CreateGitspaceResult;
import io.gitspaces.jetbrains.core.model.CreateOptionsParams;
import io.gitspaces.jetbrains.core.model.CreateOptionsResult;
import io.gitspaces.jetbrains.core.model.DeleteGitspaceParams;
import io.gitspaces.jetbrains.core.model.DeleteGitspaceResult;
import io.gitspaces.jetbrains.core.model.DeleteSecretParams;
import io.gitspaces.jetbrains.core.model.DeleteSecretResult;
import io.gitspaces.jetbrains.core.model.DevcontainerReadParams;
import io.gitspaces.jetbrains.core.model.DevcontainerReadResult;
import io.gitspaces.jetbrains.core.model.DidChangeParams;
import io.gitspaces.jetbrains.core.model.ExitParams;
import io.gitspaces.jetbrains.core.model.ForwardPortParams;
import io.gitspaces.jetbrains.core.model.ForwardPortResult;
import io.gitspaces.jetbrains.core.model.GetGitspaceParams;
import io.gitspaces.jetbrains.core.model.GetGitspaceResult;
import io.gitspaces.jetbrains.core.model.Gitspace;
import io.gitspaces.jetbrains.core.model.GitspaceEvent;
import io.gitspaces.jetbrains.core.model.GitspaceEventParams;
import io.gitspaces.jetbrains.core.model.GitspaceEventsParams;
import io.gitspaces.jetbrains.core.model.GitspaceEventsResult;
import io.gitspaces.jetbrains.core.model.GitspaceLogParams;
import io.gitspaces.jetbrains.core.model.GitspaceLogsParams;
import io.gitspaces.jetbrains.core.model.GitspaceLogsResult;
import io.gitspaces.jetbrains.core.model.GitspacePort;
import io.gitspaces.jetbrains.core.model.InitializeParams;
import io.gitspaces.jetbrains.core.model.InitializeResult;
import io.gitspaces.jetbrains.core.model.InitializedParams;
import io.gitspaces.jetbrains.core.model.Json;
import io.gitspaces.jetbrains.core.model.ListBranchesParams;
import io.gitspaces.jetbrains.core.model.ListBranchesResult;
import io.gitspaces.jetbrains.core.model.ListGitspacesParams;
import io.gitspaces.jetbrains.core.model.ListGitspacesResult;
import io.gitspaces.jetbrains.core.model.ListPortsParams;
import io.gitspaces.jetbrains.core.model.ListPortsResult;
import io.gitspaces.jetbrains.core.model.ListProvidersParams;
import io.gitspaces.jetbrains.core.model.ListProvidersResult;
import io.gitspaces.jetbrains.core.model.ListReposParams;
import io.gitspaces.jetbrains.core.model.ListReposResult;
import io.gitspaces.jetbrains.core.model.ListSecretsParams;
import io.gitspaces.jetbrains.core.model.ListSecretsResult;
import io.gitspaces.jetbrains.core.model.LogMessageParams;
import io.gitspaces.jetbrains.core.model.Methods;
import io.gitspaces.jetbrains.core.model.PortForward;
import io.gitspaces.jetbrains.core.model.PortsChangedParams;
import io.gitspaces.jetbrains.core.model.ProviderInfo;
import io.gitspaces.jetbrains.core.model.RebuildGitspaceParams;
import io.gitspaces.jetbrains.core.model.RebuildGitspaceResult;
import io.gitspaces.jetbrains.core.model.RepositoryOption;
import io.gitspaces.jetbrains.core.model.SecretInfo;
import io.gitspaces.jetbrains.core.model.SetSecretParams;
import io.gitspaces.jetbrains.core.model.SetSecretResult;
import io.gitspaces.jetbrains.core.model.ShutdownParams;
import io.gitspaces.jetbrains.core.model.ShutdownResult;
import io.gitspaces.jetbrains.core.model.StartGitspaceParams;
import io.gitspaces.jetbrains.core.model.StartGitspaceResult;
import io.gitspaces.jetbrains.core.model.StopGitspaceParams;
import io.gitspaces.jetbrains.core.model.StopGitspaceResult;
import io.gitspaces.jetbrains.core.model.StopPortForwardParams;
import io.gitspaces.jetbrains.core.model.StopPortForwardResult;
import io.gitspaces.jetbrains.core.model.UpdateGitspaceParams;
import io.gitspaces.jetbrains.core.model.UpdateGitspaceResult;
import io.gitspaces.jetbrains.core.process.SidecarCrashedException;
import io.gitspaces.jetbrains.core.process.SidecarProcess;
import io.gitspaces.jetbrains.core.rpc.GitspacesException;
import io.gitspaces.jetbrains.core.rpc.JsonRpcConnection;
import io.gitspaces.jetbrains.core.rpc.ProgressListener;
import io.gitspaces.jetbrains.core.rpc.RequestOptions;
import io.gitspaces.jetbrains.core.rpc.RpcCall;
import io.gitspaces.jetbrains.core.rpc.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The client of one {@code gitspaces serve} sidecar.
 *
 * <p>{@link #start()} spawns the sidecar and runs the LSP-style handshake ({@code initialize}, then
 * {@code initialized}). Every operation starts it on first use. Quick requests return their result; long
 * operations return an {@link RpcCall} that can be awaited or cancelled and report {@code $/progress} to an
 * optional {@link ProgressListener}. Listeners for the server's notifications survive restarts.
 *
 * <p>If the sidecar dies, pending calls fail with a {@link SidecarCrashedException} and the crash listeners
 * hear about it; the next operation restarts it (within the restart budget of {@link ClientOptions}), or call
 * {@link #restart()}. {@link #shutdown(Duration)} ends it cleanly ({@code shutdown}, then {@code exit}).
 *
 * <p>Thread-safe. Listeners run on the connection's dispatch thread and must not block.
 */
public final class GitspacesClient implements AutoCloseable {
    private final ClientOptions options;
    private final List<Consumer<Gitspace>> didChange = new CopyOnWriteArrayList<>();
    private final List<Consumer<GitspaceEventParams>> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<GitspaceLogParams>> logs = new CopyOnWriteArrayList<>();
    private final List<Consumer<PortsChangedParams>> portsChanged = new CopyOnWriteArrayList<>();
    private final List<Consumer<LogMessageParams>> logMessages = new CopyOnWriteArrayList<>();
    private final List<Consumer<GitspacesException>> crashes = new CopyOnWriteArrayList<>();
    private final Deque<Instant> autoRestarts = new ArrayDeque<>();

    private SidecarProcess process;
    private JsonRpcConnection connection;
    private InitializeResult serverInfo;
    private volatile GitspacesException lastCrash;
    private volatile boolean stopping;

    /**
     * Creates a client; nothing is started yet.
     *
     * @param options how to start and talk to the sidecar
     */
    public GitspacesClient(ClientOptions options) {
        this.options = options;
    }

    /**
     * Starts the sidecar and initializes the session, unless it already runs.
     *
     * @return the server's answer to {@code initialize}
     * @throws GitspacesException when it cannot be started or does not initialize
     */
    public synchronized InitializeResult start() {
        if (connection != null && connection.isOpen()) {
            return serverInfo;
        }
        stopping = false;
        SidecarProcess p = SidecarProcess.start(options.executable(), options.args(), options.environment(),
                options.workingDirectory(), options.log());
        JsonRpcConnection c = new JsonRpcConnection(p.stdout(), p.stdin(), Json.gson(), p::crashed);
        c.setTrace(options.trace());
        c.setProblemListener((message, error) -> options.log().accept("[gitspaces-jetbrains] " + message + (error == null ? "" : ": " + error)));
        c.onNotification(Methods.DID_CHANGE, DidChangeParams.class, (DidChangeParams d) -> fire(didChange, d.gitspace()));
        c.onNotification(Methods.EVENT, GitspaceEventParams.class, (GitspaceEventParams e) -> fire(events, e));
        c.onNotification(Methods.PORTS_CHANGED, PortsChangedParams.class, (PortsChangedParams changed) -> fire(portsChanged, changed));
        c.onNotification(Methods.LOG, GitspaceLogParams.class, (GitspaceLogParams l) -> fire(logs, l));
        c.onNotification(Methods.LOG_MESSAGE, LogMessageParams.class, (LogMessageParams m) -> fire(logMessages, m));
        c.onClose(cause -> onClosed(c, cause));
        c.start();
        process = p;
        connection = c;
        try {
            InitializeParams init = new InitializeParams((int) ProcessHandle.current().pid(),
                    new ClientInfo(options.clientName(), options.clientVersion()), new ClientCapabilities(true));
            serverInfo = c.<InitializeResult>request(Methods.INITIALIZE, init, InitializeResult.class,
                    RequestOptions.timeout(options.requestTimeout())).await();
            c.notify(Methods.INITIALIZED, new InitializedParams());
            lastCrash = null;
            return serverInfo;
        } catch (GitspacesException e) {
            stopping = true;
            c.close();
            p.kill(Duration.ofSeconds(2));
            connection = null;
            process = null;
            throw e;
        }
    }

    /**
     * Stops the current sidecar (forcibly if it does not answer) and starts a new one. Listeners stay.
     *
     * @return the new server's answer to {@code initialize}
     */
    public synchronized InitializeResult restart() {
        stopQuietly();
        return start();
    }

    /**
     * Tells whether a sidecar runs and is connected.
     *
     * @return {@code true} when connected
     */
    public synchronized boolean isRunning() {
        return connection != null && connection.isOpen();
    }

    /**
     * The last {@code initialize} answer.
     *
     * @return the answer, or {@code null} before the first start
     */
    public synchronized InitializeResult serverInfo() {
        return serverInfo;
    }

    /**
     * The process id of the running sidecar.
     *
     * @return the pid, or -1 when none runs
     */
    public synchronized long sidecarPid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * The reason the last sidecar died, if it did.
     *
     * @return the crash, or {@code null}
     */
    public GitspacesException lastCrash() {
        return lastCrash;
    }

    // ---- operations ------------------------------------------------------------------------------------------

    /**
     * Lists gitspaces ({@code gitspaces/list}).
     *
     * @param provider one provider, or {@code null} for all
     * @return the gitspaces and any provider problems
     */
    public ListGitspacesResult list(String provider) {
        return quick(Methods.GITSPACES_LIST, new ListGitspacesParams(provider), ListGitspacesResult.class);
    }

    /**
     * Lists gitspaces with filters ({@code gitspaces/list}: query, states, owner, sort).
     *
     * @param params the provider and the filters
     * @return the gitspaces that match, in the order asked, and any provider problems
     */
    public ListGitspacesResult listMatching(ListGitspacesParams params) {
        return quick(Methods.GITSPACES_LIST, params, ListGitspacesResult.class);
    }

    /**
     * Changes a gitspace's display name, IDE, machine or SSH key ({@code gitspaces/update}; providers with the
     * {@code update} capability), or its idle timeout (see {@link #updateAutoStop(String, int, ProgressListener)}).
     *
     * @param params what to change ({@code workDoneToken} is set by the client)
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<Gitspace> update(UpdateGitspaceParams params, ProgressListener progress) {
        return this.<UpdateGitspaceResult>operation(Methods.GITSPACES_UPDATE, params, UpdateGitspaceResult.class, progress)
                .map(UpdateGitspaceResult::gitspace);
    }

    /**
     * Changes a gitspace's idle timeout ({@code gitspaces/update} with {@code autoStopSeconds} alone; providers with the
     * {@code autoStop} capability, which need no {@code update} capability for it). A running gitspace applies it at once.
     *
     * @param id the gitspace id
     * @param seconds the timeout in seconds, {@code 0} never (see {@link AutoStop#parse(String)})
     * @param progress receives progress, or {@code null}
     * @return the call; its gitspace carries the new {@code autoStopSeconds}
     */
    public RpcCall<Gitspace> updateAutoStop(String id, int seconds, ProgressListener progress) {
        return update(UpdateGitspaceParams.autoStop(id, seconds), progress);
    }

    /**
     * Returns what a create or update wizard may offer for a provider ({@code gitspaces/create-options}).
     *
     * @param provider the provider
     * @return the IDEs, machines and repository types its account allows
     */
    public CreateOptionsResult createOptions(String provider) {
        return quick(Methods.GITSPACES_CREATE_OPTIONS, new CreateOptionsParams(provider), CreateOptionsResult.class);
    }

    /**
     * Lists the repositories of a git provider connected to a hosted provider ({@code gitspaces/list-repos}).
     *
     * @param params the provider, repository type and search text
     * @return the repositories
     */
    public List<RepositoryOption> listRepos(ListReposParams params) {
        return this.<ListReposResult>quick(Methods.GITSPACES_LIST_REPOS, params, ListReposResult.class).repositories();
    }

    /**
     * Lists the branches of a repository as a hosted provider sees it ({@code gitspaces/list-branches}).
     *
     * @param params the provider, repository URL and search text
     * @return the branch names
     */
    public List<String> listBranches(ListBranchesParams params) {
        return this.<ListBranchesResult>quick(Methods.GITSPACES_LIST_BRANCHES, params, ListBranchesResult.class).branches();
    }

    /**
     * Returns one gitspace ({@code gitspaces/get}).
     *
     * @param id the gitspace id
     * @return the gitspace
     */
    public Gitspace get(String id) {
        return this.<GetGitspaceResult>quick(Methods.GITSPACES_GET, new GetGitspaceParams(id), GetGitspaceResult.class).gitspace();
    }

    /**
     * Creates a gitspace ({@code gitspaces/create}); completes once it runs or has failed.
     *
     * @param params what to create ({@code workDoneToken} is set by the client)
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<Gitspace> create(CreateGitspaceParams params, ProgressListener progress) {
        return this.<CreateGitspaceResult>operation(Methods.GITSPACES_CREATE, params, CreateGitspaceResult.class, progress)
                .map(CreateGitspaceResult::gitspace);
    }

    /**
     * Starts a stopped gitspace ({@code gitspaces/start}).
     *
     * @param id the gitspace id
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<Gitspace> start(String id, ProgressListener progress) {
        return this.<StartGitspaceResult>operation(Methods.GITSPACES_START, new StartGitspaceParams(id, null), StartGitspaceResult.class, progress)
                .map(StartGitspaceResult::gitspace);
    }

    /**
     * Stops a gitspace, keeping its files ({@code gitspaces/stop}).
     *
     * @param id the gitspace id
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<Gitspace> stop(String id, ProgressListener progress) {
        return this.<StopGitspaceResult>operation(Methods.GITSPACES_STOP, new StopGitspaceParams(id, null), StopGitspaceResult.class, progress)
                .map(StopGitspaceResult::gitspace);
    }

    /**
     * Re-creates a gitspace's container ({@code gitspaces/rebuild}).
     *
     * @param id the gitspace id
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<Gitspace> rebuild(String id, ProgressListener progress) {
        return rebuild(id, false, progress);
    }

    /**
     * Re-creates a gitspace's container ({@code gitspaces/rebuild}), trusting its repository when the user agreed to
     * what a {@link io.gitspaces.jetbrains.core.model.ErrorCodes#REPOSITORY_UNTRUSTED} error listed (see
     * {@link io.gitspaces.jetbrains.core.trust.TrustConsent}).
     *
     * @param id the gitspace id
     * @param trustRepository whether to send {@code trustRepository: true}
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<Gitspace> rebuild(String id, boolean trustRepository, ProgressListener progress) {
        var params = new RebuildGitspaceParams(id, trustRepository ? Boolean.TRUE : null, null);
        return this.<RebuildGitspaceResult>operation(Methods.GITSPACES_REBUILD, params, RebuildGitspaceResult.class, progress)
                .map(RebuildGitspaceResult::gitspace);
    }

    /**
     * Deletes a gitspace and everything it owns ({@code gitspaces/delete}).
     *
     * @param id the gitspace id
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<DeleteGitspaceResult> delete(String id, ProgressListener progress) {
        return operation(Methods.GITSPACES_DELETE, new DeleteGitspaceParams(id, null), DeleteGitspaceResult.class, progress);
    }

    /**
     * Prepares a gitspace for an editor, starting it if needed ({@code gitspaces/connect}).
     *
     * @param id the gitspace id
     * @param ide the IDE id, or {@code null} for the gitspace's own
     * @param progress receives progress, or {@code null}
     * @return the call
     */
    public RpcCall<ConnectResult> connect(String id, String ide, ProgressListener progress) {
        return operation(Methods.GITSPACES_CONNECT, new ConnectParams(id, ide, null), ConnectResult.class, progress);
    }

    /**
     * Returns a gitspace's event history ({@code gitspaces/events}).
     *
     * @param id the gitspace id
     * @return the events, oldest first
     */
    public List<GitspaceEvent> events(String id) {
        return this.<GitspaceEventsResult>quick(Methods.GITSPACES_EVENTS, new GitspaceEventsParams(id), GitspaceEventsResult.class).events();
    }

    /**
     * Returns a page of a gitspace's log ({@code gitspaces/logs}).
     *
     * @param id the gitspace id
     * @param from the first position, or {@code null} for the start
     * @param limit the most lines, or {@code null} for the server's default
     * @return the lines and the next position
     */
    public GitspaceLogsResult logs(String id, Long from, Integer limit) {
        return quick(Methods.GITSPACES_LOGS, new GitspaceLogsParams(id, from, limit), GitspaceLogsResult.class);
    }

    /**
     * Lists the providers ({@code providers/list}).
     *
     * @param skipCheck whether to skip the reachability check
     * @return the providers
     */
    public List<ProviderInfo> providers(boolean skipCheck) {
        return this.<ListProvidersResult>quick(Methods.PROVIDERS_LIST, new ListProvidersParams(skipCheck), ListProvidersResult.class).providers();
    }

    /**
     * Configures a provider ({@code providers/configure}). The token travels only in the request body.
     *
     * @param params the configuration
     * @return the provider as now configured
     */
    public ProviderInfo configureProvider(ConfigureProviderParams params) {
        return this.<ConfigureProviderResult>quick(Methods.PROVIDERS_CONFIGURE, params, ConfigureProviderResult.class).provider();
    }

    /**
     * Reads and resolves a repository's devcontainer.json ({@code devcontainer/read}).
     *
     * @param params the repository and optional config path
     * @return the configuration and diagnostics
     */
    public DevcontainerReadResult readDevcontainer(DevcontainerReadParams params) {
        return quick(Methods.DEVCONTAINER_READ, params, DevcontainerReadResult.class);
    }

    // ---- secrets ---------------------------------------------------------------------------------------------

    /**
     * Lists the user's secrets ({@code secrets/list}): names and scopes, never values.
     *
     * @param repository a repository URL to list only the secrets that reach it, or {@code null} for all
     * @return the secrets, by name then scope
     */
    public List<SecretInfo> listSecrets(String repository) {
        return this.<ListSecretsResult>quick(Methods.SECRETS_LIST, new ListSecretsParams(repository), ListSecretsResult.class).secrets();
    }

    /**
     * Sets a secret ({@code secrets/set}); the gitspaces in its scope get it from their next create, start or rebuild.
     * The value travels only in the request body: the message trace shows it as {@code <redacted>}, and neither the
     * params' {@code toString} nor an error quotes it. The caller keeps the array and should clear it afterwards.
     *
     * @param name the name (see {@link SecretRules#nameProblem(String)})
     * @param value the value, for example a password field's characters (see {@link SecretRules#valueProblem(char[])})
     * @param scope a repository URL pattern, or {@code null} for every gitspace
     * @return the secret as stored, without its value
     */
    public SecretInfo setSecret(String name, char[] value, String scope) {
        // The JSON body is a string whatever we hold; this copy lives only as long as the request is serialised.
        return setSecret(name, new String(value), scope);
    }

    /**
     * Sets a secret ({@code secrets/set}), as {@link #setSecret(String, char[], String)}.
     *
     * @param name the name
     * @param value the value
     * @param scope a repository URL pattern, or {@code null} for every gitspace
     * @return the secret as stored, without its value
     */
    public SecretInfo setSecret(String name, String value, String scope) {
        return this.<SetSecretResult>quick(Methods.SECRETS_SET, new SetSecretParams(name, value, scope), SetSecretResult.class).secret();
    }

    /**
     * Deletes a secret ({@code secrets/delete}).
     *
     * @param name the name
     * @param scope the scope it was set for, or {@code null} for the global one
     * @return whether it existed and is now gone
     */
    public boolean deleteSecret(String name, String scope) {
        return this.<DeleteSecretResult>quick(Methods.SECRETS_DELETE, new DeleteSecretParams(name, scope), DeleteSecretResult.class).deleted();
    }

    // ---- ports ---------------------------------------------------------------------------------------------

    /**
     * Lists a gitspace's ports: configured, listening inside it, and forwarded on this machine ({@code gitspaces/ports}).
     *
     * @param id the gitspace id
     * @return the ports
     */
    public List<GitspacePort> ports(String id) {
        return this.<ListPortsResult>quick(Methods.GITSPACES_PORTS, new ListPortsParams(id), ListPortsResult.class).ports();
    }

    /**
     * Forwards a port of a gitspace to 127.0.0.1 on this machine, over the provider's own channel
     * ({@code gitspaces/ports/forward}); the sidecar holds the listener until the gitspace stops or the sidecar exits.
     *
     * @param params the gitspace, the port and the wanted local port
     * @return the forward (the existing one when the port was already forwarded)
     */
    public PortForward forwardPort(ForwardPortParams params) {
        return this.<ForwardPortResult>quick(Methods.GITSPACES_PORTS_FORWARD, params, ForwardPortResult.class).forward();
    }

    /**
     * Stops forwards of a gitspace ({@code gitspaces/ports/stop}).
     *
     * @param id the gitspace id
     * @param port the port, or {@code null} for all of the gitspace's forwards
     * @param service the compose service of the port, or {@code null}
     * @return the forwards stopped
     */
    public List<PortForward> stopPortForward(String id, Integer port, String service) {
        return this.<StopPortForwardResult>quick(Methods.GITSPACES_PORTS_STOP, new StopPortForwardParams(id, port, service), StopPortForwardResult.class).stopped();
    }

    /**
     * Listens to {@code gitspaces/portsChanged}.
     *
     * @param listener receives the gitspace's ports as they are now, and which opened or closed
     * @return the registration
     */
    public Subscription onPortsChanged(Consumer<PortsChangedParams> listener) {
        return add(portsChanged, listener);
    }

    // ---- listeners -------------------------------------------------------------------------------------------

    /**
     * Listens to {@code gitspaces/didChange}.
     *
     * @param listener receives the gitspace as it is now (state {@code deleted} once it is gone)
     * @return the registration
     */
    public Subscription onDidChange(Consumer<Gitspace> listener) {
        return add(didChange, listener);
    }

    /**
     * Listens to {@code gitspaces/event}.
     *
     * @param listener receives the gitspace id and event
     * @return the registration
     */
    public Subscription onEvent(Consumer<GitspaceEventParams> listener) {
        return add(events, listener);
    }

    /**
     * Listens to {@code gitspaces/log}.
     *
     * @param listener receives each appended log line
     * @return the registration
     */
    public Subscription onLog(Consumer<GitspaceLogParams> listener) {
        return add(logs, listener);
    }

    /**
     * Listens to {@code window/logMessage}.
     *
     * @param listener receives the server's log messages
     * @return the registration
     */
    public Subscription onLogMessage(Consumer<LogMessageParams> listener) {
        return add(logMessages, listener);
    }

    /**
     * Listens for the sidecar dying unexpectedly.
     *
     * @param listener receives the reason (normally a {@link SidecarCrashedException})
     * @return the registration
     */
    public Subscription onCrash(Consumer<GitspacesException> listener) {
        return add(crashes, listener);
    }

    // ---- lifetime --------------------------------------------------------------------------------------------

    /**
     * Ends the sidecar cleanly: {@code shutdown}, then {@code exit}, then waits for the process.
     *
     * @param timeout how long to wait for each step
     * @return the sidecar's exit code (0 after a clean shutdown)
     * @throws GitspacesException when it does not answer or exit in time (it is then killed)
     */
    public synchronized int shutdown(Duration timeout) {
        if (process == null) {
            throw new GitspacesException("the gitspaces sidecar is not running");
        }
        SidecarProcess p = process;
        JsonRpcConnection c = connection;
        stopping = true;
        try {
            if (c.isOpen()) {
                c.<ShutdownResult>request(Methods.SHUTDOWN, new ShutdownParams(), ShutdownResult.class, RequestOptions.timeout(timeout)).await();
                c.notify(Methods.EXIT, new ExitParams());
                c.closeOutput();
            }
            Integer code = p.waitFor(timeout);
            if (code == null) {
                p.kill(Duration.ofSeconds(2));
                throw new GitspacesException("the gitspaces sidecar did not exit within " + timeout.toMillis() + " ms after exit; it was killed");
            }
            return code;
        } catch (GitspacesException e) {
            p.kill(Duration.ofSeconds(2));
            throw e;
        } finally {
            c.close();
            connection = null;
            process = null;
        }
    }

    /** Shuts the sidecar down, killing it if it does not exit within five seconds. */
    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                shutdown(Duration.ofSeconds(5));
            } catch (GitspacesException e) {
                options.log().accept("[gitspaces-jetbrains] the sidecar did not shut down cleanly: " + e.getMessage());
            }
        }
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private <T> T quick(String method, Object params, Class<T> type) {
        return connection().<T>request(method, params, type, RequestOptions.timeout(options.requestTimeout())).await();
    }

    private <T> RpcCall<T> operation(String method, Object params, Class<T> type, ProgressListener progress) {
        return connection().request(method, params, type, new RequestOptions(options.operationTimeout(), progress));
    }

    private synchronized JsonRpcConnection connection() {
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        GitspacesException crash = lastCrash;
        if (crash != null) {
            Instant now = Instant.now();
            while (!autoRestarts.isEmpty() && autoRestarts.peekFirst().isBefore(now.minus(options.restartWindow()))) {
                autoRestarts.removeFirst();
            }
            if (autoRestarts.size() >= options.maxRestarts()) {
                throw new GitspacesException("the gitspaces sidecar crashed " + (autoRestarts.size() + 1) + " times within "
                        + options.restartWindow().toSeconds() + " s and is not restarted automatically any more; restart it by hand. Last crash: "
                        + crash.getMessage(), crash);
            }
            autoRestarts.addLast(now);
            options.log().accept("[gitspaces-jetbrains] restarting the gitspaces sidecar after: " + crash.getMessage());
        }
        stopQuietly();
        start();
        return connection;
    }

    private void onClosed(JsonRpcConnection c, GitspacesException cause) {
        if (stopping) {
            return;
        }
        synchronized (this) {
            if (c != connection) {
                return;
            }
        }
        lastCrash = cause;
        options.log().accept("[gitspaces-jetbrains] " + cause.getMessage());
        fire(crashes, cause);
    }

    private synchronized void stopQuietly() {
        stopping = true;
        if (connection != null) {
            connection.close();
        }
        if (process != null) {
            process.kill(Duration.ofSeconds(2));
        }
        connection = null;
        process = null;
    }

    private <T> void fire(List<Consumer<T>> listeners, T value) {
        for (Consumer<T> l : listeners) {
            try {
                l.accept(value);
            } catch (RuntimeException e) {
                options.log().accept("[gitspaces-jetbrains] a listener failed: " + e);
            }
        }
    }

    private static <T> Subscription add(List<Consumer<T>> list, Consumer<T> listener) {
        list.add(listener);
        return () -> list.remove(listener);
    }
}
