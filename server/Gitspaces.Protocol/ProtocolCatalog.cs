namespace Gitspaces.Protocol;

/// <summary>
/// The protocol's method table: every method and notification with its parameter and result records. The schema
/// export, the documentation check and the server's capability list all read it, so they cannot drift apart.
/// </summary>
public static class ProtocolCatalog
{
    private const string ToServer = "client→server";
    private const string ToClient = "server→client";

    /// <summary>Gets every method and notification, in documentation order.</summary>
    public static IReadOnlyList<ProtocolMethod> All { get; } =
    [
        new(Methods.Initialize, ToServer, false, typeof(InitializeParams), typeof(InitializeResult), "Starts a session and returns the server's version and capabilities."),
        new(Methods.Initialized, ToServer, true, typeof(InitializedParams), null, "Tells the server the client has read the initialize response."),
        new(Methods.Shutdown, ToServer, false, typeof(ShutdownParams), typeof(ShutdownResult), "Asks the server to finish; only exit is accepted afterwards."),
        new(Methods.Exit, ToServer, true, typeof(ExitParams), null, "Ends the server process: exit code 0 after shutdown, 1 without."),
        new(Methods.DevcontainerRead, ToServer, false, typeof(DevcontainerReadParams), typeof(DevcontainerReadResult), "Reads and resolves a repository's devcontainer.json, with diagnostics."),
        new(Methods.GitspacesList, ToServer, false, typeof(ListGitspacesParams), typeof(ListGitspacesResult), "Lists gitspaces."),
        new(Methods.GitspacesGet, ToServer, false, typeof(GetGitspaceParams), typeof(GetGitspaceResult), "Returns one gitspace."),
        new(Methods.GitspacesCreate, ToServer, false, typeof(CreateGitspaceParams), typeof(CreateGitspaceResult), "Creates a gitspace; returns once it runs or failed."),
        new(Methods.GitspacesStart, ToServer, false, typeof(StartGitspaceParams), typeof(StartGitspaceResult), "Starts a stopped gitspace."),
        new(Methods.GitspacesStop, ToServer, false, typeof(StopGitspaceParams), typeof(StopGitspaceResult), "Stops a gitspace, keeping its files."),
        new(Methods.GitspacesRebuild, ToServer, false, typeof(RebuildGitspaceParams), typeof(RebuildGitspaceResult), "Re-creates a gitspace's container, keeping its workspace files."),
        new(Methods.GitspacesDelete, ToServer, false, typeof(DeleteGitspaceParams), typeof(DeleteGitspaceResult), "Deletes a gitspace and everything it owns."),
        new(Methods.GitspacesEvents, ToServer, false, typeof(GitspaceEventsParams), typeof(GitspaceEventsResult), "Returns a gitspace's event history."),
        new(Methods.GitspacesLogs, ToServer, false, typeof(GitspaceLogsParams), typeof(GitspaceLogsResult), "Returns a page of a gitspace's log."),
        new(Methods.GitspacesConnect, ToServer, false, typeof(ConnectParams), typeof(ConnectResult), "Starts the gitspace if needed and returns its SSH host and editor links."),
        new(Methods.GitspacesUpdate, ToServer, false, typeof(UpdateGitspaceParams), typeof(UpdateGitspaceResult), "Changes a gitspace's display name, IDE, machine or SSH key."),
        new(Methods.GitspacesCreateOptions, ToServer, false, typeof(CreateOptionsParams), typeof(CreateOptionsResult), "Returns the IDEs, machines and regions a provider's account allows, for create and update wizards."),
        new(Methods.GitspacesListRepos, ToServer, false, typeof(ListReposParams), typeof(ListReposResult), "Lists the repositories of a git provider connected to a hosted provider."),
        new(Methods.GitspacesListBranches, ToServer, false, typeof(ListBranchesParams), typeof(ListBranchesResult), "Lists the branches of a repository, as a hosted provider sees it."),
        new(Methods.GitspacesPorts, ToServer, false, typeof(ListPortsParams), typeof(ListPortsResult), "Lists a gitspace's ports: configured, detected listening, and forwarded on this machine."),
        new(Methods.GitspacesPortsForward, ToServer, false, typeof(ForwardPortParams), typeof(ForwardPortResult), "Forwards a port of a gitspace to 127.0.0.1 on this machine."),
        new(Methods.GitspacesPortsStop, ToServer, false, typeof(StopPortForwardParams), typeof(StopPortForwardResult), "Stops forwards of a gitspace."),
        new(Methods.ProvidersList, ToServer, false, typeof(ListProvidersParams), typeof(ListProvidersResult), "Lists providers and whether each is configured and reachable."),
        new(Methods.ProvidersConfigure, ToServer, false, typeof(ConfigureProviderParams), typeof(ConfigureProviderResult), "Configures a provider."),
        new(Methods.SecretsList, ToServer, false, typeof(ListSecretsParams), typeof(ListSecretsResult), "Lists the user's secrets: names and scopes, never values."),
        new(Methods.SecretsSet, ToServer, false, typeof(SetSecretParams), typeof(SetSecretResult), "Sets a secret for the gitspaces in its scope (from their next start)."),
        new(Methods.SecretsDelete, ToServer, false, typeof(DeleteSecretParams), typeof(DeleteSecretResult), "Deletes a secret."),
        new(Methods.DidChange, ToClient, true, typeof(DidChangeParams), null, "A gitspace changed."),
        new(Methods.Event, ToClient, true, typeof(GitspaceEventParams), null, "An event was recorded for a gitspace."),
        new(Methods.PortsChanged, ToClient, true, typeof(PortsChangedParams), null, "A gitspace's ports changed."),
        new(Methods.Log, ToClient, true, typeof(GitspaceLogParams), null, "A line was appended to a gitspace's log."),
        new(Methods.Progress, ToClient, true, typeof(ProgressParams), null, "Work-done progress of a request that carried a workDoneToken."),
        new(Methods.LogMessage, ToClient, true, typeof(LogMessageParams), null, "A message for the client's log."),
    ];
}
