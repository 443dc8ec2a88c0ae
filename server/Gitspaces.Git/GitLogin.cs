namespace Gitspaces.Git;

/// <summary>A user name and password from a git credential helper. Its text form never shows the password.</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Password">The password or token.</param>
public sealed record GitLogin(string UserName, string Password)
{
    /// <summary>Returns the login without its password, so that it may appear in a log by mistake without harm.</summary>
    /// <returns>The user name and a mask.</returns>
    public override string ToString() => $"{this.UserName}:***";
}
