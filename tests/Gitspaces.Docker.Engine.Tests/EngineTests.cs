using Gitspaces.TestSupport;

namespace Gitspaces.Docker.Engine.Tests;

/// <summary>The tests that start containers share one engine check and run id, and run one after another on 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineTests : ICollectionFixture<DockerTestRun>
{
    public const string Name = "engine";
}
