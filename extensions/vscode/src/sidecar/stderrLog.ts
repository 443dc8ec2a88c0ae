/** A level a LogOutputChannel writes with. */
export type LogLevelName = "trace" | "debug" | "info" | "warn" | "error";

/** One line of the sidecar's stderr, without the timestamp and level the sidecar wrote. */
export interface SidecarLogLine {
  level: LogLevelName;
  message: string;
}

// ServerLog writes "<ISO-8601 UTC> [<pid>] <level padded to 5> <message>". The output channel adds its own time and
// level, so both are taken off here and the level is used instead of being printed.
const linePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}) \[\d+\] (trace|debug|error|info |warn ) (.*)$/;

/**
 * Splits a sidecar stderr line into level and message. A line in another shape comes from the .NET host or runtime
 * (a missing runtime, an unhandled exception), which only write when something is wrong: it is a warning.
 */
export function parseSidecarLine(line: string): SidecarLogLine {
  const match = linePattern.exec(line);
  if (!match) {
    return { level: "warn", message: line };
  }
  return { level: match[1].trimEnd() as LogLevelName, message: match[2] };
}
