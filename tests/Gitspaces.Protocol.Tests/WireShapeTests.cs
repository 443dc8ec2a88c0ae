using System.Text;
using System.Text.Json;
using Gitspaces.TestSupport;

namespace Gitspaces.Protocol.Tests;

/// <summary>
/// Pins the exact JSON of every message shape: a change of a name, a casing, an enum string or a null handling
/// shows up as a diff of <c>Golden/wire-shapes.jsonl</c>.
/// </summary>
public sealed class WireShapeTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly Gitspace SampleGitspace = new()
    {
        Id = "my-repo",
        Name = "my-repo",
        Provider = "docker",
        Repository = new GitspaceRepository { Url = "https://example.com/org/my-repo.git", Branch = "main", Commit = "0123456789abcdef0123456789abcdef01234567" },
        DevcontainerPath = ".devcontainer/devcontainer.json",
        Ide = Ides.VsCode,
        State = GitspaceState.Running,
        Readiness = GitspaceReadiness.Ready,
        CreatedAt = Created,
        UpdatedAt = Created.AddMinutes(1),
        WorkspaceFolder = "/workspaces/my-repo",
        RemoteUser = "vscode",
        SshHost = "gitspace-my-repo",
        Image = "mcr.microsoft.com/devcontainers/base:bookworm",
    };

    [Fact]
    public void EveryMessageShapeSerializesExactlyAsPinned()
    {
        var context = GitspacesJsonContext.Default;
        var token = JsonDocument.Parse("\"create-1\"").RootElement;
        var lines = new StringBuilder();
        void Add<T>(string name, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
            lines.Append(name).Append(' ').Append(JsonSerializer.Serialize(value, info)).Append('\n');

        Add("initialize.params", new InitializeParams { ProcessId = 4242, ClientInfo = new ClientInfo { Name = "vscode", Version = "1.100.3" }, Capabilities = new ClientCapabilities { WorkDoneProgress = true } }, context.InitializeParams);
        Add("initialize.result", new InitializeResult { ServerInfo = new ServerInfo { Name = "gitspaces", Version = "0.1.0" }, ProtocolVersion = ProtocolInfo.Version, Capabilities = new ServerCapabilities { Providers = ["docker", "harness"], Ides = [Ides.VsCode], Methods = [Methods.GitspacesCreate] } }, context.InitializeResult);
        Add("shutdown.result", new ShutdownResult(), context.ShutdownResult);
        Add("devcontainer/read.params", new DevcontainerReadParams { Repository = new RepositorySource { Path = "/src/my-repo" }, ConfigPath = ".devcontainer/python/devcontainer.json" }, context.DevcontainerReadParams);
        Add("devcontainer/read.result", new DevcontainerReadResult
        {
            Configuration = JsonDocument.Parse("{\"image\":\"debian:bookworm\"}").RootElement,
            Workspace = new WorkspaceInfo { WorkspaceFolder = "/workspaces/my-repo", WorkspaceMount = "type=bind,source=/src/my-repo,target=/workspaces/my-repo,consistency=cached" },
            ConfigFilePath = "/src/my-repo/.devcontainer/devcontainer.json",
            Diagnostics = [new Diagnostic { File = "/src/my-repo/.devcontainer/devcontainer.json", Line = 3, Column = 5, Severity = "warning", Message = "Unknown property 'imagee'.", Code = "unknown-property", Path = "$.imagee" }],
            Candidates = [".devcontainer/devcontainer.json"],
        }, context.DevcontainerReadResult);
        Add("gitspaces/list.params", new ListGitspacesParams { Provider = "docker" }, context.ListGitspacesParams);
        Add("gitspaces/list.result", new ListGitspacesResult { Gitspaces = [SampleGitspace], Problems = [new ProviderProblem { Provider = "harness", Code = ErrorCodes.Unauthorized, Message = "The token was refused." }] }, context.ListGitspacesResult);
        Add("gitspaces/get.params", new GetGitspaceParams { Id = "my-repo" }, context.GetGitspaceParams);
        Add("gitspaces/get.result", new GetGitspaceResult { Gitspace = SampleGitspace }, context.GetGitspaceResult);
        Add("gitspaces/create.params", new CreateGitspaceParams { Name = "my-repo", Repository = new RepositorySource { Url = "https://example.com/org/my-repo.git", Branch = "main" }, DevcontainerPath = ".devcontainer/devcontainer.json", Provider = "harness", Ide = Ides.IntelliJ, Resource = new ResourceSpec { InfraProvider = "default", MachineType = "standard", Region = "us-west" }, WorkDoneToken = token }, context.CreateGitspaceParams);
        Add("gitspaces/create.result", new CreateGitspaceResult { Gitspace = SampleGitspace with { State = GitspaceState.Error, Readiness = null, ErrorMessage = "postCreateCommand failed with exit code 2" } }, context.CreateGitspaceResult);
        Add("gitspaces/start.params", new StartGitspaceParams { Id = "my-repo", WorkDoneToken = JsonDocument.Parse("7").RootElement }, context.StartGitspaceParams);
        Add("gitspaces/stop.result", new StopGitspaceResult { Gitspace = SampleGitspace with { State = GitspaceState.Stopped, Readiness = null } }, context.StopGitspaceResult);
        Add("gitspaces/rebuild.params", new RebuildGitspaceParams { Id = "my-repo" }, context.RebuildGitspaceParams);
        Add("gitspaces/delete.result", new DeleteGitspaceResult { Id = "my-repo", Deleted = true }, context.DeleteGitspaceResult);
        Add("gitspaces/events.result", new GitspaceEventsResult { Events = [new GitspaceEvent { Type = EventTypes.FetchDevcontainerStart, Message = "Fetching devcontainer configuration...", Timestamp = Created }] }, context.GitspaceEventsResult);
        Add("gitspaces/logs.params", new GitspaceLogsParams { Id = "my-repo", From = 10, Limit = 100 }, context.GitspaceLogsParams);
        Add("gitspaces/logs.result", new GitspaceLogsResult { Lines = [new LogLine { Pos = 10, Line = "Cloning into '/workspaces/my-repo'...", Time = Created, Stream = "system" }], Next = 11 }, context.GitspaceLogsResult);
        Add("gitspaces/connect.params", new ConnectParams { Id = "my-repo", Ide = Ides.PyCharm }, context.ConnectParams);
        Add("gitspaces/connect.result", new ConnectResult
        {
            SshHost = "gitspace-my-repo",
            User = "vscode",
            WorkspaceFolder = "/workspaces/my-repo",
            SshCommand = "ssh -t gitspace-my-repo 'cd /workspaces/my-repo && exec $SHELL -l'",
            RemoteUri = "vscode-remote://ssh-remote+gitspace-my-repo/workspaces/my-repo",
            Links = new ConnectLinks { Vscode = "vscode://vscode-remote/ssh-remote+gitspace-my-repo/workspaces/my-repo" },
            Gitspace = SampleGitspace,
        }, context.ConnectResult);
        var hosted = SampleGitspace with
        {
            Id = "shop-x1y2z3",
            Name = "Shop (new look)",
            Provider = "harness",
            Repository = new GitspaceRepository { Url = "https://github.com/acme/shop.git", Branch = "main", Type = "github" },
            Ide = Ides.IntelliJ,
            State = GitspaceState.Stopped,
            Readiness = null,
            SshHost = null,
            Image = "Large (4 CPU, 16GB) in us-west",
            Resource = new ResourceSpec { InfraProvider = "harness-hosted", MachineType = "large", Region = "us-west" },
            SshKeyId = "laptop-key",
            LastUsedAt = Created.AddHours(2),
        };
        Add("gitspaces/list.params+filters", new ListGitspacesParams { Provider = "harness", Query = "shop", States = [GitspaceState.Running, GitspaceState.Error], Owner = GitspaceOwner.All, Sort = GitspaceListSort.LastUsed }, context.ListGitspacesParams);
        Add("gitspaces/create.params+hosted", new CreateGitspaceParams { Name = "Shop (new look)", Repository = new RepositorySource { Url = "https://github.acme.test/team/shop.git", Type = "github_enterprise" }, Provider = "harness", SshKeyId = "laptop-key" }, context.CreateGitspaceParams);
        Add("gitspaces/update.params", new UpdateGitspaceParams { Id = "shop-x1y2z3", Name = "Shop (new look)", Ide = Ides.IntelliJ, Resource = new ResourceSpec { MachineType = "large" }, SshKeyId = "laptop-key", WorkDoneToken = token }, context.UpdateGitspaceParams);
        Add("gitspaces/update.result", new UpdateGitspaceResult { Gitspace = hosted }, context.UpdateGitspaceResult);
        Add("gitspaces/create-options.params", new CreateOptionsParams { Provider = "harness" }, context.CreateOptionsParams);
        Add("gitspaces/create-options.result", new CreateOptionsResult
        {
            Ides = [Ides.VsCode, Ides.VsCodeWeb, Ides.IntelliJ],
            Machines = [new MachineOption { InfraProvider = "harness-hosted", InfraProviderName = "Harness Cloud", Hosting = "hosted", MachineType = "standard", Name = "Standard", Region = "us-west", RegionName = "US West", Cpu = "2", Memory = "8GB", Disk = "30GB", AutoStopMinutes = 30 }],
            RepositoryTypes = ["github", "harness_code"],
            Ssh = true,
            SshKeys = true,
        }, context.CreateOptionsResult);
        Add("gitspaces/list-repos.params", new ListReposParams { Provider = "harness", RepositoryType = "github", Search = "api" }, context.ListReposParams);
        Add("gitspaces/list-repos.result", new ListReposResult { Repositories = [new RepositoryOption { Name = "acme/api", Url = "https://github.com/acme/api.git", DefaultBranch = "trunk" }] }, context.ListReposResult);
        Add("gitspaces/list-branches.params", new ListBranchesParams { Provider = "harness", Url = "https://github.com/acme/api.git", RepositoryType = "github", Search = "feature" }, context.ListBranchesParams);
        Add("gitspaces/list-branches.result", new ListBranchesResult { Branches = ["feature/login", "feature/search"] }, context.ListBranchesResult);
        var webForward = new PortForward { Port = 3000, LocalPort = 3001, Url = "http://127.0.0.1:3001/", Owner = "server", ProcessId = 4242 };
        Add("gitspaces/ports.params", new ListPortsParams { Id = "my-repo" }, context.ListPortsParams);
        Add("gitspaces/ports.result", new ListPortsResult
        {
            Ports =
            [
                new GitspacePort { Port = 3000, Configured = true, Listening = true, Attributes = new PortAttributes { Label = "Web", OnAutoForward = "openBrowser" }, Forward = webForward },
                new GitspacePort { Port = 5432, Service = "db", Configured = true, Attributes = new PortAttributes { RequireLocalPort = true } },
            ],
        }, context.ListPortsResult);
        Add("gitspaces/ports/forward.params", new ForwardPortParams { Id = "my-repo", Port = 3000, LocalPort = 3000, RequireLocalPort = false }, context.ForwardPortParams);
        Add("gitspaces/ports/forward.result", new ForwardPortResult { Forward = webForward }, context.ForwardPortResult);
        Add("gitspaces/ports/stop.params", new StopPortForwardParams { Id = "my-repo", Port = 5432, Service = "db" }, context.StopPortForwardParams);
        Add("gitspaces/ports/stop.result", new StopPortForwardResult { Stopped = [webForward] }, context.StopPortForwardResult);
        Add("gitspaces/portsChanged", new PortsChangedParams { Id = "my-repo", Provider = "docker", Ports = [new GitspacePort { Port = 8080, Listening = true, Attributes = new PortAttributes() }], Opened = [8080] }, context.PortsChangedParams);
        Add("providers/list.result", new ListProvidersResult { Providers = [new ProviderInfo { Id = "docker", DisplayName = "Docker (self-hosted)", Kind = "self-hosted", Configured = true, Reachable = false, Endpoint = "unix:///var/run/docker.sock", Message = "The Docker engine does not answer." }] }, context.ListProvidersResult);
        Add("providers/configure.params", new ConfigureProviderParams { Provider = "harness", Endpoint = "https://app.harness.io", AccountIdentifier = "acc", OrgIdentifier = "default", ProjectIdentifier = "proj", Token = "pat.secret", Flavour = "cde" }, context.ConfigureProviderParams);
        Add("gitspaces/didChange", new DidChangeParams { Gitspace = SampleGitspace with { State = GitspaceState.Starting, Readiness = null } }, context.DidChangeParams);
        Add("gitspaces/event", new GitspaceEventParams { GitspaceId = "my-repo", Event = new GitspaceEvent { Type = EventTypes.AgentGitspaceCreationCompleted, Message = "Gitspace container set up", Timestamp = Created } }, context.GitspaceEventParams);
        Add("gitspaces/log", new GitspaceLogParams { GitspaceId = "my-repo", Pos = 3, Line = "Step 2/5 : RUN apt-get update", Time = Created, Stream = "stdout" }, context.GitspaceLogParams);
        Add("$/progress", new ProgressParams { Token = token, Value = new WorkDoneProgress { Kind = "begin", Title = "Creating gitspace", Cancellable = true } }, context.ProgressParams);
        Add("window/logMessage", new LogMessageParams { Type = 3, Message = "Docker engine 20.10.24 (API 1.41)" }, context.LogMessageParams);
        Add("error.data", new ErrorData { Kind = nameof(ErrorCodes.GitspaceBusy), GitspaceId = "my-repo", State = "starting", Hint = "Wait for the other operation to finish, then try again." }, context.ErrorData);
        Add("error.data.untrusted", new ErrorData { Kind = nameof(ErrorCodes.RepositoryUntrusted), GitspaceId = "app", Repository = "https://example.com/org/app.git", HostAccess = [new HostAccessEntry { Kind = "hostMount", Property = "$.mounts[0]", Detail = "this machine's /home/me/.aws mounted at /aws" }], Hint = "Trust the repository and try again." }, context.ErrorData);

        Golden.Match("tests/Gitspaces.Protocol.Tests/Golden/wire-shapes.txt", lines.ToString());
    }

    [Fact]
    public void EnumsTravelAsTheirWireStrings()
    {
        Assert.Equal("\"setting_up\"", JsonSerializer.Serialize(GitspaceReadiness.SettingUp, GitspacesJsonContext.Default.Options));
        Assert.Equal("\"uninitialized\"", JsonSerializer.Serialize(GitspaceState.Uninitialized, GitspacesJsonContext.Default.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"id\":\"a\",\"name\":\"a\",\"provider\":\"docker\",\"repository\":{\"url\":\"u\"},\"ide\":\"vs_code\",\"state\":\"exploded\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}", GitspacesJsonContext.Default.Gitspace));
    }

    [Fact]
    public void UnknownPropertiesFromNewerClientsAreIgnored()
    {
        var parsed = JsonSerializer.Deserialize("{\"id\":\"x\",\"futureOption\":true}", GitspacesJsonContext.Default.GetGitspaceParams);
        Assert.Equal("x", parsed!.Id);
    }
}
