namespace Gitspaces.Core.Operations;

/// <summary>One progress report of a running operation.</summary>
/// <param name="Message">The current step, for a person.</param>
/// <param name="Percentage">How far along, 0–100, when known.</param>
public sealed record OperationProgress(string Message, int? Percentage = null);
