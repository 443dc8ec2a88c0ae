namespace Gitspaces.DevContainers;

/// <summary>The stable codes of <see cref="DevContainerDiagnostic.Code"/>.</summary>
public static class DiagnosticCodes
{
    /// <summary>No configuration file was found, or the given one does not exist.</summary>
    public const string ConfigNotFound = "config-not-found";

    /// <summary>An explicit configuration file is not named devcontainer.json or .devcontainer.json.</summary>
    public const string ConfigFileName = "config-file-name";

    /// <summary>The file could not be read.</summary>
    public const string ReadFailed = "read-failed";

    /// <summary>The file is empty or holds only comments and whitespace.</summary>
    public const string EmptyFile = "empty-file";

    /// <summary>The top-level value is not an object.</summary>
    public const string NotAnObject = "not-an-object";

    /// <summary>The file is not valid UTF-8; invalid bytes were replaced.</summary>
    public const string InvalidUtf8 = "invalid-utf8";

    /// <summary>The file is larger than a configuration should be.</summary>
    public const string FileTooLarge = "file-too-large";

    /// <summary>Values nest deeper than the reader accepts.</summary>
    public const string NestingTooDeep = "nesting-too-deep";

    /// <summary>A JSON syntax error the reader recovered from, as the reference does.</summary>
    public const string SyntaxError = "syntax-error";

    /// <summary>A trailing comma (accepted, as the reference accepts it).</summary>
    public const string TrailingComma = "trailing-comma";

    /// <summary>A key repeated in one object; the last one wins.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>A value of the wrong JSON type.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A string outside the values the property allows.</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A property the specification does not define.</summary>
    public const string UnknownProperty = "unknown-property";

    /// <summary>A property that still works but has a newer replacement.</summary>
    public const string Deprecated = "deprecated";

    /// <summary>None of image, build.dockerfile / dockerFile or dockerComposeFile is set.</summary>
    public const string MissingKind = "missing-kind";

    /// <summary>A property required by the configuration's kind is missing (for example <c>service</c> for Docker Compose).</summary>
    public const string MissingProperty = "missing-property";

    /// <summary>A Dockerfile, build context or compose file path leaves the repository.</summary>
    public const string PathOutsideRepository = "path-outside-repository";

    /// <summary>A file the configuration names does not exist.</summary>
    public const string FileNotFound = "file-not-found";

    /// <summary>A variable the reference cannot resolve (for example <c>${localEnv}</c> without a name).</summary>
    public const string InvalidVariable = "invalid-variable";

    /// <summary>A Feature id that cannot be used.</summary>
    public const string InvalidFeature = "invalid-feature";

    /// <summary>A cycle among Features' dependsOn / installsAfter.</summary>
    public const string FeatureCycle = "feature-cycle";

    /// <summary>The image's devcontainer.metadata label is not valid.</summary>
    public const string InvalidMetadata = "invalid-metadata";
}
