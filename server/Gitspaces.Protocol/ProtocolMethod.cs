namespace Gitspaces.Protocol;

/// <summary>One entry of the protocol's method table.</summary>
/// <param name="Name">The method name on the wire.</param>
/// <param name="Direction"><c>client→server</c> or <c>server→client</c>.</param>
/// <param name="IsNotification">Whether it is a notification (no response).</param>
/// <param name="ParamsType">The parameter record.</param>
/// <param name="ResultType">The result record, or <see langword="null"/> for a notification.</param>
/// <param name="Summary">One sentence on what it does.</param>
public sealed record ProtocolMethod(
    string Name,
    string Direction,
    bool IsNotification,
    Type ParamsType,
    Type? ResultType,
    string Summary);
