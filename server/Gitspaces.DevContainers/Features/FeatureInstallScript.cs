using System.Text;

namespace Gitspaces.DevContainers.Features;

/// <summary>
/// The reference's <c>devcontainer-features-install.sh</c> wrapper: prints the Feature's name, id, version and
/// options, loads <c>devcontainer-features.builtin.env</c> and <c>devcontainer-features.env</c> with <c>set -a</c>, runs
/// <c>install.sh</c> as root under <c>set -e</c>, and names the Feature when it fails.
/// </summary>
public static class FeatureInstallScript
{
    /// <summary>The marker the wrapper prints when install.sh fails; the Docker provider looks for it in the build log.</summary>
    public const string FailureMarker = "failed to install!";

    /// <summary>Writes the wrapper for one Feature.</summary>
    /// <param name="step">The Feature to install.</param>
    public static string Create(FeatureInstallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var definition = step.Definition;
        var id = Quote(IdWithoutVersion(step.Reference));
        var name = Quote(definition.Name ?? "Unknown");
        var description = Quote(definition.Json["description"]?.ToString() ?? string.Empty);
        var version = Quote(definition.Version ?? string.Empty);
        var documentation = Quote(definition.Json["documentationURL"]?.ToString() ?? string.Empty);
        var options = Quote(string.Join('\n', step.EnvironmentLines.Select(l => "    " + l)));
        var warning = definition.Json["deprecated"]?.ToString() == "true"
            ? $"echo '(!) WARNING: Using the deprecated Feature \"{Quote(definition.Id ?? string.Empty)}\". This Feature will no longer receive any further updates/support.\n'"
            : string.Empty;
        var help = documentation.Length > 0 ? $" Look at the documentation at {documentation} for help troubleshooting this error." : string.Empty;
        return new StringBuilder()
            .Append("#!/bin/sh\nset -e\n\non_exit () {\n\t[ $? -eq 0 ] && exit\n\techo 'ERROR: Feature \"").Append(name).Append("\" (").Append(id).Append(") ").Append(FailureMarker).Append(help).Append("'\n}\n\n")
            .Append("trap on_exit EXIT\n\n")
            .Append("echo ===========================================================================\n")
            .Append(warning).Append('\n')
            .Append("echo 'Feature       : ").Append(name).Append("'\n")
            .Append("echo 'Description   : ").Append(description).Append("'\n")
            .Append("echo 'Id            : ").Append(id).Append("'\n")
            .Append("echo 'Version       : ").Append(version).Append("'\n")
            .Append("echo 'Documentation : ").Append(documentation).Append("'\n")
            .Append("echo 'Options       :'\n")
            .Append("echo '").Append(options).Append("'\n")
            .Append("echo ===========================================================================\n\n")
            .Append("set -a\n. ../devcontainer-features.builtin.env\n. ./devcontainer-features.env\nset +a\n\n")
            .Append("chmod +x ./install.sh\n./install.sh\n")
            .ToString();
    }

    /// <summary>The id the reference shows for a Feature: the OCI resource without version, else the id as written.</summary>
    /// <param name="reference">The Feature's reference.</param>
    public static string IdWithoutVersion(FeatureReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Oci?.Resource ?? reference.UserId;
    }

    // Inside single quotes only the quote itself needs care: close, escaped quote, reopen.
    private static string Quote(string text) => text.Replace("'", "'\\''", StringComparison.Ordinal);
}
