using System.Text.Json.Serialization;

namespace Gitspaces.Protocol;

/// <summary>A gitspace's state; the same values as Harness's <c>GitspaceStateType</c> plus <c>deleted</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GitspaceState>))]
public enum GitspaceState
{
    /// <summary>Known but never started, or reset.</summary>
    [JsonStringEnumMemberName("uninitialized")]
    Uninitialized,

    /// <summary>Being created or started.</summary>
    [JsonStringEnumMemberName("starting")]
    Starting,

    /// <summary>Running; see <see cref="GitspaceReadiness"/> for whether setup has finished.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Being stopped.</summary>
    [JsonStringEnumMemberName("stopping")]
    Stopping,

    /// <summary>Stopped; its files are kept.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,

    /// <summary>Being deleted or reset.</summary>
    [JsonStringEnumMemberName("cleaning")]
    Cleaning,

    /// <summary>The last operation failed; <c>errorMessage</c> says why.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>Deleted; sent once in <c>gitspaces/didChange</c>.</summary>
    [JsonStringEnumMemberName("deleted")]
    Deleted,
}
