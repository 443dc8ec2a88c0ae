namespace Gitspaces.Git.Tests.Support;

/// <summary>The tests that change the process's git configuration variables: one at a time, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedGitConfiguration
{
    public const string Name = "git configuration";
}
