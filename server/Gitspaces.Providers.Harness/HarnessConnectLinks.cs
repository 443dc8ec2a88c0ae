using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;
using Gitspaces.Ssh.Links;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Builds the <c>gitspaces/connect</c> answer from a running instance. The SSH endpoint comes from the instance
/// (<see cref="HarnessSshEndpoint"/>); the SSH command and editor links from it are the ones every provider hands out
/// (<see cref="ConnectResults"/>), except that the control plane's own VS Code folder URI or Gateway link wins, and a
/// web IDE gets its URL with the gateway token.
/// </summary>
internal static class HarnessConnectLinks
{
    private const string VsCodeRemotePrefix = "vscode-remote://";
    private const string GatewayPrefix = "jetbrains-gateway://";

    public static ConnectResult Build(Gitspace gitspace, HarnessGitspaceConfig config, string ide, string? webToken)
    {
        var instance = config.Instance;
        var url = instance?.Url;
        var webUrl = config.Ide == Ides.VsCodeWeb && url is not null ? WithToken(url, webToken) : null;
        var ssh = HarnessSshEndpoint.From(instance);
        var folder = ssh?.WorkspaceFolder ?? gitspace.WorkspaceFolder ?? string.Empty;
        var target = ssh is null ? null : UsableTarget(ssh, folder);
        if (target is null && webUrl is null)
        {
            throw new GitspaceException(
                ErrorCodes.InvalidState,
                $"Gitspace '{gitspace.Id}' is running but the control plane gave no way to reach it (no usable ssh_command or url).",
                new ErrorData { Kind = nameof(ErrorCodes.InvalidState), GitspaceId = gitspace.Id, Provider = HarnessErrors.Provider, State = config.State, Hint = "Open it from the Harness web UI, or ask an admin whether SSH is disabled." });
        }

        var result = new ConnectResult
        {
            SshHost = Uri.TryCreate(webUrl, UriKind.Absolute, out var web) ? web.Host : string.Empty,
            User = instance?.MachineUser ?? "harness",
            Port = 22,
            WorkspaceFolder = folder,
            SshCommand = string.Empty,
            RemoteUri = string.Empty,
            Links = new ConnectLinks { Web = webUrl },
            Gitspace = gitspace,
        };
        if (target is null)
        {
            return result;
        }

        var linked = ConnectResults.WithStandardLinks(result, target, ide);

        // What the control plane writes for the gitspace's own IDE knows more than its SSH details (the Gateway link
        // names the JetBrains backend it installed), so it is handed out as given.
        return linked with
        {
            RemoteUri = url is not null && url.StartsWith(VsCodeRemotePrefix, StringComparison.Ordinal) ? url : linked.RemoteUri,
            Links = linked.Links with { JetbrainsGateway = url is not null && url.StartsWith(GatewayPrefix, StringComparison.Ordinal) ? url : linked.Links.JetbrainsGateway },
        };
    }

    /// <summary>Returns the endpoint as a direct SSH target, or <see langword="null"/> when no link could name it (a malformed host or port).</summary>
    private static SshTarget? UsableTarget(HarnessSshEndpoint ssh, string folder)
    {
        var target = new SshTarget(ssh.Host, ssh.User, ssh.Port, folder.StartsWith('/') ? folder : "/" + folder) { IsDirect = true };
        try
        {
            return target.Validated();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string WithToken(string url, string? token)
    {
        if (string.IsNullOrEmpty(token) || url.Contains("token=", StringComparison.Ordinal))
        {
            return url;
        }

        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + Uri.EscapeDataString(token);
    }
}
