namespace Gitspaces.Git.Credentials;

/// <summary>What a program inside a gitspace asks the sidecar on the user's machine to do.</summary>
public enum CredentialAction
{
    /// <summary><c>git credential fill</c>: a login for a URL (git's helper <c>get</c>).</summary>
    Fill,

    /// <summary><c>git credential approve</c>: the login worked (git's helper <c>store</c>).</summary>
    Approve,

    /// <summary><c>git credential reject</c>: the login was refused (git's helper <c>erase</c>).</summary>
    Reject,

    /// <summary>A Docker registry login, answered only for a gitspace that opted in.</summary>
    DockerGet,
}
