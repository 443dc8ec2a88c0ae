namespace Gitspaces.DevContainers.Features;

/// <summary>A user name and secret for a registry. <see cref="ToString"/> never shows the secret.</summary>
/// <param name="UserName">The user name (<c>&lt;token&gt;</c> for identity tokens).</param>
/// <param name="Secret">The password or token.</param>
public sealed record RegistryCredential(string UserName, string Secret)
{
    /// <inheritdoc/>
    public override string ToString() => $"RegistryCredential {{ UserName = {this.UserName}, Secret = *** }}";
}
