package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * The protocol's method table as the Java client knows it (mirrors {@code ProtocolCatalog.cs}): every method
 * and notification with its parameter and result records. The drift test compares it with the schema the
 * server exports.
 */
public final class ProtocolCatalog {
    /** {@code client→server}. */
    public static final String TO_SERVER = "client→server";
    /** {@code server→client}. */
    public static final String TO_CLIENT = "server→client";

    /**
     * One entry of the table.
     *
     * @param name the method name on the wire
     * @param direction {@link #TO_SERVER} or {@link #TO_CLIENT}
     * @param notification whether it is a notification
     * @param paramsType the parameter record
     * @param resultType the result record, or {@code null} for a notification
     */
    public record Entry(String name, String direction, boolean notification, Class<?> paramsType, Class<?> resultType) {
    }

    /** Every method and notification, in documentation order. */
    public static final List<Entry> ALL = List.of(
            new Entry(Methods.INITIALIZE, TO_SERVER, false, InitializeParams.class, InitializeResult.class),
            new Entry(Methods.INITIALIZED, TO_SERVER, true, InitializedParams.class, null),
            new Entry(Methods.SHUTDOWN, TO_SERVER, false, ShutdownParams.class, ShutdownResult.class),
            new Entry(Methods.EXIT, TO_SERVER, true, ExitParams.class, null),
            new Entry(Methods.DEVCONTAINER_READ, TO_SERVER, false, DevcontainerReadParams.class, DevcontainerReadResult.class),
            new Entry(Methods.GITSPACES_LIST, TO_SERVER, false, ListGitspacesParams.class, ListGitspacesResult.class),
            new Entry(Methods.GITSPACES_GET, TO_SERVER, false, GetGitspaceParams.class, GetGitspaceResult.class),
            new Entry(Methods.GITSPACES_CREATE, TO_SERVER, false, CreateGitspaceParams.class, CreateGitspaceResult.class),
            new Entry(Methods.GITSPACES_START, TO_SERVER, false, StartGitspaceParams.class, StartGitspaceResult.class),
            new Entry(Methods.GITSPACES_STOP, TO_SERVER, false, StopGitspaceParams.class, StopGitspaceResult.class),
            new Entry(Methods.GITSPACES_REBUILD, TO_SERVER, false, RebuildGitspaceParams.class, RebuildGitspaceResult.class),
            new Entry(Methods.GITSPACES_DELETE, TO_SERVER, false, DeleteGitspaceParams.class, DeleteGitspaceResult.class),
            new Entry(Methods.GITSPACES_EVENTS, TO_SERVER, false, GitspaceEventsParams.class, GitspaceEventsResult.class),
            new Entry(Methods.GITSPACES_LOGS, TO_SERVER, false, GitspaceLogsParams.class, GitspaceLogsResult.class),
            new Entry(Methods.GITSPACES_CONNECT, TO_SERVER, false, ConnectParams.class, ConnectResult.class),
            new Entry(Methods.GITSPACES_UPDATE, TO_SERVER, false, UpdateGitspaceParams.class, UpdateGitspaceResult.class),
            new Entry(Methods.GITSPACES_CREATE_OPTIONS, TO_SERVER, false, CreateOptionsParams.class, CreateOptionsResult.class),
            new Entry(Methods.GITSPACES_LIST_REPOS, TO_SERVER, false, ListReposParams.class, ListReposResult.class),
            new Entry(Methods.GITSPACES_LIST_BRANCHES, TO_SERVER, false, ListBranchesParams.class, ListBranchesResult.class),
            new Entry(Methods.GITSPACES_PORTS, TO_SERVER, false, ListPortsParams.class, ListPortsResult.class),
            new Entry(Methods.GITSPACES_PORTS_FORWARD, TO_SERVER, false, ForwardPortParams.class, ForwardPortResult.class),
            new Entry(Methods.GITSPACES_PORTS_STOP, TO_SERVER, false, StopPortForwardParams.class, StopPortForwardResult.class),
            new Entry(Methods.PROVIDERS_LIST, TO_SERVER, false, ListProvidersParams.class, ListProvidersResult.class),
            new Entry(Methods.PROVIDERS_CONFIGURE, TO_SERVER, false, ConfigureProviderParams.class, ConfigureProviderResult.class),
            new Entry(Methods.SECRETS_LIST, TO_SERVER, false, ListSecretsParams.class, ListSecretsResult.class),
            new Entry(Methods.SECRETS_SET, TO_SERVER, false, SetSecretParams.class, SetSecretResult.class),
            new Entry(Methods.SECRETS_DELETE, TO_SERVER, false, DeleteSecretParams.class, DeleteSecretResult.class),
            new Entry(Methods.DID_CHANGE, TO_CLIENT, true, DidChangeParams.class, null),
            new Entry(Methods.EVENT, TO_CLIENT, true, GitspaceEventParams.class, null),
            new Entry(Methods.PORTS_CHANGED, TO_CLIENT, true, PortsChangedParams.class, null),
            new Entry(Methods.LOG, TO_CLIENT, true, GitspaceLogParams.class, null),
            new Entry(Methods.PROGRESS, TO_CLIENT, true, ProgressParams.class, null),
            new Entry(Methods.LOG_MESSAGE, TO_CLIENT, true, LogMessageParams.class, null));

    private ProtocolCatalog() {
    }
}
