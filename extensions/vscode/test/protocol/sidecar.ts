// Shared set-up for the protocol tests: where the real sidecar is, and an isolated home for each run.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SidecarClient, type Logger, type SidecarLaunch } from "../../src/sidecar/client";

export const repoRoot = path.resolve(__dirname, "../../../..");

/** artifacts/bin/gitspaces (the root `npm run build` output), or GITSPACES_SIDECAR. Throws with what to do. */
export function sidecarPath(): string {
  const file = process.env.GITSPACES_SIDECAR ?? path.join(repoRoot, "artifacts", "bin", process.platform === "win32" ? "gitspaces.exe" : "gitspaces");
  if (!fs.existsSync(file)) {
    throw new Error(`The gitspaces sidecar is not built: ${file} is missing. Run \`npm run build\` at the repository root (npm test in extensions/vscode does it when it can).`);
  }
  return file;
}

export interface Isolated {
  /** GITSPACES_HOME and HOME of the sidecar, removed by cleanup(). */
  home: string;
  env: NodeJS.ProcessEnv;
  cleanup: () => void;
}

/** A fresh GITSPACES_HOME and HOME, so the tests never touch the user's state or SSH config. */
export function isolatedHome(extra: NodeJS.ProcessEnv = {}): Isolated {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "gitspaces-vscode-protocol-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_DATA_HOME: path.join(home, ".local", "share"),
    XDG_STATE_HOME: path.join(home, ".local", "state"),
    GITSPACES_HOME: path.join(home, ".gitspaces"),
    ...extra,
  };
  return { home, env, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

export function launch(isolated: Isolated, logLevel = "debug"): SidecarLaunch {
  return { command: sidecarPath(), args: ["serve", "--log-level", logLevel], env: isolated.env };
}

export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const add = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, trace: add("trace"), debug: add("debug"), info: add("info"), warn: add("warn"), error: add("error") };
}

export async function startSidecar(isolated: Isolated, logger = recordingLogger()): Promise<{ client: SidecarClient; logger: typeof logger }> {
  const client = await SidecarClient.start(launch(isolated), { logger, clientInfo: { name: "gitspaces-vscode-tests", version: "0" }, initializeTimeoutMs: 60_000 });
  return { client, logger };
}

/** Waits until condition holds, polling. */
export async function until(condition: () => boolean, what: string | (() => string), timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
