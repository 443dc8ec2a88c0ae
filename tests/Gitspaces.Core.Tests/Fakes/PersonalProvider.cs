using System.Collections.Concurrent;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>A provider with dotfiles, secrets and auto-stop that records what the service handed it.</summary>
internal sealed class PersonalProvider() : FakeProvider("personal"), IAutoStop, IDotfiles, IUserSecrets
{
    public ConcurrentQueue<CreateRequest> Creates { get; } = new();

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Secrets { get; } = new();

    public ConcurrentQueue<(string Id, int Seconds)> AutoStops { get; } = new();

    public string DefaultDotfilesTarget => "~/dotfiles";

    public string SecretsDelivery => "in memory";

    public override Task<Gitspace> CreateAsync(CreateRequest request, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        this.Creates.Enqueue(request);
        this.Secrets.Enqueue(context.SecretsFor(request.Repository.Url!));
        return base.CreateAsync(request, context);
    }

    public Task<Gitspace> SetAutoStopAsync(string id, int seconds, IOperationContext context)
    {
        this.AutoStops.Enqueue((id, seconds));
        return Task.FromResult(this.Gitspaces[id] with { AutoStopSeconds = seconds });
    }
}
