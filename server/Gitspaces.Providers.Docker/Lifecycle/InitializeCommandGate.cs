using Gitspaces.Core.Operations;
using Gitspaces.Core.State;
using Gitspaces.Core.Trust;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Lifecycle;

/// <summary>
/// initializeCommand, the one lifecycle command that runs on this machine rather than in the container: it runs only
/// when the user's setting for this provider allows it, or the service's trust policy grants it (a local folder is the
/// user's own code; a clone from a URL is someone else's). Otherwise it is skipped with a warning that says how to allow it.
/// </summary>
internal sealed class InitializeCommandGate
{
    private readonly StatePaths paths;
    private readonly Func<string, string?> environment;

    public InitializeCommandGate(StatePaths paths, Func<string, string?> environment)
    {
        this.paths = paths;
        this.environment = environment;
    }

    private bool AllowedBySettings =>
        this.environment(DockerProvider.AllowInitializeCommandVariable) is "1" or "true" || DockerSettings.Load(this.paths).AllowInitializeCommand == true;

    /// <summary>Runs the configuration's initializeCommand on this machine, in the repository folder, when it may.</summary>
    /// <param name="id">The gitspace.</param>
    /// <param name="plan">The read devcontainer.json.</param>
    /// <param name="repositoryFolder">The folder it runs in (the clone on this machine).</param>
    /// <param name="source">The repository as shown: a URL without credentials, or the local folder the user gave.</param>
    /// <param name="context">Reports events and log lines; answers trust requests; carries cancellation.</param>
    /// <returns>A task that completes when the command has run or was skipped.</returns>
    public async Task RunAsync(string id, DevcontainerPlan plan, string repositoryFolder, string source, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        if (plan.InitializeCommand is not { IsEmpty: false } command)
        {
            return;
        }

        // The user's setting for this provider speaks for every repository; without it, the service's trust policy
        // decides (a local folder is the user's own code; a clone from a URL is someone else's).
        if (!this.AllowedBySettings && !await IsHostCommandGrantedAsync(id, source, command.ToString(), context))
        {
            var message = $"Skipped initializeCommand: it would run on this machine, outside the container, with code from {source}. "
                + $"To allow it for repositories cloned from a URL, set {DockerProvider.AllowInitializeCommandVariable}=1 or \"allowInitializeCommand\": true in the Docker provider's settings (docker.json).";
            context.WriteLog(id, "stderr", message);
            context.RecordEvent(id, EventTypes.LifecycleCommandSkipped, message);
            return;
        }

        await new InitializeCommandRunner(id, repositoryFolder, context).RunAsync(command);
    }

    private static async Task<bool> IsHostCommandGrantedAsync(string id, string source, string command, IOperationContext context)
    {
        var access = new HostAccess { Kind = HostAccessKinds.HostCommand, Property = "$." + InitializeCommandRunner.Hook, Detail = command };
        var answer = await context.RequestTrustAsync(new TrustRequest { GitspaceId = id, Repository = source, IsLocalFolder = Directory.Exists(source), Accesses = [access] });
        return answer.IsGranted(access);
    }
}
