// Runs code-server 4.100.3 (VS Code 1.100.3) from .e2e-tools with isolated HOME/XDG folders on 127.0.0.1, installs
// a VSIX into its own extensions folder, and stops the whole process group afterwards.
// Recipe: shared/reference/vscode-e2e.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";

export const extensionRoot = path.resolve(__dirname, "../..");
export const entry = path.join(extensionRoot, ".e2e-tools", "node_modules", "code-server", "out", "node", "entry.js");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServerOptions {
  /** Folder for everything code-server writes (home, config, data, extensions, user data). */
  stateDir: string;
  workspace: string;
  vsix: string;
  /** Extra environment for code-server and so for the extension host and the sidecar. */
  env?: NodeJS.ProcessEnv;
  /** User settings.json. */
  settings?: Record<string, unknown>;
}

export class CodeServer {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];
  url = "";

  constructor(private readonly options: CodeServerOptions) {}

  private get env(): NodeJS.ProcessEnv {
    const s = this.options.stateDir;
    return {
      ...process.env,
      HOME: path.join(s, "home"),
      XDG_CONFIG_HOME: path.join(s, "xdg-config"),
      XDG_DATA_HOME: path.join(s, "xdg-data"),
      XDG_CACHE_HOME: path.join(s, "xdg-cache"),
      ...this.options.env,
    };
  }

  private args(): string[] {
    const s = this.options.stateDir;
    return [
      entry,
      "--config",
      path.join(s, "cs.yaml"),
      "--user-data-dir",
      path.join(s, "user-data"),
      "--extensions-dir",
      path.join(s, "extensions"),
    ];
  }

  /** Installs the VSIX (code-server --install-extension). */
  install(): void {
    if (!fs.existsSync(entry)) {
      throw new Error(`code-server is not installed (${entry} is missing): run \`npm run setup:e2e\` in extensions/vscode.`);
    }
    const s = this.options.stateDir;
    for (const dir of ["home", "xdg-config", "xdg-data", "xdg-cache", "user-data/User", "extensions"]) {
      fs.mkdirSync(path.join(s, dir), { recursive: true });
    }
    fs.writeFileSync(path.join(s, "cs.yaml"), "auth: none\ncert: false\n");
    fs.writeFileSync(path.join(s, "user-data", "User", "settings.json"), JSON.stringify(this.options.settings ?? {}, null, 2));
    const result = spawnSync(process.execPath, [...this.args(), "--install-extension", this.options.vsix], { env: this.env, encoding: "utf8", timeout: 120_000 });
    if (result.status !== 0) {
      throw new Error(`code-server --install-extension failed (${result.status}): ${result.stdout}\n${result.stderr}`);
    }
  }

  /** Installs another VSIX into the same extensions folder (the running server sees it after a window reload). */
  installExtension(vsixPath: string): void {
    const result = spawnSync(process.execPath, [...this.args(), "--install-extension", vsixPath], { env: this.env, encoding: "utf8", timeout: 120_000 });
    if (result.status !== 0) {
      throw new Error(`code-server --install-extension ${vsixPath} failed (${result.status}): ${result.stdout}\n${result.stderr}`);
    }
  }

  /** Starts code-server on 127.0.0.1 in its own process group and waits for /healthz. */
  async start(): Promise<string> {
    const port = await freePort();
    this.child = spawn(
      process.execPath,
      [
        ...this.args(),
        "--bind-addr",
        `127.0.0.1:${port}`,
        "--auth",
        "none",
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        this.options.workspace,
      ],
      { env: this.env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child.stdout!.on("data", (d: Buffer) => this.output.push(d.toString()));
    this.child.stderr!.on("data", (d: Buffer) => this.output.push(d.toString()));
    this.url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.child.exitCode !== null) {
        throw new Error(`code-server exited with ${this.child.exitCode}:\n${this.output.join("")}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) {
          return this.url;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`code-server did not become healthy:\n${this.output.join("")}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Stops code-server and everything it started (extension host, sidecar, watchers): the whole group. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.pid === undefined) {
      return;
    }
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, "timeout"));
    if ((await Promise.race([exited, timeout])) === "timeout") {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}
