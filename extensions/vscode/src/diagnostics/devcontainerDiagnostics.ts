import * as path from "node:path";
import * as vscode from "vscode";
import type { Diagnostic as ProtocolDiagnostic } from "../protocol";

/** The Problems panel's source for everything the devcontainer.json reader reports. */
export const DiagnosticSource = "Gitspaces";

const severities: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The reader's codes that say there is nothing to read, rather than something wrong in a file. */
const notAProblem = new Set(["config-not-found"]);

/**
 * A reader diagnostic as the Problems panel shows it. The reader counts lines and columns from 1; an empty range at
 * that position is widened by the editor to the word there.
 */
export function toVscodeDiagnostic(d: ProtocolDiagnostic): vscode.Diagnostic {
  const position = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
  const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), d.message, severities[d.severity] ?? vscode.DiagnosticSeverity.Information);
  diagnostic.source = DiagnosticSource;
  if (d.code) {
    diagnostic.code = d.code;
  }
  return diagnostic;
}

/**
 * Where a diagnostic's file is on this machine: the reader names the file it read, which for a remote repository is a
 * temporary clone (or the gitspace's own copy). A file under localRoot is itself; a file that ends with one of the
 * repository-relative paths (the candidates, the chosen configuration) is that path under localRoot; a relative one
 * is taken from localRoot. Undefined when there is no local copy to point at.
 */
export function localFileOf(file: string, localRoot: string | undefined, repositoryPaths: readonly string[] = []): string | undefined {
  if (!localRoot) {
    return path.isAbsolute(file) ? file : undefined;
  }
  const normalized = file.replace(/\\/g, "/");
  const root = localRoot.replace(/\\/g, "/").replace(/\/$/, "");
  if (normalized === root || normalized.startsWith(`${root}/`)) {
    return file;
  }
  for (const relative of [...repositoryPaths].sort((a, b) => b.length - a.length)) {
    const r = relative.replace(/\\/g, "/").replace(/^\.\//, "");
    if (normalized === r || normalized.endsWith(`/${r}`)) {
      return path.join(localRoot, r);
    }
  }
  return path.isAbsolute(file) || /^[a-zA-Z]:[\\/]/.test(file) ? undefined : path.join(localRoot, file);
}

/** How many of each severity a list holds; what the create flow says before asking. */
export function countBySeverity(diagnostics: readonly ProtocolDiagnostic[]): { errors: number; warnings: number } {
  const relevant = diagnostics.filter((d) => !notAProblem.has(d.code ?? ""));
  return { errors: relevant.filter((d) => d.severity === "error").length, warnings: relevant.filter((d) => d.severity === "warning").length };
}

/** One line per diagnostic, "file:line:column message", for a message's detail. */
export function describeDiagnostics(diagnostics: readonly ProtocolDiagnostic[], limit = 5): string {
  const lines = diagnostics
    .filter((d) => !notAProblem.has(d.code ?? ""))
    .slice(0, limit)
    .map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`);
  const more = diagnostics.length - lines.length;
  return more > 0 ? `${lines.join("\n")}\n… and ${more} more` : lines.join("\n");
}

/**
 * The devcontainer.json problems in the Problems panel. Each publish replaces what is shown for the files it read (so
 * a fixed file clears) and for every file its diagnostics name; two reads of the same file never show twice.
 */
export class DevcontainerDiagnostics implements vscode.Disposable {
  constructor(private readonly collection: vscode.DiagnosticCollection) {}

  /**
   * Shows diagnostics of a read. read: the local files that were read (cleared when they have none now).
   * Resolves the local files that now show problems.
   */
  publish(diagnostics: readonly ProtocolDiagnostic[], toLocal: (file: string) => string | undefined, read: readonly string[] = []): string[] {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const file of read) {
      byFile.set(file, []);
    }
    for (const d of diagnostics) {
      if (notAProblem.has(d.code ?? "")) {
        continue;
      }
      const local = toLocal(d.file);
      if (!local) {
        continue;
      }
      const list = byFile.get(local) ?? [];
      list.push(toVscodeDiagnostic(d));
      byFile.set(local, list);
    }
    const shown: string[] = [];
    for (const [file, list] of byFile) {
      this.collection.set(vscode.Uri.file(file), list);
      if (list.length > 0) {
        shown.push(file);
      }
    }
    return shown;
  }

  /** Forgets what is shown for files under a folder (a workspace folder that was removed). */
  clearUnder(folder: string): void {
    const prefix = folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`;
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (uri.fsPath.startsWith(prefix)) {
        stale.push(uri);
      }
    });
    stale.forEach((uri) => this.collection.delete(uri));
  }

  dispose(): void {
    this.collection.dispose();
  }
}
