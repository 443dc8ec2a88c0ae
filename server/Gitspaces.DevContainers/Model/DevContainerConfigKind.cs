namespace Gitspaces.DevContainers.Model;

/// <summary>How the container is made, detected in the reference's order: Dockerfile, then image, then Docker Compose.</summary>
public enum DevContainerConfigKind
{
    /// <summary>None of <c>image</c>, <c>build.dockerfile</c>/<c>dockerFile</c> or <c>dockerComposeFile</c>: only usable on an existing container.</summary>
    None,

    /// <summary><c>image</c>.</summary>
    Image,

    /// <summary><c>build.dockerfile</c> or the legacy <c>dockerFile</c>.</summary>
    Dockerfile,

    /// <summary><c>dockerComposeFile</c>.</summary>
    DockerCompose,
}
