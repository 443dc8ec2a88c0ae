namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider whose gitspaces have a display name apart from their id (Harness's <c>name</c> beside its
/// <c>identifier</c>). Create and update take any text as the name; the service derives a valid id from it. Without
/// it a name is the id and follows <see cref="GitspaceNames.Validate"/>.
/// </summary>
public interface IDisplayNames
{
    /// <summary>Gets the longest display name the provider keeps.</summary>
    int MaxDisplayNameLength { get; }
}
