namespace Gitspaces.Providers.Docker.Tests;

/// <summary>Docker tests share one engine, one base image and one git daemon, and run one after another on 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class DockerTests : ICollectionFixture<DockerEnvironment>
{
    public const string Name = "docker";
}
