using Gitspaces.Core.Operations;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>
/// Turns a read devcontainer.json into a running development container with SSH set up, on the engine. The image and
/// Dockerfile kinds have one (<see cref="SingleContainerLauncher"/>); Docker Compose plugs in beside it. What comes
/// after (the lifecycle commands, the record) is the provider's, whichever launcher ran.
/// </summary>
internal interface IContainerLauncher
{
    /// <summary>Launches the container.</summary>
    /// <param name="request">What to launch.</param>
    /// <param name="context">Reports events, log lines and progress; carries cancellation.</param>
    /// <returns>The development container, running.</returns>
    Task<EngineContainer> LaunchAsync(LaunchRequest request, IOperationContext context);
}
