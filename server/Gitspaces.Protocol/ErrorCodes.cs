namespace Gitspaces.Protocol;

/// <summary>
/// JSON-RPC error codes the server answers with: the standard ones and the application's own, which lie outside
/// the range -32768..-32000 that JSON-RPC reserves. Each application error carries an <see cref="ErrorData"/>.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The frame's body is not valid JSON, or its header is malformed.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid request object (or a request arrived after <c>shutdown</c>).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No such method; the message names it.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>The parameters do not match the method; the message and <see cref="ErrorData.Field"/> name the bad field.</summary>
    public const int InvalidParams = -32602;

    /// <summary>An unexpected failure inside the server.</summary>
    public const int InternalError = -32603;

    /// <summary>A request other than <c>initialize</c> arrived before <c>initialize</c> (LSP's code).</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>The request was cancelled with <c>$/cancelRequest</c>.</summary>
    public const int RequestCancelled = -32800;

    /// <summary>No gitspace has the given id.</summary>
    public const int GitspaceNotFound = 1001;

    /// <summary>Another operation runs on the gitspace (from this or another process).</summary>
    public const int GitspaceBusy = 1002;

    /// <summary>The provider cannot be reached (Docker engine down, control plane unreachable).</summary>
    public const int ProviderUnavailable = 1003;

    /// <summary>The provider refused the credentials; log in again.</summary>
    public const int Unauthorized = 1004;

    /// <summary>The repository's <c>devcontainer.json</c> is invalid; <see cref="ErrorData.Diagnostics"/> says where.</summary>
    public const int DevcontainerInvalid = 1005;

    /// <summary>The repository or the branch cannot be cloned or read.</summary>
    public const int RepositoryUnavailable = 1006;

    /// <summary>An operation failed (image build, lifecycle command, provider error); the message says which step.</summary>
    public const int OperationFailed = 1007;

    /// <summary>The provider is known but not configured yet (see <c>providers/configure</c>).</summary>
    public const int ProviderNotConfigured = 1008;

    /// <summary>The operation is not possible in the gitspace's current state (for example connecting to an errored one).</summary>
    public const int InvalidState = 1009;

    /// <summary>The requested feature is not supported by this provider or configuration (for example Docker Compose).</summary>
    public const int NotSupported = 1010;

    /// <summary>
    /// The repository is untrusted and its configuration asks to reach this machine; <see cref="ErrorData.HostAccess"/>
    /// names each property. Ask the user, then retry with <c>trustRepository: true</c>.
    /// </summary>
    public const int RepositoryUntrusted = 1011;

    /// <summary>A forward needs a port on 127.0.0.1 of this machine that is taken (<c>requireLocalPort</c>), or no port is free.</summary>
    public const int PortUnavailable = 1012;

    /// <summary>Returns the symbolic name of an application or standard code, as used in <see cref="ErrorData.Kind"/>.</summary>
    /// <param name="code">The error code.</param>
    /// <returns>The name, or <c>"Unknown"</c>.</returns>
    public static string NameOf(int code) => code switch
    {
        ParseError => nameof(ParseError),
        InvalidRequest => nameof(InvalidRequest),
        MethodNotFound => nameof(MethodNotFound),
        InvalidParams => nameof(InvalidParams),
        InternalError => nameof(InternalError),
        ServerNotInitialized => nameof(ServerNotInitialized),
        RequestCancelled => nameof(RequestCancelled),
        GitspaceNotFound => nameof(GitspaceNotFound),
        GitspaceBusy => nameof(GitspaceBusy),
        ProviderUnavailable => nameof(ProviderUnavailable),
        Unauthorized => nameof(Unauthorized),
        DevcontainerInvalid => nameof(DevcontainerInvalid),
        RepositoryUnavailable => nameof(RepositoryUnavailable),
        OperationFailed => nameof(OperationFailed),
        ProviderNotConfigured => nameof(ProviderNotConfigured),
        InvalidState => nameof(InvalidState),
        NotSupported => nameof(NotSupported),
        RepositoryUntrusted => nameof(RepositoryUntrusted),
        PortUnavailable => nameof(PortUnavailable),
        _ => "Unknown",
    };
}
