namespace Gitspaces.Compose.Tests;

public sealed class ComposeOverrideWriterTests
{
    [Fact]
    public void WritesOnlyWhatIsSet_QuotesEveryValue_AndDoublesDollars()
    {
        var text = ComposeOverrideWriter.Write(new ComposeOverride
        {
            Version = "3.8",
            Services =
            [
                new ComposeServiceOverride
                {
                    Name = "app",
                    ContainerName = "gitspace-x",
                    Entrypoint = ["/bin/sh", "-c", "exec \"$@\"", "-"],
                    Command = [],
                    Init = true,
                    Environment = new Dictionary<string, string> { ["A"] = "c$1 'q'" },
                    Labels = new Dictionary<string, string> { ["dev.gitspaces.id"] = "x" },
                    Volumes = ["gitspace-x-workspace:/workspaces"],
                },
                new ComposeServiceOverride { Name = "db" },
            ],
            ExternalVolumes = ["gitspace-x-workspace"],
            Volumes = ["cache"],
        });

        Assert.Equal(
            """
            version: "3.8"
            services:
              "app":
                container_name: "gitspace-x"
                entrypoint:
                - "/bin/sh"
                - "-c"
                - "exec \"$$@\""
                - "-"
                command: []
                init: true
                environment:
                  "A": "c$$1 'q'"
                labels:
                  "dev.gitspaces.id": "x"
                volumes:
                - "gitspace-x-workspace:/workspaces"
              "db": {}
            volumes:
              "gitspace-x-workspace":
                external: true
              "cache": {}

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }
}
