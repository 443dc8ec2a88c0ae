using Xunit;

namespace Gitspaces.Ssh.Tests.Support;

/// <summary>Tests that start containers run one at a time: the machine has two cores and other builds run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerTests
{
    public const string Name = "docker";
}
