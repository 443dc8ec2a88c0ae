using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Gitspaces.DevContainers.Variables;

/// <summary>The <c>${devcontainerId}</c> algorithm: SHA-256 of the id labels as JSON.stringify prints them with sorted keys, in radix 32 padded to 52 digits.</summary>
public static class DevContainerId
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuv";

    /// <summary>Computes the id of a dev container from its id labels (for example <c>devcontainer.local_folder</c> and <c>devcontainer.config_file</c>).</summary>
    /// <param name="idLabels">The labels; their order does not matter.</param>
    /// <returns>52 characters of <c>[0-9a-v]</c>.</returns>
    public static string Compute(IReadOnlyDictionary<string, string> idLabels)
    {
        ArgumentNullException.ThrowIfNull(idLabels);
        var json = new StringBuilder("{");
        var first = true;
        foreach (var key in idLabels.Keys.Order(StringComparer.Ordinal))
        {
            if (!first)
            {
                json.Append(',');
            }

            first = false;
            JsString.AppendQuoted(json, key);
            json.Append(':');
            JsString.AppendQuoted(json, idLabels[key]);
        }

        json.Append('}');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(json.ToString()));
        var number = new BigInteger(hash, isUnsigned: true, isBigEndian: true);
        var radix32 = new StringBuilder();
        do
        {
            number = BigInteger.DivRem(number, 32, out var remainder);
            radix32.Insert(0, Digits[(int)remainder]);
        }
        while (!number.IsZero);

        return radix32.ToString().PadLeft(52, '0');
    }

    /// <summary>The id labels the reference puts on a container it creates for a workspace folder and config file.</summary>
    /// <param name="localWorkspaceFolder">The host workspace folder.</param>
    /// <param name="configFilePath">The configuration file, absolute.</param>
    public static IReadOnlyDictionary<string, string> IdLabels(string localWorkspaceFolder, string configFilePath)
        => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["devcontainer.local_folder"] = localWorkspaceFolder,
            ["devcontainer.config_file"] = configFilePath,
        };
}
