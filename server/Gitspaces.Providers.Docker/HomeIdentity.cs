using System.Security.Cryptography;
using Gitspaces.Core.State;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// The id of a state home on a shared engine: random, made once and kept in the home's data folder, so it tells homes
/// apart without naming a path or a user (labels are readable by everyone who can reach the engine).
/// </summary>
internal static class HomeIdentity
{
    /// <summary>Returns the home's id, making it on first use.</summary>
    /// <param name="paths">The home's state paths.</param>
    /// <returns>32 lower-case hex digits.</returns>
    public static string Of(StatePaths paths)
    {
        var file = Path.Combine(paths.DataDirectory, "docker", "home-id");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: 32 } existing && existing.All(char.IsAsciiHexDigitLower))
        {
            return existing;
        }

        var made = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        StatePaths.EnsurePrivateDirectory(Path.GetDirectoryName(file)!);
        StatePaths.WritePrivateFile(file, System.Text.Encoding.ASCII.GetBytes(made + "\n"));
        return made;
    }
}
