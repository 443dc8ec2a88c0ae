using System.Globalization;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>Harness's data model onto ours: states and event types keep their names; times become <see cref="DateTimeOffset"/>.</summary>
internal static class HarnessMapping
{
    public static Gitspace ToGitspace(HarnessGitspaceConfig config)
    {
        var instance = config.Instance;
        var state = ToState(config.State);
        var ssh = HarnessSshEndpoint.From(instance);
        var updated = Math.Max(config.Updated, instance?.Updated ?? 0);
        return new Gitspace
        {
            Id = config.Identifier,
            Name = string.IsNullOrEmpty(config.Name) ? config.Identifier : config.Name,
            Provider = HarnessErrors.Provider,
            Repository = new GitspaceRepository { Url = config.CodeRepoUrl ?? string.Empty, Branch = config.Branch, Type = string.IsNullOrEmpty(config.CodeRepoType) ? null : config.CodeRepoType },
            DevcontainerPath = config.DevcontainerPath,
            Ide = string.IsNullOrEmpty(config.Ide) ? Ides.VsCode : config.Ide,
            State = state,
            Readiness = state == GitspaceState.Running ? GitspaceReadiness.Ready : null,
            ErrorMessage = state == GitspaceState.Error ? instance?.ErrorMessage ?? $"The control plane reports the gitspace in state '{config.State}'." : null,
            CreatedAt = FromUnixMilliseconds(config.Created),
            UpdatedAt = FromUnixMilliseconds(updated == 0 ? config.Created : updated),
            WorkspaceFolder = ssh?.WorkspaceFolder,
            RemoteUser = instance?.MachineUser ?? ssh?.User,
            Image = DescribeMachine(config.Resource),
            Resource = config.Resource is { } resource ? new ResourceSpec { InfraProvider = resource.ConfigIdentifier, MachineType = resource.Identifier, Region = string.IsNullOrEmpty(resource.Region) ? null : resource.Region } : null,
            SshKeyId = string.IsNullOrEmpty(config.SshTokenIdentifier) ? null : config.SshTokenIdentifier,
            LastUsedAt = instance?.LastUsed is long used && used > 0 ? FromUnixMilliseconds(used) : null,
        };
    }

    /// <summary>Maps a config state (<c>GitspaceStateType</c>); an instance-only value such as <c>deleted</c> maps as the server would.</summary>
    public static GitspaceState ToState(string? state) => state switch
    {
        "running" => GitspaceState.Running,
        "starting" => GitspaceState.Starting,
        "stopping" => GitspaceState.Stopping,
        "stopped" => GitspaceState.Stopped,
        "cleaning" or "resetting" => GitspaceState.Cleaning,
        "uninitialized" or "" or null or "deleted" or "cleaned" => GitspaceState.Uninitialized,
        _ => GitspaceState.Error,
    };

    public static GitspaceEvent ToEvent(HarnessEvent harnessEvent) => new()
    {
        Type = harnessEvent.Event,
        Message = string.IsNullOrEmpty(harnessEvent.Message) ? harnessEvent.Event : harnessEvent.Message,
        Timestamp = EventTime(harnessEvent),
    };

    public static DateTimeOffset EventTime(HarnessEvent harnessEvent)
    {
        if (harnessEvent.Timestamp > 0)
        {
            return DateTimeOffset.UnixEpoch.AddTicks(harnessEvent.Timestamp / 100);
        }

        if (harnessEvent.EventTime is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        return FromUnixMilliseconds(harnessEvent.Created);
    }

    /// <summary>Returns the log stream a Harness log line belongs to: its <c>ERROR:</c> lines are the failures.</summary>
    public static string LogStream(string line) => line.StartsWith("ERROR", StringComparison.Ordinal) ? "stderr" : "stdout";

    public static DateTimeOffset FromUnixMilliseconds(long milliseconds) =>
        milliseconds > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : DateTimeOffset.UnixEpoch;

    private static string? DescribeMachine(HarnessInfraResource? resource)
    {
        if (resource is null)
        {
            return null;
        }

        var name = string.IsNullOrEmpty(resource.Name) ? resource.Identifier : resource.Name;
        var size = string.Join(", ", new[] { resource.Cpu is { Length: > 0 } cpu && cpu != "any" ? cpu + " CPU" : null, resource.Memory is { Length: > 0 } memory && memory != "any" ? memory : null }.OfType<string>());
        var region = string.IsNullOrEmpty(resource.Region) ? string.Empty : " in " + resource.Region;
        return size.Length > 0 ? $"{name} ({size}){region}" : name + region;
    }
}
