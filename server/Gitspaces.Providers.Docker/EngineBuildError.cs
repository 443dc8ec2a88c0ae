namespace Gitspaces.Providers.Docker;

/// <summary>The <c>errorDetail</c> of a build output line.</summary>
internal sealed record EngineBuildError
{
    /// <summary>Gets the engine's message.</summary>
    public string? Message { get; init; }
}
