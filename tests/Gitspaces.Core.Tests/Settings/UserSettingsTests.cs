using Gitspaces.Core.Errors;
using Gitspaces.Core.Settings;
using Gitspaces.Core.State;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests.Settings;

public sealed class UserSettingsTests
{
    [Fact]
    public void The_dotfiles_and_auto_stop_settings_are_read_by_their_dev_containers_names()
    {
        var paths = Paths();
        File.WriteAllText(UserSettings.FilePath(paths), """
            {
              // VS Code's names
              "dotfiles.repository": "me/dotfiles",
              "dotfiles.targetPath": "~/.dots",
              "dotfiles.installCommand": "make install",
              "autoStop": "30m",
            }
            """);

        var settings = UserSettings.Load(paths);

        Assert.Equal("me/dotfiles", settings.Dotfiles?.Repository);
        Assert.Equal("~/.dots", settings.Dotfiles?.TargetPath);
        Assert.Equal("make install", settings.Dotfiles?.InstallCommand);
        Assert.Equal(1800, settings.AutoStopSeconds);
    }

    [Fact]
    public void No_file_means_no_defaults_and_a_bad_timeout_names_the_file()
    {
        var paths = Paths();
        Assert.Null(UserSettings.Load(paths).Dotfiles);
        Assert.Null(UserSettings.Load(paths).AutoStopSeconds);

        File.WriteAllText(UserSettings.FilePath(paths), """{ "autoStop": "soon" }""");
        var error = Assert.Throws<GitspaceException>(() => UserSettings.Load(paths));
        Assert.Contains(UserSettings.FilePath(paths), error.Message, StringComparison.Ordinal);

        File.WriteAllText(UserSettings.FilePath(paths), """{ "autoStop": 15 }""");
        Assert.Equal(900, UserSettings.Load(paths).AutoStopSeconds);
    }

    private static StatePaths Paths()
    {
        var root = TempDirectory.Create("settings");
        var paths = new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
        paths.EnsurePrivateRoots();
        return paths;
    }
}
