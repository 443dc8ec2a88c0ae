using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Personal;

/// <summary>
/// Dotfiles from a local git repository (cloned on this machine, copied in): linked into home without a script, an
/// install script run as the remote user after postCreateCommand, and a failing script that leaves the gitspace ready
/// with a warning (issue #18).
/// </summary>
[Collection(DockerTests.Name)]
public sealed class DotfilesTests(DockerEnvironment environment)
{
    private const string AsDev = """
        {
          "build": { "dockerfile": "Dockerfile" },
          "remoteUser": "dev",
          "postCreateCommand": "echo postcreate-ran > /tmp/postcreate",
        }
        """;

    [Fact]
    public async Task Without_a_script_the_dot_files_are_linked_into_the_remote_users_home()
    {
        var dotfiles = environment.Repository("dotlink", new Dictionary<string, string> { [".bash_aliases"] = "alias ll='ls -l'\n", [".config-x"] = "x\n", ["README.md"] = "not linked\n" });
        var repo = environment.Repository("dotlinkrepo", Configs.Files(AsDev, (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nRUN useradd -m dev\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("dotlink");

        var created = await sandbox.Service.CreateAsync(new CreateGitspaceParams { Name = id, Repository = new RepositorySource { Url = repo }, Dotfiles = new DotfilesSource { Repository = dotfiles } }, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceReadiness.Ready, (await sandbox.Service.GetAsync(id, CancellationToken.None)).Readiness);
        Assert.Equal("/home/dev/dotfiles/.bash_aliases", DockerCli.Docker("exec", "gitspace-" + id, "readlink", "/home/dev/.bash_aliases"));
        Assert.Equal("/home/dev/dotfiles/.config-x", DockerCli.Docker("exec", "gitspace-" + id, "readlink", "/home/dev/.config-x"));
        Assert.False(DockerCli.Run("docker", "exec", "gitspace-" + id, "test", "-e", "/home/dev/README.md").ExitCode == 0, "only dot-files are linked");
        Assert.Equal("dev", DockerCli.Docker("exec", "gitspace-" + id, "stat", "-c", "%U", "/home/dev/dotfiles/.bash_aliases"));
        var events = (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).Select(e => e.Type).ToList();
        Assert.Contains(EventTypes.DotfilesInstallCompleted, events);
        Assert.Contains(sandbox.LogText(id), l => l == "[dotfiles] linked ~/.bash_aliases");
        Assert.Equal(GitspaceState.Running, created.State);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task The_install_script_runs_as_the_remote_user_after_postCreate_and_a_failing_one_is_a_warning()
    {
        var installs = environment.Repository("dotinstall", new Dictionary<string, string>
        {
            ["install.sh"] = "#!/bin/sh\nset -e\necho \"install as $(id -un) in $PWD home $HOME after $(cat /tmp/postcreate)\"\nid -un > \"$HOME/installed-by\"\n",
            ["setup.sh"] = "#!/bin/sh\necho setup-must-not-run > \"$HOME/setup-ran\"\n",
        });
        var fails = environment.Repository("dotfail", new Dictionary<string, string> { ["bootstrap"] = "#!/bin/sh\necho about to fail\nexit 7\n" });
        var repo = environment.Repository("dotinstallrepo", Configs.Files(AsDev, (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nRUN useradd -m dev\n")));
        using var sandbox = new Sandbox();
        var good = environment.Name("dotinstall");
        var bad = environment.Name("dotfail");

        await sandbox.Service.CreateAsync(new CreateGitspaceParams { Name = good, Repository = new RepositorySource { Url = repo }, Dotfiles = new DotfilesSource { Repository = installs, TargetPath = ".dots" } }, null, CancellationToken.None);
        await sandbox.Service.CreateAsync(new CreateGitspaceParams { Name = bad, Repository = new RepositorySource { Url = repo }, Dotfiles = new DotfilesSource { Repository = fails } }, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync();

        Assert.Equal("dev", DockerCli.Docker("exec", "gitspace-" + good, "cat", "/home/dev/installed-by"));
        Assert.False(DockerCli.Run("docker", "exec", "gitspace-" + good, "test", "-e", "/home/dev/setup-ran").ExitCode == 0, "only the first script runs");
        Assert.Contains(sandbox.LogText(good), l => l == "[dotfiles] install as dev in /home/dev/.dots home /home/dev after postcreate-ran");

        var failed = await sandbox.Service.GetAsync(bad, CancellationToken.None);
        Assert.Equal(GitspaceState.Running, failed.State);
        Assert.Equal(GitspaceReadiness.Ready, failed.Readiness);
        var events = await sandbox.Service.GetEventsAsync(bad, CancellationToken.None);
        var warning = Assert.Single(events, e => e.Type == EventTypes.DotfilesInstallFailed);
        Assert.Contains("exit code 7: about to fail", warning.Message, StringComparison.Ordinal);
        Assert.Contains(sandbox.LogText(bad), l => l.StartsWith("warning: The dotfiles install of ", StringComparison.Ordinal));

        // A rebuild is a new container: the dotfiles go in again.
        DockerCli.Docker("exec", "gitspace-" + good, "rm", "/home/dev/installed-by");
        await sandbox.Service.RebuildAsync(good, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(good);
        Assert.Equal("dev", DockerCli.Docker("exec", "gitspace-" + good, "cat", "/home/dev/installed-by"));

        await sandbox.Service.DeleteAsync(good, null, CancellationToken.None);
        await sandbox.Service.DeleteAsync(bad, null, CancellationToken.None);
    }
}
