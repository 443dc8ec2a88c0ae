namespace Gitspaces.DevContainers.Features;

/// <summary>The Features cannot be ordered: an id that does not resolve, a dependency cycle, an override entry that matches nothing.</summary>
public sealed class FeatureOrderException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FeatureOrderException"/> class.</summary>
    public FeatureOrderException()
        : this(DiagnosticCodes.InvalidFeature, "The Features cannot be ordered.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FeatureOrderException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    public FeatureOrderException(string message)
        : this(DiagnosticCodes.InvalidFeature, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FeatureOrderException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="innerException">The cause.</param>
    public FeatureOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
        this.Code = DiagnosticCodes.InvalidFeature;
    }

    /// <summary>Initializes a new instance of the <see cref="FeatureOrderException"/> class.</summary>
    /// <param name="code"><see cref="DiagnosticCodes.InvalidFeature"/> or <see cref="DiagnosticCodes.FeatureCycle"/>.</param>
    /// <param name="message">The explanation.</param>
    public FeatureOrderException(string code, string message)
        : base(message)
    {
        this.Code = code;
    }

    /// <summary>Gets the diagnostic code.</summary>
    public string Code { get; }
}
