using System.Net;
using System.Net.Sockets;
using Gitspaces.Core;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Tests.StandIn;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>A stand-in control plane, a temp <c>GITSPACES_HOME</c> and a provider configured for one API flavour.</summary>
internal sealed class HarnessTestBed : IAsyncDisposable
{
    public const string Token = "pat.s3cr3t-T0KEN-never-log-me.9f8e7d";

    private readonly IDisposable subscription;

    private HarnessTestBed(HarnessStandIn standIn, string home, HarnessFlavour flavour, HarnessProvider provider)
    {
        this.StandIn = standIn;
        this.Home = home;
        this.Flavour = flavour;
        this.Provider = provider;
        this.Paths = new StatePaths(home, Path.Combine(home, "config"));
        this.Service = new GitspaceService([provider], this.Paths);
        this.subscription = this.Service.Subscribe(this.Observer);
    }

    /// <summary>Gets the service over the provider, as the RPC host and the CLI use it.</summary>
    public GitspaceService Service { get; }

    /// <summary>Gets what the service told observers (what would go out as notifications).</summary>
    public RecordingObserver Observer { get; } = new();

    public HarnessStandIn StandIn { get; }

    public string Home { get; }

    public StatePaths Paths { get; }

    public HarnessFlavour Flavour { get; }

    public HarnessProvider Provider { get; }

    public static HarnessProviderOptions FastOptions { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        MaxPollInterval = TimeSpan.FromMilliseconds(200),
        WatchInterval = TimeSpan.FromMilliseconds(100),
        OperationTimeout = TimeSpan.FromSeconds(60),
        LogDrainTimeout = TimeSpan.FromSeconds(2),
        Http = new HarnessClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(20) },
    };

    public static async Task<HarnessTestBed> StartAsync(HarnessFlavour flavour, bool configure = true, Func<string, string?>? environment = null, TimeSpan? step = null, HarnessProviderOptions? options = null)
    {
        var standIn = await HarnessStandIn.StartAsync(Token, step);
        var home = Directory.CreateTempSubdirectory("gitspaces-harness-").FullName;
        var paths = new StatePaths(home, Path.Combine(home, "config"));
        var provider = new HarnessProvider(paths, options ?? FastOptions, environment ?? (_ => null));
        var bed = new HarnessTestBed(standIn, home, flavour, provider);
        if (configure)
        {
            await provider.ConfigureAsync(bed.ConfigureParams(), CancellationToken.None);
        }

        return bed;
    }

    public ConfigureProviderParams ConfigureParams(string? token = Token, string? endpoint = null) => this.Flavour == HarnessFlavour.Cde
        ? new ConfigureProviderParams
        {
            Provider = "harness",
            Endpoint = endpoint ?? this.StandIn.BaseAddress.ToString(),
            AccountIdentifier = HarnessStandIn.Account,
            OrgIdentifier = HarnessStandIn.Org,
            ProjectIdentifier = HarnessStandIn.Project,
            Token = token,
            Flavour = "cde",
        }
        : new ConfigureProviderParams
        {
            Provider = "harness",
            Endpoint = endpoint ?? this.StandIn.BaseAddress.ToString(),
            SpacePath = HarnessStandIn.Space,
            Token = token,
            Flavour = "oss",
        };

    /// <summary>Returns a loopback port nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Returns every file under the home whose contents hold the token, except the token file itself.</summary>
    public IReadOnlyList<string> FilesHoldingToken() =>
        [.. Directory.EnumerateFiles(this.Home, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "harness.token")
            .Where(f => File.ReadAllText(f).Contains(Token, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        this.subscription.Dispose();
        this.Provider.Dispose();
        await this.StandIn.DisposeAsync();
        Directory.Delete(this.Home, recursive: true);
    }
}
