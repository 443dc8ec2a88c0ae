using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>Several state homes (<c>GITSPACES_HOME</c>s) on one engine: each sees its own gitspaces unless it asks for all.</summary>
[Collection(DockerTests.Name)]
public sealed class StateHomeTests(DockerEnvironment environment)
{
    [Fact]
    public async Task List_shows_a_home_the_gitspaces_it_made_and_every_homes_only_when_asked()
    {
        var repo = environment.Repository("homes", Configs.Files(Configs.Image()));
        using var first = new Sandbox();
        using var second = new Sandbox();
        var id = environment.Name("homes");
        await first.CreateAsync(id, repo);
        try
        {
            var mine = await first.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker" }, CancellationToken.None);
            var others = await second.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker" }, CancellationToken.None);
            var all = await second.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker", Owner = GitspaceOwner.All }, CancellationToken.None);

            Assert.Contains(mine.Gitspaces, g => g.Id == id);
            Assert.DoesNotContain(others.Gitspaces, g => g.Id == id);
            Assert.Contains(all.Gitspaces, g => g.Id == id);

            // The owner is a random id kept in the home: the label names no path and no user.
            var owner = DockerCli.Docker("inspect", "-f", "{{index .Config.Labels \"dev.gitspaces.home\"}}", "gitspace-" + id);
            Assert.Matches("^[0-9a-f]{32}$", owner);
            Assert.Equal(owner, DockerCli.Docker("volume", "inspect", "-f", "{{index .Labels \"dev.gitspaces.home\"}}", $"gitspace-{id}-workspace"));
            Assert.DoesNotContain(owner, first.Home, StringComparison.Ordinal);
        }
        finally
        {
            await first.Service.DeleteAsync(id, null, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Two_homes_exclude_each_other_through_the_engine_and_a_dead_holders_lock_is_broken()
    {
        // The create holds the gitspace while its onCreateCommand runs; another home's delete meanwhile is refused.
        var repo = environment.Repository("homes-lock", Configs.Files(Configs.Image("""
            "onCreateCommand": "touch /tmp/on-create-started && sleep 4",
            """)));
        using var first = new Sandbox();
        using var second = new Sandbox();
        var id = environment.Name("homelock");
        var lockName = $"gitspace-{id}-lock";

        var creating = first.CreateAsync(id, repo);
        await WaitUntilAsync(() => DockerCli.Run("docker", "exec", "gitspace-" + id, "test", "-e", "/tmp/on-create-started").ExitCode == 0, creating);
        Assert.True(DockerCli.Exists("container", lockName), "the lock is a container on the engine while the create runs");
        var busy = await Assert.ThrowsAsync<GitspaceException>(() => second.Service.DeleteAsync(id, null, CancellationToken.None));
        await creating;

        Assert.Equal(ErrorCodes.GitspaceBusy, busy.Code);
        Assert.StartsWith($"Gitspace '{id}' is busy: another Gitspaces home on this Docker engine is running an operation on it since ", busy.Message, StringComparison.Ordinal);
        Assert.Contains($"docker rm {lockName}", busy.Details.Hint, StringComparison.Ordinal);
        Assert.False(DockerCli.Exists("container", lockName), "the lock goes with the operation");
        Assert.Equal(GitspaceState.Running, (await first.Service.GetAsync(id, CancellationToken.None)).State);

        // A holder that died holding the lock (this machine, its process gone) does not keep the gitspace forever.
        var lockImage = DockerCli.Docker("image", "inspect", "-f", "{{.Id}}", "gitspaces-lock:1");
        Assert.StartsWith("sha256:", lockImage, StringComparison.Ordinal);
        await using (await first.Provider.LockAsync(id, CancellationToken.None))
        {
            var labels = DockerCli.Docker("inspect", "-f", "{{json .Config.Labels}}", lockName);
            Assert.Contains("\"dev.gitspaces.lock.process\":\"" + Environment.ProcessId + "@", labels, StringComparison.Ordinal);
            Assert.Equal("none", DockerCli.Docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", lockName));
            Assert.Equal("created", DockerCli.Docker("inspect", "-f", "{{.State.Status}}", lockName));
        }

        DockerCli.Docker("create", "--name", lockName, "--network", "none",
            "--label", "dev.gitspaces.lock=" + id, "--label", "dev.gitspaces.lock.home=someone-else",
            "--label", "dev.gitspaces.lock.since=" + DateTimeOffset.UtcNow.AddDays(-2).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            "gitspaces-lock:1", "lock");
        var stopped = await second.Service.StopAsync(id, null, CancellationToken.None);

        Assert.Equal(GitspaceState.Stopped, stopped.State);
        Assert.False(DockerCli.Exists("container", lockName));
        await second.Service.DeleteAsync(id, null, CancellationToken.None);

        // Deleted by the other home: the first finds it gone on its next list, and forgets its keys and clone.
        await first.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker" }, CancellationToken.None);
        Assert.False(Directory.Exists(Path.Combine(first.Paths.DataDirectory, "docker", "clones", id)));
        Assert.False(Directory.Exists(Path.Combine(first.Paths.GitspaceDirectoryPath("docker", id), "ssh")));
    }

    [Fact]
    public async Task A_gitspace_removed_behind_our_back_leaves_no_keys_clone_or_ssh_entry_but_one_on_another_engine_is_kept()
    {
        var repo = environment.Repository("homes-gone", Configs.Files(Configs.Image()));
        using var sandbox = new Sandbox();
        var gone = environment.Name("gone");
        var elsewhere = environment.Name("elsewhere");
        await sandbox.CreateAsync(gone, repo);
        await sandbox.CreateAsync(elsewhere, repo);
        await sandbox.Service.ConnectAsync(gone, null, null, CancellationToken.None);
        await sandbox.Service.ConnectAsync(elsewhere, null, null, CancellationToken.None);
        var keys = Path.Combine(sandbox.Paths.GitspaceDirectoryPath("docker", gone), "ssh");
        var clone = Path.Combine(sandbox.Paths.DataDirectory, "docker", "clones", gone);
        var alias = sandbox.Hosts.FindAlias("docker", gone)!;
        Assert.True(Directory.Exists(keys) && Directory.Exists(clone));
        Assert.Contains(alias, await File.ReadAllTextAsync(sandbox.Hosts.KnownHostsPath), StringComparison.Ordinal);

        // "elsewhere" is recorded on another engine (the user switched DOCKER_HOST): missing here is not removed.
        var record = Path.Combine(sandbox.Paths.GitspaceDirectoryPath("docker", elsewhere), "docker-gitspace.json");
        var recorded = await File.ReadAllTextAsync(record);
        Assert.Contains("\"engine\":\"unix:", recorded, StringComparison.Ordinal);
        await File.WriteAllTextAsync(record, System.Text.RegularExpressions.Regex.Replace(recorded, "\"engine\":\"[^\"]*\"", "\"engine\":\"tcp://other-engine:2376/\""));
        foreach (var id in new[] { gone, elsewhere })
        {
            DockerCli.Docker("rm", "-f", "gitspace-" + id);
            DockerCli.Docker("volume", "rm", $"gitspace-{id}-workspace");
        }

        var listed = await sandbox.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "docker" }, CancellationToken.None);

        Assert.DoesNotContain(listed.Gitspaces, g => g.Id == gone || g.Id == elsewhere);
        Assert.False(Directory.Exists(keys));
        Assert.False(Directory.Exists(clone));
        Assert.Null(sandbox.Hosts.FindAlias("docker", gone));
        Assert.DoesNotContain(alias, await File.ReadAllTextAsync(sandbox.Hosts.KnownHostsPath), StringComparison.Ordinal);
        Assert.Contains(sandbox.Service.History.ReadEvents("docker", gone), e => e.Type == EventTypes.ActionStartCompleted);
        Assert.True(Directory.Exists(Path.Combine(sandbox.Paths.GitspaceDirectoryPath("docker", elsewhere), "ssh")), "a gitspace on another engine keeps its keys");
        Assert.NotNull(sandbox.Hosts.FindAlias("docker", elsewhere));
        sandbox.Hosts.Unregister("docker", elsewhere);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task running)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            if (running.IsCompleted)
            {
                await running;
                throw new InvalidOperationException("The operation ended before the condition held.");
            }

            await Task.Delay(100);
        }
    }
}
