using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Channels.Tests;

/// <summary>The tests that start containers share one engine check and run id, and run one after another on 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChannelTests : ICollectionFixture<DockerTestRun>
{
    public const string Name = "channels";
}
