using System.Diagnostics;

namespace Gitspaces.Server.Hosting;

/// <summary>
/// Ends the server when the client process dies: a stdin read may not notice on every platform (Roslyn's language
/// server watches its client the same way).
/// </summary>
internal static class ParentProcessWatcher
{
    public static async Task WaitForExitAsync(int processId, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return;
        }

        using (process)
        {
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // Not a child of ours on some platforms: fall back to polling.
                while (!cancellationToken.IsCancellationRequested && IsAlive(processId))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                }
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
