using Gitspaces.TestSupport;

namespace Gitspaces.SshProxy.Tests;

/// <summary>The proxy tests share one engine check and run id, and run one after another on 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProxyTests : ICollectionFixture<DockerTestRun>
{
    public const string Name = "proxy";
}
