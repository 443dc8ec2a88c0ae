import * as path from "node:path";

/** What `npm run package` records next to the bundled sidecar: the platform it was built for. */
export interface BundledPlatform {
  /** The .NET runtime identifier, e.g. linux-x64. */
  rid: string;
  /** The VS Code target the VSIX was made for, e.g. darwin-arm64. */
  target: string;
}

const names: Record<string, string> = {
  "linux-x64": "Linux x64",
  "linux-arm64": "Linux arm64",
  "darwin-x64": "macOS (Intel)",
  "darwin-arm64": "macOS (Apple silicon)",
  "win32-x64": "Windows x64",
  "win32-arm64": "Windows arm64",
};

/** How users name a VS Code target (`linux-x64` → "Linux x64"). */
export function platformName(target: string): string {
  return names[target] ?? target;
}

/**
 * The sidecar bundled for another platform than the one VS Code runs on: its program cannot start here (an exec
 * format error at best), so the extension says so in words instead of "sidecar exited during startup".
 */
export class PlatformMismatchError extends Error {
  constructor(
    readonly bundled: string,
    readonly host: string,
  ) {
    super(
      `This Gitspaces extension is the build for ${platformName(bundled)}, but VS Code runs on ${platformName(host)} here, ` +
        `so its gitspaces program cannot start. Install Gitspaces from the Marketplace in this VS Code (it picks the ` +
        `${platformName(host)} build), or install the gitspaces-…-${host.replace("darwin", "osx").replace("win32", "win")} ` +
        `package and set gitspaces.serverPath to its program.`,
    );
    this.name = "PlatformMismatchError";
  }
}

/**
 * Checks the platform stamp of the bundled sidecar against the running VS Code's. Returns nothing when they agree or
 * when there is no stamp (a development build from `npm run build`, which is always for this machine).
 */
export function checkBundledPlatform(
  serverDir: string,
  host: { platform: NodeJS.Platform; arch: string },
  readFile: (file: string) => string | undefined,
): PlatformMismatchError | undefined {
  const text = readFile(path.join(serverDir, "platform.json"));
  if (text === undefined) {
    return undefined;
  }
  let bundled: Partial<BundledPlatform>;
  try {
    bundled = JSON.parse(text) as Partial<BundledPlatform>;
  } catch {
    return undefined;
  }
  const here = `${host.platform}-${host.arch}`;
  return typeof bundled.target === "string" && bundled.target !== here ? new PlatformMismatchError(bundled.target, here) : undefined;
}
