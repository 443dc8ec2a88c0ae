namespace Gitspaces.Protocol;

/// <summary>The values of <see cref="ProviderInfo.Capabilities"/>.</summary>
public static class ProviderCapabilities
{
    /// <summary>Its gitspaces are SSH hosts reached through <c>gitspaces ssh-proxy</c> (no port opened); without it, connect with the SSH command <c>gitspaces/connect</c> returns.</summary>
    public const string SshChannel = "sshChannel";

    /// <summary>It can carry a connection to a port inside a gitspace over its own channel, for forwards on this machine's loopback.</summary>
    public const string PortChannel = "portChannel";

    /// <summary>It keeps events and logs itself (a control plane); <c>gitspaces/events</c> and <c>gitspaces/logs</c> read them there.</summary>
    public const string ProviderHistory = "providerHistory";

    /// <summary>An operation can leave work running after it returns (lifecycle commands after <c>waitFor</c>); its progress arrives as events and logs.</summary>
    public const string BackgroundWork = "backgroundWork";

    /// <summary>It takes <c>gitspaces/update</c> (display name, IDE, machine, SSH key, as it allows).</summary>
    public const string Update = "update";

    /// <summary>It filters <c>gitspaces/list</c> on its side (query, states, owner, sort), so a filtered list costs it less.</summary>
    public const string ListQuery = "listQuery";

    /// <summary>Its gitspaces have a display name apart from their id: <c>name</c> takes any text on create and update.</summary>
    public const string DisplayNames = "displayNames";

    /// <summary>Create and update take <c>sshKeyId</c>, an SSH key the user registered with the provider.</summary>
    public const string SshKeys = "sshKeys";

    /// <summary>It answers <c>gitspaces/create-options</c> from what the account allows.</summary>
    public const string CreateOptions = "createOptions";

    /// <summary>It answers <c>gitspaces/list-repos</c> and <c>gitspaces/list-branches</c> from the git providers the user connected.</summary>
    public const string RepositoryBrowser = "repositoryBrowser";

    /// <summary>Create takes <c>dotfiles</c>: a repository installed in the gitspace as the remote user after the create-time lifecycle commands.</summary>
    public const string Dotfiles = "dotfiles";

    /// <summary>The user's secrets (<c>secrets/*</c>) in scope reach its gitspaces as environment variables of lifecycle commands, SSH sessions and terminals.</summary>
    public const string Secrets = "secrets";

    /// <summary>Its gitspaces stop themselves after <c>autoStopSeconds</c> idle (create and update take it), with no sidecar running.</summary>
    public const string AutoStop = "autoStop";
}
