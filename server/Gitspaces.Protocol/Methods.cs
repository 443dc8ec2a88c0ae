namespace Gitspaces.Protocol;

/// <summary>
/// The names of every JSON-RPC method and notification of the protocol. Clients in other languages mirror
/// these strings; <c>docs/protocol.md</c> documents each one.
/// </summary>
public static class Methods
{
    /// <summary>Client → server request that starts a session (LSP style).</summary>
    public const string Initialize = "initialize";

    /// <summary>Client → server notification sent after the <see cref="Initialize"/> response.</summary>
    public const string Initialized = "initialized";

    /// <summary>Client → server request that asks the server to stop accepting work.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>Client → server notification that ends the process (exit code 0 after <see cref="Shutdown"/>, else 1).</summary>
    public const string Exit = "exit";

    /// <summary>Reads and resolves a repository's <c>devcontainer.json</c>.</summary>
    public const string DevcontainerRead = "devcontainer/read";

    /// <summary>Lists gitspaces of every configured provider (or one).</summary>
    public const string GitspacesList = "gitspaces/list";

    /// <summary>Returns one gitspace.</summary>
    public const string GitspacesGet = "gitspaces/get";

    /// <summary>Creates a gitspace and returns once it runs or has failed.</summary>
    public const string GitspacesCreate = "gitspaces/create";

    /// <summary>Starts a stopped gitspace.</summary>
    public const string GitspacesStart = "gitspaces/start";

    /// <summary>Stops a running gitspace, keeping its files.</summary>
    public const string GitspacesStop = "gitspaces/stop";

    /// <summary>Re-creates a gitspace's container from the current configuration, keeping its workspace files.</summary>
    public const string GitspacesRebuild = "gitspaces/rebuild";

    /// <summary>Deletes a gitspace and everything it owns.</summary>
    public const string GitspacesDelete = "gitspaces/delete";

    /// <summary>Returns a gitspace's event history.</summary>
    public const string GitspacesEvents = "gitspaces/events";

    /// <summary>Returns a page of a gitspace's log.</summary>
    public const string GitspacesLogs = "gitspaces/logs";

    /// <summary>Prepares a gitspace for an editor and returns the SSH host and deep links.</summary>
    public const string GitspacesConnect = "gitspaces/connect";

    /// <summary>Changes a gitspace's display name, IDE, machine or SSH key.</summary>
    public const string GitspacesUpdate = "gitspaces/update";

    /// <summary>Returns what a create or update wizard may offer for a provider: IDEs, machines and regions the account allows.</summary>
    public const string GitspacesCreateOptions = "gitspaces/create-options";

    /// <summary>Lists the repositories of a git provider the user connected to a hosted provider.</summary>
    public const string GitspacesListRepos = "gitspaces/list-repos";

    /// <summary>Lists the branches of a repository, as a hosted provider sees it.</summary>
    public const string GitspacesListBranches = "gitspaces/list-branches";

    /// <summary>Lists a gitspace's ports: configured, detected listening, and forwarded on this machine.</summary>
    public const string GitspacesPorts = "gitspaces/ports";

    /// <summary>Forwards a port of a gitspace to 127.0.0.1 on this machine, over the provider's own channel.</summary>
    public const string GitspacesPortsForward = "gitspaces/ports/forward";

    /// <summary>Stops forwards of a gitspace.</summary>
    public const string GitspacesPortsStop = "gitspaces/ports/stop";

    /// <summary>Lists the providers and whether each is configured and reachable.</summary>
    public const string ProvidersList = "providers/list";

    /// <summary>Configures a provider (endpoint, identifiers, token).</summary>
    public const string ProvidersConfigure = "providers/configure";

    /// <summary>Lists the user's secrets: names and scopes, never values.</summary>
    public const string SecretsList = "secrets/list";

    /// <summary>Sets a secret (a new value, or a new one) for every gitspace in its scope, from their next start.</summary>
    public const string SecretsSet = "secrets/set";

    /// <summary>Deletes a secret.</summary>
    public const string SecretsDelete = "secrets/delete";

    /// <summary>Server → client notification: a gitspace changed (state, readiness, error, or deletion).</summary>
    public const string DidChange = "gitspaces/didChange";

    /// <summary>Server → client notification: an event was recorded for a gitspace.</summary>
    public const string Event = "gitspaces/event";

    /// <summary>Server → client notification: a gitspace's ports changed (a port started or stopped listening, a forward started or stopped).</summary>
    public const string PortsChanged = "gitspaces/portsChanged";

    /// <summary>Server → client notification: a line was appended to a gitspace's log.</summary>
    public const string Log = "gitspaces/log";

    /// <summary>Server → client notification: work-done progress of a request (LSP shape).</summary>
    public const string Progress = "$/progress";

    /// <summary>Client → server notification that cancels a request (LSP shape).</summary>
    public const string CancelRequest = "$/cancelRequest";

    /// <summary>Server → client notification: a message for the client's log (LSP shape).</summary>
    public const string LogMessage = "window/logMessage";
}
