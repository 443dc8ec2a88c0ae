using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Docker.Engine;
using Gitspaces.Git;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Personal;

/// <summary>
/// Installs the user's dotfiles in a new container, after the create-time lifecycle commands: the repository is cloned
/// on this machine (the user's git credentials, any engine, reachable or not from the container), copied into the
/// target folder as the remote user's, and its install command (or the first script the reference tools look for, or
/// else links of its dot-files into the home folder) runs there as the remote user, with the lifecycle commands'
/// environment. A failure is a warning: the gitspace is ready without them. See <c>docs/dotfiles.md</c>.
/// </summary>
internal sealed class DotfilesInstaller
{
    /// <summary>The step's name among the create-time hooks (<see cref="GitspaceRecord.CreateHooksDone"/>), after postCreateCommand.</summary>
    public const string Step = "dotfiles";

    /// <summary>Where the repository goes when no target path is given.</summary>
    public const string DefaultTarget = "~/dotfiles";

    /// <summary>
    /// The install step in the container, as the remote user in the target folder. Arguments: the target folder, the
    /// install command (may be empty). The scripts, in order, are those the reference CLI and DevPod try.
    /// </summary>
    public const string Script = """
        cd "$1" || exit 1
        run() { chmod +x "./$1" 2>/dev/null; echo "running $1"; exec "./$1"; }
        if [ -n "$2" ]; then
          if [ -f "./$2" ]; then run "$2"; fi
          echo "running $2"; exec /bin/sh -c "$2"
        fi
        for f in install.sh install bootstrap.sh bootstrap script/bootstrap setup.sh setup script/setup; do
          if [ -f "$f" ]; then run "$f"; fi
        done
        echo "no install script: linking the dotfiles into $HOME"
        for f in .[!.]* ..?*; do
          [ -e "$f" ] || continue
          case "$f" in .git|.github|.gitignore|.gitmodules|.gitattributes) continue;; esac
          ln -sfn "$PWD/$f" "$HOME/$f" && echo "linked ~/$f"
        done
        """;

    private readonly EngineClient engine;
    private readonly string cloneRoot;

    /// <summary>Initializes a new instance of the <see cref="DotfilesInstaller"/> class.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="cloneRoot">The folder clones are made in on this machine (removed after the copy).</param>
    public DotfilesInstaller(EngineClient engine, string cloneRoot)
    {
        this.engine = engine;
        this.cloneRoot = cloneRoot;
    }

    /// <summary>Returns the clone URL of a dotfiles repository as given: <c>owner/name</c> is GitHub's, as VS Code reads it.</summary>
    /// <param name="repository">The repository as given.</param>
    /// <returns>The URL or path to clone.</returns>
    public static string CloneUrlOf(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var text = repository.Trim();
        var shorthand = text.Count(c => c == '/') == 1 && !text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('.') && !text.StartsWith('/') && !text.StartsWith('~') && !Directory.Exists(text);
        return shorthand ? "https://github.com/" + text + ".git" : text;
    }

    /// <summary>Resolves the target folder: <c>~</c> is the remote user's home, a relative path is under it.</summary>
    /// <param name="targetPath">The target path as given, or <see langword="null"/>.</param>
    /// <param name="home">The remote user's home folder.</param>
    /// <returns>The absolute folder.</returns>
    public static string TargetOf(string? targetPath, string home)
    {
        var target = string.IsNullOrWhiteSpace(targetPath) ? DefaultTarget : targetPath.Trim();
        home = home.TrimEnd('/');
        return target == "~" ? home
            : target.StartsWith("~/", StringComparison.Ordinal) ? home + target[1..]
            : target.StartsWith('/') ? target
            : home + "/" + target;
    }

    /// <summary>Installs the dotfiles; a failure is reported as a warning, not thrown.</summary>
    /// <param name="id">The gitspace.</param>
    /// <param name="containerId">The container.</param>
    /// <param name="source">What to install.</param>
    /// <param name="runner">The lifecycle runner of the container: its user and environment.</param>
    /// <param name="reporter">Receives events and log lines.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>Whether the dotfiles were installed.</returns>
    public async Task<bool> InstallAsync(string id, string containerId, DotfilesSource source, LifecycleRunner runner, IGitspaceReporter reporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(reporter);
        var url = CloneUrlOf(source.Repository);
        var display = RepositoryUrl.WithoutCredentials(url);
        var started = DateTimeOffset.UtcNow;
        reporter.RecordEvent(id, EventTypes.DotfilesInstallStart, $"Installing dotfiles from {display}...");
        var folder = Path.Combine(this.cloneRoot, id);
        try
        {
            var passwd = await this.engine.ReadFileAsync(containerId, "/etc/passwd", cancellationToken);
            var user = PasswdEntry.Find(passwd, runner.User)
                ?? throw GitspaceException.OperationFailed(id, Step, $"the remote user '{runner.User}' is not in the container's /etc/passwd.");
            var target = TargetOf(source.TargetPath, user.Home);
            await RepositoryCloner.CloneAsync(new CloneRequest(url) { Depth = 1 }, folder, new ReporterCloneObserver(id, reporter, "[dotfiles] "), cancellationToken);
            using (var tar = TarArchives.FromFolderAndFiles(folder, target, user.Uid, user.Gid, [], cancellationToken))
            {
                await this.engine.PutArchiveAsync(containerId, "/", tar, cancellationToken);
            }

            reporter.WriteLog(id, "system", $"[dotfiles] {display} copied to {target}");
            var lines = new Queue<string>();
            var exitCode = await ContainerExec.RunAsync(
                this.engine,
                containerId,
                ["/bin/sh", "-c", Script, "sh", target, source.InstallCommand ?? string.Empty],
                runner.User,
                target,
                [.. runner.Environment, "HOME=" + user.Home],
                (stream, line) =>
                {
                    lock (lines)
                    {
                        lines.Enqueue(line);
                        if (lines.Count > 5)
                        {
                            lines.Dequeue();
                        }
                    }

                    reporter.WriteLog(id, stream, "[dotfiles] " + line);
                },
                cancellationToken);
            if (exitCode != 0)
            {
                string last;
                lock (lines)
                {
                    last = lines.Count > 0 ? ": " + lines.Last() : string.Empty;
                }

                return Warn(id, reporter, $"The dotfiles install of {display} failed with exit code {exitCode}{last}");
            }

            reporter.RecordEvent(id, EventTypes.DotfilesInstallCompleted, $"Installed dotfiles from {display} in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s");
            return true;
        }
        catch (GitspaceException ex)
        {
            return Warn(id, reporter, $"The dotfiles from {display} could not be installed: {ex.Message}");
        }
        catch (EngineException ex)
        {
            return Warn(id, reporter, $"The dotfiles from {display} could not be installed: {DockerFailures.EngineMessage(ex)}");
        }
        finally
        {
            RepositoryFolder.Delete(folder);
        }
    }

    private static bool Warn(string id, IGitspaceReporter reporter, string message)
    {
        // Ready with a warning, not broken: the gitspace works without the user's dotfiles.
        reporter.WriteLog(id, "stderr", "warning: " + message + "; the gitspace is ready without them.");
        reporter.RecordEvent(id, EventTypes.DotfilesInstallFailed, message + "; the gitspace is ready without them.");
        return false;
    }
}
