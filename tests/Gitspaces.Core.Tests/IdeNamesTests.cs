using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests;

public sealed class IdeNamesTests
{
    [Theory]
    [InlineData("vscode", "vs_code")]
    [InlineData("vs_code", "vs_code")]
    [InlineData("VS-Code", "vs_code")]
    [InlineData("vscode-web", "vs_code_web")]
    [InlineData("IntelliJ", "intellij")]
    [InlineData("cursor", "cursor")]
    [InlineData("notepad", null)]
    public void The_same_names_are_taken_everywhere(string typed, string? id) => Assert.Equal(id, IdeNames.Normalize(typed));

    [Fact]
    public async Task Create_takes_vscode_and_an_unknown_name_lists_the_names()
    {
        var root = TempDirectory.Create("ide-names");
        var service = new GitspaceService([new FakeProvider("fake")], new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config")));

        var created = await service.CreateAsync(new CreateGitspaceParams { Name = "app", Repository = new RepositorySource { Url = "https://example.test/app.git" }, Ide = "vscode" }, null, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(new CreateGitspaceParams { Name = "b", Repository = new RepositorySource { Url = "https://example.test/b.git" }, Ide = "notepad" }, null, CancellationToken.None));

        Assert.Equal("vs_code", created.Ide);
        Assert.Contains("vscode (vs_code)", refused.Message, StringComparison.Ordinal);
    }
}
