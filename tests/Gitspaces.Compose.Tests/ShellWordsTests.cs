namespace Gitspaces.Compose.Tests;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("sleep infinity", new[] { "sleep", "infinity" })]
    [InlineData("  sh -c 'echo $HOME; exit 1'  ", new[] { "sh", "-c", "echo $HOME; exit 1" })]
    [InlineData("echo \"a \\\"quoted\\\" word\" b\\ c", new[] { "echo", "a \"quoted\" word", "b c" })]
    [InlineData("''", new[] { "" })]
    [InlineData("", new string[0])]
    public void SplitsAsAPosixShell(string text, string[] words) => Assert.Equal(words, ShellWords.Split(text));
}
