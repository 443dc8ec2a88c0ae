using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Notices changes made elsewhere (the web UI, another machine, auto-stop) by listing gitspaces periodically and
/// reporting each one whose state or instance changed, and each that disappeared. An unreachable control plane
/// only slows the polling down.
/// </summary>
internal sealed class HarnessWatcher
{
    private readonly Func<HarnessClient> createClient;
    private readonly HarnessProviderOptions options;

    public HarnessWatcher(Func<HarnessClient> createClient, HarnessProviderOptions options)
    {
        this.createClient = createClient;
        this.options = options;
    }

    public async Task RunAsync(Action<Gitspace> onChange, CancellationToken cancellationToken)
    {
        Dictionary<string, (string Key, HarnessGitspaceConfig Config)>? known = null;
        var delay = this.options.WatchInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var now = (await this.createClient().ListAllGitspacesAsync(cancellationToken))
                    .ToDictionary(g => g.Identifier, g => (Key(g), g), StringComparer.Ordinal);
                if (known is not null)
                {
                    foreach (var (id, (key, config)) in now)
                    {
                        if (!known.TryGetValue(id, out var before) || before.Key != key)
                        {
                            onChange(HarnessMapping.ToGitspace(config));
                        }
                    }

                    foreach (var (id, (_, config)) in known.Where(k => !now.ContainsKey(k.Key)))
                    {
                        onChange(HarnessMapping.ToGitspace(config) with { State = GitspaceState.Deleted, Readiness = null, UpdatedAt = DateTimeOffset.UtcNow });
                    }
                }

                known = now;
                delay = this.options.WatchInterval;
            }
            catch (GitspaceException)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks));
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string Key(HarnessGitspaceConfig config) =>
        $"{config.State}|{config.Instance?.Identifier}|{config.Instance?.State}|{config.Instance?.ErrorMessage}|{config.Name}";
}
