using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// The tests of the published program (artifacts/bin/gitspaces, Native AOT, as users get it) share one engine check and
/// run id, and run one after another on 2 cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishedProgramTests : ICollectionFixture<DockerTestRun>
{
    public const string Name = "published program";
}
