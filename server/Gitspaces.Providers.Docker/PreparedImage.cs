using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>The image a gitspace's container runs, as the engine describes it.</summary>
/// <param name="Reference">The image reference (tag or name).</param>
/// <param name="Details">The engine's description: id, user, entrypoint, command, labels.</param>
internal sealed record PreparedImage(string Reference, EngineImage Details);
