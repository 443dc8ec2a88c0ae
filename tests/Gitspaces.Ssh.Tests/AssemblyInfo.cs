// The tests drive real OpenSSH, sh and a Linux Docker engine.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
