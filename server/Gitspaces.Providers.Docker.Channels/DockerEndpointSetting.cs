using Gitspaces.Core.Errors;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The engine address as a gitspace setting: <see cref="DockerEndpoint"/>'s resolution and check, with an address the
/// client cannot use reported as a bad parameter (<see cref="GitspaceException.InvalidParams"/>) of the field it came
/// from, as every other rejected setting is.
/// </summary>
internal static class DockerEndpointSetting
{
    /// <summary>Resolves the endpoint as <see cref="DockerEndpoint.Resolve"/> does.</summary>
    /// <param name="configured">The endpoint saved with <c>providers/configure</c>, if any.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="GitspaceException">The configured address or <c>DOCKER_HOST</c> is not an engine address.</exception>
    public static DockerEndpoint Resolve(string? configured, Func<string, string?> environment)
    {
        try
        {
            return DockerEndpoint.Resolve(configured, environment);
        }
        catch (DockerEndpointException ex)
        {
            throw InvalidParams(ex);
        }
    }

    /// <summary>Checks an engine address as <see cref="DockerEndpoint.Parse"/> does.</summary>
    /// <param name="value">The address.</param>
    /// <param name="origin">The field it came from.</param>
    /// <returns>The parsed address.</returns>
    /// <exception cref="GitspaceException">The address is not an engine address.</exception>
    public static Uri Parse(string value, string origin)
    {
        try
        {
            return DockerEndpoint.Parse(value, origin);
        }
        catch (DockerEndpointException ex)
        {
            throw InvalidParams(ex);
        }
    }

    private static GitspaceException InvalidParams(DockerEndpointException exception) =>
        GitspaceException.InvalidParams(exception.Field, exception.Message);
}
