using System.Diagnostics;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class ReconcileTests(DockerEnvironment environment)
{
    [Fact]
    public async Task ASidecarKilledMidCreateHoldsTheGitspaceWhileAlive_ThenAFreshOneListsItInErrorAndDeleteAndRetryWork()
    {
        var repo = environment.Repository("killed", Configs.Files(Configs.Image("""
            "postCreateCommand": "echo holding; while true; do sleep 0.2; done",
            "waitFor": "postCreateCommand",
            """)), new Dictionary<string, IReadOnlyDictionary<string, string>> { ["quick"] = Configs.Files(Configs.Image()) });
        var home = TempDirectory.Create("docker-home");
        using var sandbox = new Sandbox(home);
        var id = environment.Name("killed");

        // The separate process that drives the provider as a sidecar would; the test kills it mid-create.
        var start = new ProcessStartInfo(DotnetHost.Path) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gitspaces-docker-bench.dll"));
        foreach (var arg in new[] { "up", repo, "--name", id })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GITSPACES_HOME"] = home;
        start.Environment["HOME"] = sandbox.UserHome;
        using var child = Process.Start(start)!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (!sandbox.LogText(id).Contains("holding"))
            {
                if (child.HasExited)
                {
                    Assert.Fail("the child exited early: " + await child.StandardOutput.ReadToEndAsync());
                }

                Assert.True(DateTime.UtcNow < deadline, "the child never reached postCreateCommand");
                await Task.Delay(100);
            }

            // Two sidecars, one gitspace: the other process holds it, so this one is told it is busy.
            var busy = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.Service.DeleteAsync(id, null, CancellationToken.None));
            Assert.Equal(ErrorCodes.GitspaceBusy, busy.Code);
            var meanwhile = await sandbox.Service.GetAsync(id, CancellationToken.None);
            Assert.Equal(GitspaceState.Running, meanwhile.State);
            Assert.Equal(GitspaceReadiness.SettingUp, meanwhile.Readiness);
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        using var fresh = new Sandbox(home);
        var reconciled = await fresh.Service.GetAsync(id, CancellationToken.None);
        Assert.Equal(GitspaceState.Error, reconciled.State);
        Assert.Contains("sidecar stopped while it was running 'create'", reconciled.ErrorMessage, StringComparison.Ordinal);

        await fresh.Service.DeleteAsync(id, null, CancellationToken.None);
        Assert.False(DockerCli.Exists("container", "gitspace-" + id));
        Assert.False(DockerCli.Exists("volume", $"gitspace-{id}-workspace"));

        var retried = await fresh.CreateAsync(id, repo, "quick");
        Assert.Equal(GitspaceState.Running, retried.State);
        await fresh.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
