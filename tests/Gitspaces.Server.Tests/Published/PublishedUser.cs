using System.Text.Json.Nodes;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// Someone using the published <c>gitspaces</c> (artifacts/bin, Native AOT) from a shell: their own <c>HOME</c> and
/// <c>GITSPACES_HOME</c> in a temporary folder, the environment they run it with, and the gitspaces they made, deleted
/// at the end.
/// </summary>
internal sealed class PublishedUser : IAsyncDisposable
{
    /// <summary>How long one <c>up</c> may take on a loaded machine (a pull or build included).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly List<string> gitspaces = [];

    private PublishedUser(string program, string root)
    {
        this.Program = program;
        this.Root = root;
        this.Home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        this.GitspacesHome = Path.Combine(root, "gitspaces");
        this.Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = this.Home,
            ["GITSPACES_HOME"] = this.GitspacesHome,

            // Neither the machine's git configuration nor its docker login may decide a test.
            ["GIT_CONFIG_GLOBAL"] = Path.Combine(this.Home, ".gitconfig"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["DOCKER_CONFIG"] = Path.Combine(this.Home, ".docker"),
            ["GITSPACES_SSH_CONFIG"] = string.Empty,
            ["GITSPACES_HARNESS_TOKEN"] = string.Empty,
        };
    }

    /// <summary>Gets the published program.</summary>
    public string Program { get; }

    /// <summary>Gets the folder that holds everything of this user.</summary>
    public string Root { get; }

    /// <summary>Gets the user's <c>HOME</c>.</summary>
    public string Home { get; }

    /// <summary>Gets the user's <c>GITSPACES_HOME</c>.</summary>
    public string GitspacesHome { get; }

    /// <summary>Gets the environment every command runs with (an empty value removes the variable).</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>Makes a user of the published program, after checking that it is there.</summary>
    /// <returns>The user.</returns>
    public static async Task<PublishedUser> CreateAsync() => new(await RealSidecar.RequireAsync(), TempDirectory.Create("published-user"));

    /// <summary>Runs the program with the user's environment.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="timeout">How long it may take; <see cref="Patience"/> when null.</param>
    /// <returns>What it left.</returns>
    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        Run.ProgramAsync(this.Program, arguments, stdin: string.Empty, environment: this.Environment, timeout: timeout ?? Patience);

    /// <summary>Starts the program with the user's environment, for a test that reads its output as it comes or signals it.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="gitspace">The gitspace it makes, deleted at the end, or <see langword="null"/>.</param>
    /// <returns>The running process; stdin is closed.</returns>
    public System.Diagnostics.Process Start(IEnumerable<string> arguments, string? gitspace = null)
    {
        if (gitspace is not null)
        {
            this.gitspaces.Add(gitspace);
        }

        var process = System.Diagnostics.Process.Start(Run.StartInfo(this.Program, arguments, this.Environment))!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Starts <c>gitspaces serve</c> of the published program as an editor would, in the user's environment.</summary>
    /// <param name="arguments">Arguments after <c>serve</c>.</param>
    /// <returns>The running server.</returns>
    public SidecarProcess Serve(params string[] arguments) =>
        SidecarProcess.StartProgram(this.Program, this.GitspacesHome, this.Environment.ToDictionary(e => e.Key, e => e.Value.Length == 0 ? null : (string?)e.Value), arguments);

    /// <summary>Runs <c>gitspaces up &lt;source&gt; --name &lt;name&gt; [more]</c> and remembers the gitspace for clean-up.</summary>
    /// <param name="source">The repository.</param>
    /// <param name="name">The gitspace's name.</param>
    /// <param name="more">More arguments (for example <c>--json</c>).</param>
    /// <returns>What it left.</returns>
    public Task<ProcessResult> UpAsync(string source, string name, params string[] more)
    {
        this.gitspaces.Add(name);
        return this.RunAsync(["up", source, "--name", name, .. more]);
    }

    /// <summary>Runs <c>gitspaces up ... --json</c> and returns its one JSON line.</summary>
    /// <param name="source">The repository.</param>
    /// <param name="name">The gitspace's name.</param>
    /// <returns>The line, and what the process left.</returns>
    public async Task<(JsonObject Line, ProcessResult Result)> UpJsonAsync(string source, string name)
    {
        var result = await this.UpAsync(source, name, "--json");
        return (SingleJsonLine(result), result);
    }

    /// <summary>Returns the only line of stdout as a JSON object, failing the test when stdout holds anything else.</summary>
    /// <param name="result">A <c>--json</c> command's result.</param>
    /// <returns>The object.</returns>
    public static JsonObject SingleJsonLine(ProcessResult result)
    {
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"--json must print exactly one line on stdout:\n{result}");
        return JsonNode.Parse(lines[0]) as JsonObject ?? throw new Xunit.Sdk.XunitException($"stdout is not a JSON object:\n{result}");
    }

    /// <summary>Fails the test with the whole output unless the command ended with 0.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The same result.</returns>
    public static ProcessResult Succeeded(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in this.gitspaces)
        {
            try
            {
                await this.RunAsync(["delete", name, "--yes"], TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                // The run's fixture removes what is left of the run's containers and volumes.
            }
        }

        try
        {
            Directory.Delete(this.Root, recursive: true);
        }
        catch (IOException)
        {
            // A process of the test may still hold a file; the temp root is removed with the run.
        }
        catch (UnauthorizedAccessException)
        {
            // Files a container wrote as another user; the temp root is removed with the run.
        }
    }
}
