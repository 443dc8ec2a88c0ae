using Gitspaces.TestSupport;

namespace Gitspaces.Protocol.Tests;

/// <summary>The committed schema the TypeScript and Java clients test against is the contract as compiled.</summary>
public sealed class ProtocolSchemaTests
{
    [Fact]
    public void TheCommittedSchemaMatchesTheContract() =>
        Golden.Match("docs/protocol.schema.json", ProtocolSchema.ExportText());

    [Fact]
    public void EveryMethodIsDocumentedInProtocolMd()
    {
        var doc = File.ReadAllText(RepositoryRoot.Combine("docs", "protocol.md"));
        foreach (var method in ProtocolCatalog.All)
        {
            Assert.Contains($"`{method.Name}`", doc, StringComparison.Ordinal);
        }

        foreach (var field in typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral))
        {
            Assert.Contains(field.Name, doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheCatalogNamesEveryMethodConstantOnce()
    {
        var constants = typeof(Methods).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Where(name => name != Methods.CancelRequest).Order().ToArray();
        Assert.Equal(constants, ProtocolCatalog.All.Select(m => m.Name).Order().ToArray());
    }

    [Fact]
    public void ApplicationErrorCodesStayOutsideTheReservedRange()
    {
        int[] standard = [ErrorCodes.ParseError, ErrorCodes.InvalidRequest, ErrorCodes.MethodNotFound, ErrorCodes.InvalidParams, ErrorCodes.InternalError, ErrorCodes.ServerNotInitialized, ErrorCodes.RequestCancelled];
        foreach (var field in typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral))
        {
            var code = (int)field.GetRawConstantValue()!;
            Assert.True(standard.Contains(code) || code is < -32768 or > -32000, $"{field.Name} = {code} lies in JSON-RPC's reserved range");
            Assert.Equal(field.Name, ErrorCodes.NameOf(code));
        }
    }
}
