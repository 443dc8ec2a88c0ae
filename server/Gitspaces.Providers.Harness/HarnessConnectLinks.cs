using System.Globalization;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Builds the <c>gitspaces/connect</c> answer from a running instance: <c>ssh_command</c> gives host, port, user and
/// folder; <c>url</c> is the VS Code remote URI, the Gateway link or the web IDE, by the gitspace's IDE.
/// </summary>
internal static class HarnessConnectLinks
{
    public static ConnectResult Build(Gitspace gitspace, HarnessGitspaceConfig config, string ide, string? webToken)
    {
        var instance = config.Instance;
        var url = instance?.Url;
        var ssh = HarnessSshEndpoint.From(instance);
        var webUrl = config.Ide == Ides.VsCodeWeb && url is not null ? WithToken(url, webToken) : null;
        if (ssh is null && webUrl is null)
        {
            throw new GitspaceException(
                ErrorCodes.InvalidState,
                $"Gitspace '{gitspace.Id}' is running but the control plane gave no way to reach it (no ssh_command or url).",
                new ErrorData { Kind = nameof(ErrorCodes.InvalidState), GitspaceId = gitspace.Id, Provider = HarnessErrors.Provider, State = config.State, Hint = "Open it from the Harness web UI, or ask an admin whether SSH is disabled." });
        }

        var host = ssh?.Host ?? (Uri.TryCreate(webUrl, UriKind.Absolute, out var web) ? web.Host : string.Empty);
        var user = ssh?.User ?? instance?.MachineUser ?? "harness";
        var port = ssh?.Port ?? 22;
        var folder = ssh?.WorkspaceFolder ?? gitspace.WorkspaceFolder ?? string.Empty;
        var authority = port == 22 ? $"{user}@{host}" : string.Create(CultureInfo.InvariantCulture, $"{user}@{host}:{port}");
        var remotePath = folder.StartsWith('/') ? folder : "/" + folder;
        var remoteUri = url is not null && url.StartsWith("vscode-remote://", StringComparison.Ordinal) ? url : $"vscode-remote://ssh-remote+{authority}{remotePath}";
        var sshReachable = ssh is not null;
        var jetbrains = url is not null && url.StartsWith("jetbrains-gateway://", StringComparison.Ordinal)
            ? url
            : sshReachable && Ides.JetBrainsProductCode(ide) is not null
                ? string.Create(CultureInfo.InvariantCulture, $"jetbrains-gateway://connect#type=ssh&deploy=false&host={Uri.EscapeDataString(host)}&port={port}&user={Uri.EscapeDataString(user)}&projectPath={Uri.EscapeDataString(folder)}")
                : null;

        return new ConnectResult
        {
            SshHost = host,
            User = user,
            Port = port,
            WorkspaceFolder = folder,
            SshCommand = instance?.SshCommand ?? (sshReachable ? string.Create(CultureInfo.InvariantCulture, $"ssh -t -p {port} {user}@{host} 'cd {folder}; exec $SHELL -l'") : string.Empty),
            RemoteUri = sshReachable ? remoteUri : string.Empty,
            Links = new ConnectLinks
            {
                Vscode = sshReachable ? $"vscode://vscode-remote/ssh-remote+{authority}{remotePath}" : null,
                VscodeInsiders = sshReachable ? $"vscode-insiders://vscode-remote/ssh-remote+{authority}{remotePath}" : null,
                Cursor = sshReachable ? $"cursor://vscode-remote/ssh-remote+{authority}{remotePath}" : null,
                Windsurf = sshReachable ? $"windsurf://vscode-remote/ssh-remote+{authority}{remotePath}" : null,
                JetbrainsGateway = jetbrains,
                Web = webUrl,
            },
            Gitspace = gitspace,
        };
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
