import * as fs from "node:fs";
import * as path from "node:path";
import type { SidecarLaunch } from "./client";
import { checkBundledPlatform } from "./platform";

export interface LaunchSettings {
  /** gitspaces.serverPath: an executable, or a framework-dependent gitspaces.dll. Empty = the bundled copy. */
  serverPath: string;
  /** gitspaces.docker.host: becomes DOCKER_HOST for the sidecar. Empty = inherit. */
  dockerHost: string;
  /** gitspaces.docker.forwardSshAgent: becomes GITSPACES_FORWARD_SSH_AGENT (1 or 0); unset = the sidecar's default (on). */
  forwardSshAgent?: boolean;
  /** gitspaces.logLevel. */
  logLevel: string;
}

export interface LaunchEnvironment {
  extensionPath: string;
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
  /** Reads a small text file, or undefined when it cannot be read. */
  readFile: (file: string) => string | undefined;
}

/** The bundled sidecar inside the extension: server/gitspaces (server/gitspaces.exe on Windows). */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform): string {
  return path.join(extensionPath, "server", platform === "win32" ? "gitspaces.exe" : "gitspaces");
}

/**
 * Works out how to start `gitspaces serve`: which file, with which arguments and environment. Throws an Error
 * whose message tells the user what to set when there is nothing to start.
 */
export function resolveLaunch(settings: LaunchSettings, environment: LaunchEnvironment): SidecarLaunch {
  const configured = settings.serverPath.trim();
  const file = configured.length > 0 ? expandHome(configured, environment.env) : bundledServerPath(environment.extensionPath, environment.platform);
  if (!environment.exists(file)) {
    throw new Error(
      configured.length > 0
        ? `The gitspaces sidecar was not found at ${file} (setting gitspaces.serverPath).`
        : `The gitspaces sidecar is not bundled with this extension (looked for ${file}); set gitspaces.serverPath to a gitspaces executable.`,
    );
  }
  if (configured.length === 0) {
    // A VSIX for another platform (installed by hand, or synced across machines) holds a program that cannot run here.
    const mismatch = checkBundledPlatform(path.dirname(file), environment, environment.readFile);
    if (mismatch) {
      throw mismatch;
    }
  }
  const env: NodeJS.ProcessEnv = { ...environment.env };
  const dockerHost = settings.dockerHost.trim();
  if (dockerHost.length > 0) {
    env.DOCKER_HOST = dockerHost;
  }
  if (settings.forwardSshAgent !== undefined) {
    env.GITSPACES_FORWARD_SSH_AGENT = settings.forwardSshAgent ? "1" : "0";
  }
  const serveArgs = ["serve", "--log-level", settings.logLevel || "info"];
  if (file.toLowerCase().endsWith(".dll")) {
    return { command: "dotnet", args: [file, ...serveArgs], env };
  }
  return { command: file, args: serveArgs, env };
}

function expandHome(file: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? env.USERPROFILE;
  if (home && (file === "~" || file.startsWith("~/") || file.startsWith("~\\"))) {
    return path.join(home, file.slice(1));
  }
  return file;
}

export const defaultLaunchEnvironment = (extensionPath: string): LaunchEnvironment => ({
  extensionPath,
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  exists: (file) => fs.existsSync(file),
  readFile: (file) => {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  },
});

/** Restores the executable bit of the sidecar (a VSIX does not always keep it). No-op on Windows. */
export function ensureExecutable(file: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === "win32" || path.basename(file) === "dotnet") {
    return;
  }
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    fs.chmodSync(file, 0o755);
  }
}
