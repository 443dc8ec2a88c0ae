namespace Gitspaces.Providers.Harness.Api;

/// <summary>A Harness <c>GitspaceInstance</c>: one start cycle of a gitspace, with how to reach it.</summary>
public sealed record HarnessGitspaceInstance
{
    /// <summary>Gets the instance identifier.</summary>
    public string? Identifier { get; init; }

    /// <summary>Gets the IDE deep link or web URL.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the SSH command: <c>ssh -t -p &lt;port&gt; &lt;user&gt;@&lt;host&gt; 'cd &lt;repo&gt;; exec $SHELL -l'</c>.</summary>
    public string? SshCommand { get; init; }

    /// <summary>Gets the Harness VS Code extension link (<c>vscode://harness-inc.gitspaces/…</c>), for <c>vs_code</c>.</summary>
    public string? PluginUrl { get; init; }

    /// <summary>Gets the instance state (<c>running</c>, <c>starting</c>, <c>deleted</c>, …).</summary>
    public string? State { get; init; }

    /// <summary>Gets the user the IDE logs in as.</summary>
    public string? MachineUser { get; init; }

    /// <summary>Gets <c>ssh_key</c> or <c>user_credentials</c>.</summary>
    public string? AccessType { get; init; }

    /// <summary>Gets the SSH key reference, or <c>harness_password</c>.</summary>
    public string? AccessKeyRef { get; init; }

    /// <summary>Gets why the last operation failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets the creation time in unix milliseconds.</summary>
    public long Created { get; init; }

    /// <summary>Gets the last update time in unix milliseconds.</summary>
    public long Updated { get; init; }

    /// <summary>Gets when it was last used, in unix milliseconds.</summary>
    public long? LastUsed { get; init; }

    /// <summary>Gets a value indicating whether the workspace has uncommitted or unpushed changes.</summary>
    public bool? HasGitChanges { get; init; }
}
