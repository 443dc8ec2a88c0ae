import * as path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import * as vscode from "vscode";
import {
  countBySeverity,
  DevcontainerDiagnostics,
  describeDiagnostics,
  localFileOf,
  toVscodeDiagnostic,
} from "../../../src/diagnostics/devcontainerDiagnostics";
import type { Diagnostic } from "../../../src/protocol";
import { MockDiagnosticCollection, resetVscodeMock } from "../../mocks/vscode";

beforeEach(() => resetVscodeMock());

const warning = (file: string, line = 4, column = 26, message = "JSON syntax: a value was expected (read as the reference reads it)."): Diagnostic => ({
  file,
  line,
  column,
  severity: "warning",
  message,
  code: "syntax-error",
});

describe("toVscodeDiagnostic", () => {
  it("counts from 0 where the reader counts from 1, keeps the code and names Gitspaces as the source", () => {
    const d = toVscodeDiagnostic(warning("/r/.devcontainer/devcontainer.json"));
    expect(d.range.start).toEqual({ line: 3, character: 25 });
    expect(d.range.end).toEqual({ line: 3, character: 25 });
    expect(d.severity).toBe(vscode.DiagnosticSeverity.Warning);
    expect(d.source).toBe("Gitspaces");
    expect(d.code).toBe("syntax-error");
    expect(toVscodeDiagnostic({ ...warning("/f"), severity: "error" }).severity).toBe(vscode.DiagnosticSeverity.Error);
    expect(toVscodeDiagnostic({ ...warning("/f", 0, 0), severity: "info" }).range.start).toEqual({ line: 0, character: 0 });
  });
});

describe("localFileOf", () => {
  const root = path.join(path.sep, "src", "web");
  it("keeps a file under the local clone", () => {
    expect(localFileOf(path.join(root, ".devcontainer", "devcontainer.json"), root)).toBe(path.join(root, ".devcontainer", "devcontainer.json"));
  });

  it("maps a temporary clone's file onto the open folder by its repository path", () => {
    const temp = "/home/u/.local/share/gitspaces/cache/read/0f3a/.devcontainer/gpu/devcontainer.json";
    expect(localFileOf(temp, root, [".devcontainer/devcontainer.json", ".devcontainer/gpu/devcontainer.json"])).toBe(
      path.join(root, ".devcontainer", "gpu", "devcontainer.json"),
    );
    expect(localFileOf(".devcontainer.json", root)).toBe(path.join(root, ".devcontainer.json"));
  });

  it("has nowhere to point when there is no local copy", () => {
    expect(localFileOf("/tmp/clone/.devcontainer/devcontainer.json", undefined)).toBe("/tmp/clone/.devcontainer/devcontainer.json");
    expect(localFileOf(".devcontainer/devcontainer.json", undefined)).toBeUndefined();
    expect(localFileOf("/tmp/clone/other.json", root, [".devcontainer/devcontainer.json"])).toBeUndefined();
  });
});

describe("DevcontainerDiagnostics", () => {
  it("puts each file's diagnostics on it, replaces them on the next read, and clears a file that was fixed", () => {
    const collection = new MockDiagnosticCollection("gitspaces");
    const diagnostics = new DevcontainerDiagnostics(collection as unknown as vscode.DiagnosticCollection);
    const file = "/r/.devcontainer/devcontainer.json";
    const shown = diagnostics.publish([warning(file), warning(file, 6, 1, "']' was expected"), warning("/elsewhere/x.json")], (f) => (f.startsWith("/r/") ? f : undefined), [file]);
    expect(shown).toEqual([file]);
    expect(collection.get(vscode.Uri.file(file))?.map((d) => d.message)).toEqual([
      "JSON syntax: a value was expected (read as the reference reads it).",
      "']' was expected",
    ]);
    // The same file read again (by the create flow, say) replaces, never doubles.
    diagnostics.publish([warning(file)], (f) => f);
    expect(collection.get(vscode.Uri.file(file))).toHaveLength(1);
    // Read with no problems: cleared.
    diagnostics.publish([], (f) => f, [file]);
    expect(collection.entries.size).toBe(0);
  });

  it("ignores the reader's config-not-found and forgets a removed folder's files", () => {
    const collection = new MockDiagnosticCollection("gitspaces");
    const diagnostics = new DevcontainerDiagnostics(collection as unknown as vscode.DiagnosticCollection);
    diagnostics.publish([{ ...warning("/a/.devcontainer/devcontainer.json"), severity: "error", code: "config-not-found" }], (f) => f);
    expect(collection.entries.size).toBe(0);
    diagnostics.publish([warning(path.join(path.sep, "a", "x.json")), warning(path.join(path.sep, "b", "x.json"))], (f) => f);
    diagnostics.clearUnder(path.join(path.sep, "a"));
    expect([...collection.entries.values()].map((e) => e.uri.fsPath)).toEqual([path.join(path.sep, "b", "x.json")]);
  });
});

describe("counting and describing", () => {
  it("counts errors and warnings, leaving config-not-found out", () => {
    expect(countBySeverity([warning("/f"), { ...warning("/f"), severity: "error" }, { ...warning("/f"), severity: "error", code: "config-not-found" }])).toEqual({
      errors: 1,
      warnings: 1,
    });
  });

  it("writes one line per problem, then how many more", () => {
    const list = [1, 2, 3].map((n) => warning("/r/.devcontainer/devcontainer.json", n, 1, `problem ${n}`));
    expect(describeDiagnostics(list, 2)).toBe("devcontainer.json:1:1 problem 1\ndevcontainer.json:2:1 problem 2\n… and 1 more");
  });
});
