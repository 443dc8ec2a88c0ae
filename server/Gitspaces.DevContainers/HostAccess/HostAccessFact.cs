namespace Gitspaces.DevContainers.HostAccess;

/// <summary>One way a configuration asks to reach the machine it runs on (see <see cref="HostAccessFacts"/>).</summary>
/// <param name="Kind">What kind of access: <see cref="HostAccessFacts.HostCommand"/>, <see cref="HostAccessFacts.HostMount"/> or <see cref="HostAccessFacts.Privilege"/>.</param>
/// <param name="Property">Where the configuration asks for it, as a JSON path (<c>$.mounts[0]</c>, <c>$.runArgs[2]</c>).</param>
/// <param name="Detail">What exactly is asked for, for a person (the command, the host path, the flag).</param>
public sealed record HostAccessFact(string Kind, string Property, string Detail);
