using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Gitspaces.Protocol;

/// <summary>
/// Exports the contract as one JSON document (methods with parameter and result schemas, error codes), which
/// the TypeScript and Java clients test their own types against.
/// </summary>
public static class ProtocolSchema
{
    /// <summary>Builds the schema document.</summary>
    /// <returns>The document; <c>docs/protocol.schema.json</c> holds the committed copy.</returns>
    public static JsonObject Export()
    {
        var exporterOptions = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true };
        var methods = new JsonObject();
        foreach (var method in ProtocolCatalog.All)
        {
            var entry = new JsonObject
            {
                ["direction"] = method.Direction,
                ["notification"] = method.IsNotification,
                ["summary"] = method.Summary,
                ["params"] = GitspacesJsonContext.Default.Options.GetJsonSchemaAsNode(method.ParamsType, exporterOptions),
            };
            if (method.ResultType is { } resultType)
            {
                entry["result"] = GitspacesJsonContext.Default.Options.GetJsonSchemaAsNode(resultType, exporterOptions);
            }

            methods[method.Name] = entry;
        }

        var errors = new JsonObject();
        foreach (var field in typeof(ErrorCodes).GetFields())
        {
            if (field.IsLiteral && field.GetRawConstantValue() is int code)
            {
                errors[field.Name] = code;
            }
        }

        return new JsonObject
        {
            ["protocolVersion"] = ProtocolInfo.Version,
            ["methods"] = methods,
            ["errorCodes"] = errors,
            ["eventTypes"] = new JsonArray([.. typeof(EventTypes).GetFields().Where(f => f.IsLiteral).Select(f => JsonValue.Create((string)f.GetRawConstantValue()!))]),
            ["ides"] = new JsonArray([.. Ides.All.Select(i => JsonValue.Create(i))]),
        };
    }

    /// <summary>Serializes <see cref="Export"/> with indentation and a final newline.</summary>
    /// <returns>The JSON text.</returns>
    public static string ExportText() =>
        Export().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
