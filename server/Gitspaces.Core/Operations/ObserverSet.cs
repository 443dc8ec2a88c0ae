using Gitspaces.Protocol;

namespace Gitspaces.Core.Operations;

/// <summary>The observers of a service; one failing observer never stops an operation or the others.</summary>
internal sealed class ObserverSet
{
    private readonly Lock gate = new();
    private IGitspaceObserver[] observers = [];

    public IDisposable Add(IGitspaceObserver observer)
    {
        lock (this.gate)
        {
            this.observers = [.. this.observers, observer];
        }

        return new Subscription(this, observer);
    }

    public void Changed(Gitspace gitspace) => this.Each(o => o.OnChanged(gitspace));

    public void Event(string gitspaceId, GitspaceEvent gitspaceEvent) => this.Each(o => o.OnEvent(gitspaceId, gitspaceEvent));

    public void Log(string gitspaceId, LogLine line) => this.Each(o => o.OnLog(gitspaceId, line));

    private void Remove(IGitspaceObserver observer)
    {
        lock (this.gate)
        {
            this.observers = [.. this.observers.Where(o => !ReferenceEquals(o, observer))];
        }
    }

    private void Each(Action<IGitspaceObserver> action)
    {
        foreach (var observer in this.observers)
        {
#pragma warning disable CA1031 // An observer is a client's pipe; its failure must not fail the operation.
            try
            {
                action(observer);
            }
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }
    }

    private sealed class Subscription(ObserverSet owner, IGitspaceObserver observer) : IDisposable
    {
        public void Dispose() => owner.Remove(observer);
    }
}
