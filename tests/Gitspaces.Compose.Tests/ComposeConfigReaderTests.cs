namespace Gitspaces.Compose.Tests;

public sealed class ComposeConfigReaderTests
{
    [Fact]
    public void ReadsServicesWithBothVolumeSyntaxes_BuildForms_AndCommandsAsWords()
    {
        var project = ComposeConfigReader.Read("""
            name: shop
            services:
              app:
                build: /repo/.devcontainer
                user: dev
                entrypoint: /bin/sh -c 'echo "a b"'
                command: [sleep, infinity]
                network_mode: service:db
                volumes:
                  - /repo:/workspaces/repo:cached
                  - data:/data:ro
                  - /anonymous
                  - type: bind
                    source: /src
                    target: /dst
                    read_only: true
              db:
                image: postgres:16
                build:
                  context: /repo/db
                  dockerfile: Db.Dockerfile
                  target: dev
                command: null
            """);

        Assert.Equal("shop", project.Name);
        Assert.Equal(["app", "db"], project.Services.Select(s => s.Name));
        var app = project.Service("app")!;
        Assert.Equal(new ComposeBuild("/repo/.devcontainer", "Dockerfile", null), app.Build);
        Assert.Equal("dev", app.User);
        Assert.Equal(["/bin/sh", "-c", "echo \"a b\""], app.Entrypoint!);
        Assert.Equal(["sleep", "infinity"], app.Command!);
        Assert.Equal("service:db", app.NetworkMode);
        Assert.Equal(
            [
                new ComposeMount("bind", "/repo", "/workspaces/repo", false),
                new ComposeMount("volume", "data", "/data", true),
                new ComposeMount("volume", null, "/anonymous", false),
                new ComposeMount("bind", "/src", "/dst", true),
            ],
            app.Volumes);
        var db = project.Service("db")!;
        Assert.Equal("postgres:16", db.Image);
        Assert.Equal(new ComposeBuild("/repo/db", "Db.Dockerfile", "dev"), db.Build);
        Assert.Null(db.Command);
        Assert.Null(project.Service("web"));
    }

    [Fact]
    public void NotYamlOrNotAMapping_IsAFormatException()
    {
        Assert.Throws<FormatException>(() => ComposeConfigReader.Read("services: [unclosed"));
        Assert.Throws<FormatException>(() => ComposeConfigReader.Read("- a list"));
        Assert.Throws<FormatException>(() => ComposeConfigReader.Read(string.Empty));
    }

    [Fact]
    public void TheVersionOfAFileIsReadAsWritten_OrNullWithoutOne()
    {
        Assert.Equal("3.8", ComposeConfigReader.ReadVersion("version: '3.8'\nservices: {}\n"));
        Assert.Equal("2.4", ComposeConfigReader.ReadVersion("version: \"2.4\"\n"));
        Assert.Null(ComposeConfigReader.ReadVersion("services: {}\n"));
        Assert.Null(ComposeConfigReader.ReadVersion("services: [unclosed"));
    }
}
