using System.Runtime;
using Gitspaces.Core.State;

namespace Gitspaces.Server.Hosting;

/// <summary>
/// The runtime's multi-core JIT for a start-up path. ReadyToRun cannot precompile the framework's generic code that
/// StreamJsonRpc and we instantiate over our own types (async builders, collections, serializers): that is most of
/// what a cold <c>serve</c> compiles. The runtime records which methods a run compiled and, on the next start of the
/// same build, compiles them on a second core ahead of the thread that needs them.
/// </summary>
internal static class StartupProfile
{
    /// <summary>Starts playing back (and recording) the profile of one start-up path.</summary>
    /// <param name="paths">The state directory; profiles live in its cache folder.</param>
    /// <param name="name">The path's name, e.g. <c>serve</c>.</param>
    public static void Start(StatePaths paths, string name)
    {
        if (Environment.GetEnvironmentVariable("GITSPACES_STARTUP_PROFILE") is "0" or "false")
        {
            return;
        }

        try
        {
            // One folder per build: a profile of another build names methods this one may not have.
            var root = Path.Combine(paths.DataDirectory, "cache", "startup");
            var folder = Path.Combine(root, VersionInfo.FullVersion);
            if (!Directory.Exists(folder))
            {
                // The first start of a new build: the profiles of earlier builds are of no use any more.
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }

                Directory.CreateDirectory(folder);
            }

            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(name + ".jitprofile");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only home only costs start-up time.
        }
    }
}
