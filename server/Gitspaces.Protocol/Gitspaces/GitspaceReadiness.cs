using System.Text.Json.Serialization;

namespace Gitspaces.Protocol;

/// <summary>Whether a running gitspace has finished setting up (the lifecycle commands up to <c>waitFor</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GitspaceReadiness>))]
public enum GitspaceReadiness
{
    /// <summary>Lifecycle commands up to <c>waitFor</c> still run.</summary>
    [JsonStringEnumMemberName("setting_up")]
    SettingUp,

    /// <summary>Ready to connect to.</summary>
    [JsonStringEnumMemberName("ready")]
    Ready,

    /// <summary>Running, but a lifecycle command failed.</summary>
    [JsonStringEnumMemberName("start_error")]
    StartError,
}
