using Gitspaces.Protocol;
using Gitspaces.Server.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Gitspaces.Server.Rpc;

/// <summary>StreamJsonRpc's connection, with unexpected failures answered as <c>-32603</c> and logged.</summary>
internal sealed class GitspacesJsonRpc : JsonRpc
{
    private readonly ServerLog log;

    public GitspacesJsonRpc(IJsonRpcMessageHandler handler, ServerLog log)
        : base(handler)
    {
        this.log = log;
    }

    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        if (exception is LocalRpcException)
        {
            return base.CreateErrorDetails(request, exception);
        }

        if (exception is OperationCanceledException)
        {
            // The base would attach StreamJsonRpc's CommonErrorData, which only reflection could serialize.
            return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.RequestCanceled, Message = exception.Message };
        }

        this.log.Error($"{request.Method} failed unexpectedly: {exception}");
        return new JsonRpcError.ErrorDetail
        {
            Code = (JsonRpcErrorCode)ErrorCodes.InternalError,
            Message = $"Internal error in {request.Method}: {exception.Message}",
            Data = new ErrorData { Kind = nameof(ErrorCodes.InternalError), Hint = "See the sidecar's log file for details." },
        };
    }
}
