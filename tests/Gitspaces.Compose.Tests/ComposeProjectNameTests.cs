namespace Gitspaces.Compose.Tests;

public sealed class ComposeProjectNameTests
{
    [Theory]
    [InlineData("gitspace-Shop.Front_1", "gitspace-shopfront_1")]
    [InlineData("-_Lead", "lead")]
    [InlineData("ÄÖ!", "project")]
    public void KeepsWhatEveryComposeVersionAccepts(string text, string name) => Assert.Equal(name, ComposeProjectName.From(text));
}
