using System.Text.Json;
using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Settings;

/// <summary>
/// The user's defaults for new gitspaces, in <c>settings.json</c> of the settings folder, with the names VS Code's Dev
/// Containers uses: <c>"dotfiles.repository"</c>, <c>"dotfiles.targetPath"</c>, <c>"dotfiles.installCommand"</c>, and
/// <c>"autoStop"</c> (<c>"30m"</c>, <c>"0"</c> for never, or a number of minutes). A request's own values win.
/// </summary>
public sealed record UserSettings
{
    /// <summary>Gets the dotfiles every new gitspace gets, or none.</summary>
    public DotfilesSource? Dotfiles { get; init; }

    /// <summary>Gets the idle timeout of new gitspaces in seconds (0: never), or none for the default.</summary>
    public int? AutoStopSeconds { get; init; }

    /// <summary>Returns the settings file's path.</summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>The path.</returns>
    public static string FilePath(StatePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.ConfigDirectory, "settings.json");
    }

    /// <summary>Reads the settings; a missing file means none, a damaged one is an error that names it.</summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="Errors.GitspaceException">The file cannot be read as settings.</exception>
    public static UserSettings Load(StatePaths paths)
    {
        var file = FilePath(paths);
        if (!File.Exists(file))
        {
            return new UserSettings();
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
            var repository = Text("dotfiles.repository");
            int? autoStop = null;
            if (root.TryGetProperty("autoStop", out var stop))
            {
                autoStop = stop.ValueKind switch
                {
                    JsonValueKind.Number when stop.TryGetInt32(out var minutes) && minutes >= 0 && minutes <= IdleTimeout.MaxSeconds / 60 => minutes * 60,
                    JsonValueKind.String when IdleTimeout.TryParse(stop.GetString(), out var seconds) => seconds,
                    _ => throw new Errors.GitspaceException(ErrorCodes.InvalidParams, $"\"autoStop\" in {file} is not a timeout (\"30m\", \"2h\", \"0\" for never, or a number of minutes)."),
                };
            }

            return new UserSettings
            {
                Dotfiles = repository is null ? null : new DotfilesSource { Repository = repository, TargetPath = Text("dotfiles.targetPath"), InstallCommand = Text("dotfiles.installCommand") },
                AutoStopSeconds = autoStop,
            };
        }
        catch (JsonException ex)
        {
            throw new Errors.GitspaceException(ErrorCodes.InvalidParams, $"The settings file {file} is not JSON: {ex.Message}");
        }
    }
}
