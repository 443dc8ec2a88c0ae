namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>One gitspace config of the stand-in, with its latest instance, its events and its logs.</summary>
internal sealed class StandInGitspace
{
    public required string Identifier { get; init; }

    public required string Name { get; set; }

    public required string Ide { get; set; }

    public required string SpacePath { get; init; }

    /// <summary>Gets a value indicating whether the hosted API made it (its machines are the hosted catalog's).</summary>
    public bool Hosted { get; init; }

    public required string RepoUrl { get; init; }

    public required string RepoType { get; init; }

    /// <summary>Gets the internal repository path (<c>code_repo_ref</c>) of a Harness Code or Gitness repository.</summary>
    public string? RepoRef { get; init; }

    /// <summary>Gets or sets the SSH key reference (<c>ssh_token_identifier</c>); empty means password access.</summary>
    public string SshTokenIdentifier { get; set; } = string.Empty;

    /// <summary>Gets the principal that created it (<c>user_id</c>), for the <c>gitspace_owner</c> filter.</summary>
    public string UserId { get; init; } = "user1";

    public string? Branch { get; init; }

    public string? DevcontainerPath { get; init; }

    public required string ResourceIdentifier { get; set; }

    public required string InfraIdentifier { get; init; }

    /// <summary>Gets or sets a value indicating whether the next start rebuilds the container (an update changed the IDE or key).</summary>
    public bool IsMarkedForReset { get; set; }

    /// <summary>Gets or sets a value indicating whether a DELETE was accepted and the delete handler has yet to finish (<c>is_marked_for_deletion</c>).</summary>
    public bool IsMarkedForDeletion { get; set; }

    /// <summary>Gets or sets what completes when the gitspace is next read while marked for deletion (the stand-in's delete handler waits for it).</summary>
    public TaskCompletionSource ReadWhileMarked { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a value indicating whether the next teardown fails (the container cannot be removed).</summary>
    public bool FailNextDelete { get; set; }

    /// <summary>Gets or sets what cancels the operation being played (a delete cuts a start short, as the real handler does).</summary>
    public CancellationTokenSource? Playing { get; set; }

    public long Created { get; init; }

    public long Updated { get; set; }

    public StandInInstance? Instance { get; set; }

    /// <summary>Gets the events, oldest first (the API serves them newest first).</summary>
    public List<StandInEvent> Events { get; } = [];

    /// <summary>Gets or sets the live log of the running operation (the open-source server's SSE stream); null between operations.</summary>
    public StandInLiveLog? Live { get; set; }

    /// <summary>Gets when the instance entered each state, in order (for benchmarks: how soon a client noticed).</summary>
    public List<(string State, DateTimeOffset At)> StateHistory { get; } = [];

    /// <summary>Gets or sets what completes when the instance next changes state (replaced at each change, under the stand-in's lock).</summary>
    public TaskCompletionSource Moved { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a value indicating whether the next start fails (a failing postCreateCommand).</summary>
    public bool FailNextStart { get; set; }

    /// <summary>Returns the config state, derived from the instance as <c>GetGitspaceState</c> does (harness.md §1.6).</summary>
    public string State => this.Instance?.State switch
    {
        null or "" or "uninitialized" or "deleted" or "cleaned" => "uninitialized",
        "running" => "running",
        "stopped" => "stopped",
        "error" or "unknown" => "error",
        "starting" => "starting",
        "stopping" => "stopping",
        "cleaning" or "resetting" => "cleaning",
        _ => "error",
    };

    public string RepoName => this.RepoUrl.TrimEnd('/').Split('/')[^1].Replace(".git", string.Empty, StringComparison.Ordinal);
}

/// <summary>One start cycle.</summary>
internal sealed class StandInInstance
{
    public required string Identifier { get; init; }

    public required string State { get; set; }

    public string? Url { get; set; }

    public string? SshCommand { get; set; }

    public string? PluginUrl { get; set; }

    public string? ErrorMessage { get; set; }

    public long Created { get; init; }

    public long Updated { get; set; }

    /// <summary>Gets or sets when an IDE last used it (unix ms), for the <c>last_used</c> sort.</summary>
    public long? LastUsed { get; set; }

    /// <summary>Gets the instance's log, every line its operations wrote (what the hosted <c>…/logs</c> returns).</summary>
    public List<string> Log { get; } = [];

    public bool IsFinal => this.State is "deleted" or "error" or "cleaned";

    public bool IsBusy => this.State is "starting" or "stopping" or "cleaning" or "resetting";
}

/// <summary>One timeline event.</summary>
internal sealed record StandInEvent(string Type, string Message, long TimestampNanoseconds, string EntityType);
