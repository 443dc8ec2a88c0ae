namespace Gitspaces.Providers.Docker.Tests.Compose;

/// <summary>Compose files shaped like the official templates' (an app service and a database), from the local base image.</summary>
internal static class ComposeConfigs
{
    /// <summary>The templates' app + db: the app shares the database's network and mounts the repository's parent at /workspaces.</summary>
    public static string AppAndDatabase(string appExtra = "", string version = "version: '3.8'\n") => $$"""
        {{version}}services:
          app:
            image: {{DockerEnvironment.BaseImage}}
            volumes:
              - ../..:/workspaces:cached
            command: sleep infinity
            network_mode: service:db
            env_file: app.env
            environment:
              FROM_DOTENV: ${GREETING}
        {{appExtra}}
          db:
            image: {{DockerEnvironment.BaseImage}}
            command: ["sh", "-c", "echo db-up > /tmp/ready; exec sleep infinity"]
            volumes:
              - db-data:/data
        volumes:
          db-data:
        """;

    /// <summary>The files next to the compose file: compose's .env and the app's env_file.</summary>
    public static (string Path, string Content)[] EnvFiles =>
    [
        (".devcontainer/.env", "GREETING=hello-dotenv\n"),
        (".devcontainer/app.env", "FROM_ENV_FILE=yes\n"),
    ];
}
