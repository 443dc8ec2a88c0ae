using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using StreamJsonRpc;

namespace Gitspaces.Server.Rpc;

/// <summary>Maps the service layer's failures onto JSON-RPC errors.</summary>
internal static class RpcErrors
{
    public static LocalRpcException From(GitspaceException ex) =>
        new(ex.Message, ex) { ErrorCode = ex.Code, ErrorData = ex.Details };

    public static LocalRpcException Create(int code, string message) =>
        new(message) { ErrorCode = code, ErrorData = new ErrorData { Kind = ErrorCodes.NameOf(code) } };
}
