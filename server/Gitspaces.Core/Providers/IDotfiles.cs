namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider that installs the user's dotfiles in its gitspaces (capability <c>dotfiles</c>): create takes
/// <see cref="CreateRequest.Dotfiles"/>, installed as the remote user after the create-time lifecycle commands.
/// </summary>
public interface IDotfiles
{
    /// <summary>Gets where a dotfiles repository goes when the request names no target path.</summary>
    string DefaultDotfilesTarget { get; }
}
