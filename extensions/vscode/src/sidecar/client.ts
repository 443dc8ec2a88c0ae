import * as cp from "node:child_process";
import { Writable } from "node:stream";
import {
  CancellationToken,
  createMessageConnection,
  Emitter,
  NotificationType,
  ParameterStructures,
  ProgressType,
  RequestType,
  StreamMessageReader,
  StreamMessageWriter,
  type Disposable,
  type Event,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import {
  Methods,
  type DidChangeParams,
  type GitspaceEventParams,
  type GitspaceLogParams,
  type PortsChangedParams,
  type InitializeParams,
  type InitializeResult,
  type LogMessageParams,
  type LongRequestMethod,
  type RequestMethod,
  type RequestTypes,
  type WorkDoneProgress,
} from "../protocol";
import { SidecarUnavailableError, toClientError } from "./errors";
import { parseSidecarLine } from "./stderrLog";

/** Where log lines go: the extension passes a LogOutputChannel, tests pass an array. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How to launch the sidecar. No shell is involved: command and args go to the OS as they are. */
export interface SidecarLaunch {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface SidecarExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it. */
  expected: boolean;
}

export interface StartOptions {
  logger: Logger;
  clientInfo: { name: string; version?: string };
  /** Our process id; the sidecar exits when it dies. */
  processId?: number;
  /** How long to wait for the initialize answer. */
  initializeTimeoutMs?: number;
}

export interface LongRequestOptions {
  token?: CancellationToken;
  onProgress?: (value: WorkDoneProgress) => void;
}

type Params<M extends RequestMethod> = RequestTypes[M]["params"];
type Result<M extends RequestMethod> = RequestTypes[M]["result"];

let nextProgressToken = 0;

/**
 * The extension's connection to one `gitspaces serve` process: spawns it, speaks LSP-framed JSON-RPC over its
 * stdin/stdout, forwards its stderr to the logger, and runs the initialize/shutdown/exit lifecycle.
 * Has no dependency on the `vscode` module, so the protocol tests run it against the real sidecar in Node.
 */
export class SidecarClient {
  private readonly didChangeEmitter = new Emitter<DidChangeParams>();
  private readonly eventEmitter = new Emitter<GitspaceEventParams>();
  private readonly logEmitter = new Emitter<GitspaceLogParams>();
  private readonly portsChangedEmitter = new Emitter<PortsChangedParams>();
  private readonly logMessageEmitter = new Emitter<LogMessageParams>();
  private readonly exitEmitter = new Emitter<SidecarExit>();
  private stopping = false;
  private exited: SidecarExit | undefined;
  private readonly exitPromise: Promise<SidecarExit>;
  private initializeResultValue: InitializeResult | undefined;

  readonly onDidChange: Event<DidChangeParams> = this.didChangeEmitter.event;
  readonly onEvent: Event<GitspaceEventParams> = this.eventEmitter.event;
  readonly onLog: Event<GitspaceLogParams> = this.logEmitter.event;
  readonly onPortsChanged: Event<PortsChangedParams> = this.portsChangedEmitter.event;
  readonly onLogMessage: Event<LogMessageParams> = this.logMessageEmitter.event;
  /** Fires once when the process has exited, whether asked to or not. */
  readonly onExit: Event<SidecarExit> = this.exitEmitter.event;

  private constructor(
    private readonly child: cp.ChildProcess,
    private readonly connection: MessageConnection,
    private readonly logger: Logger,
  ) {
    this.exitPromise = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exited = { code, signal, expected: this.stopping };
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (this.stopping) {
          logger.info(`gitspaces sidecar exited (${how})`);
        } else {
          logger.error(`gitspaces sidecar exited unexpectedly (${how})`);
        }
        connection.dispose();
        this.exitEmitter.fire(this.exited);
        resolve(this.exited);
      });
    });
    connection.onNotification(new NotificationType<DidChangeParams>(Methods.DidChange), (p) => this.didChangeEmitter.fire(p));
    connection.onNotification(new NotificationType<GitspaceEventParams>(Methods.Event), (p) => this.eventEmitter.fire(p));
    connection.onNotification(new NotificationType<GitspaceLogParams>(Methods.Log), (p) => this.logEmitter.fire(p));
    connection.onNotification(new NotificationType<PortsChangedParams>(Methods.PortsChanged), (p) => this.portsChangedEmitter.fire(p));
    connection.onNotification(new NotificationType<LogMessageParams>(Methods.LogMessage), (p) => {
      logMessageToLogger(logger, p);
      this.logMessageEmitter.fire(p);
    });
    connection.onError(([error]) => logger.error(`gitspaces sidecar connection error: ${error.message}`));
  }

  /** Spawns the sidecar and completes initialize + initialized. Rejects (and kills the process) on failure. */
  static async start(launch: SidecarLaunch, options: StartOptions): Promise<SidecarClient> {
    const { logger } = options;
    logger.info(`starting gitspaces sidecar: ${launch.command} ${launch.args.join(" ")}`);
    const child = cp.spawn(launch.command, launch.args, {
      cwd: launch.cwd,
      env: launch.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
      shell: false,
    });
    const spawnError = new Promise<never>((_, reject) => {
      child.once("error", (error) =>
        reject(new SidecarUnavailableError(`Cannot start the gitspaces sidecar (${launch.command}): ${error.message}`, { cause: error })),
      );
    });
    // The last stderr lines before initialize answers: when the process cannot start they say why (a missing .NET
    // runtime, a binary for another platform), and the start-failure notification reads them.
    const startupStderr: string[] = [];
    let starting = true;
    const stderrClosed = new Promise<void>((resolve) => child.stderr!.once("close", () => resolve()));
    pipeLines(child.stderr!, (line) => {
      const { level, message } = parseSidecarLine(line);
      logger[level](`[sidecar] ${message}`);
      if (starting) {
        startupStderr.push(message);
        startupStderr.splice(0, Math.max(0, startupStderr.length - 20));
      }
    });
    // A write after the process died fails the request that made it; the stream's own error event is expected then.
    child.stdin!.on("error", (error) => logger.debug(`gitspaces sidecar stdin: ${error.message}`));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(guardedStdin(child.stdin!)));
    const client = new SidecarClient(child, connection, logger);
    connection.listen();

    const params: InitializeParams = {
      processId: options.processId ?? process.pid,
      clientInfo: options.clientInfo,
      capabilities: { workDoneProgress: true },
    };
    const timeoutMs = options.initializeTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        client.request(Methods.Initialize, params).catch(async (error: unknown) => {
          // When the process died, say so rather than "connection disposed".
          const exit = await Promise.race([client.exitPromise, delay(500).then(() => undefined)]);
          if (exit) {
            throw exitedDuringStartup(exit);
          }
          throw error;
        }),
        spawnError,
        client.exitPromise.then(async (exit) => {
          // The last stderr lines may still be in the pipe when the exit is reported (bounded: a grandchild could
          // hold the pipe open).
          await Promise.race([stderrClosed, delay(1_000)]);
          throw exitedDuringStartup(exit);
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new SidecarUnavailableError(`The gitspaces sidecar did not answer initialize within ${timeoutMs / 1000} s.`)),
            timeoutMs,
          );
        }),
      ]);
      client.initializeResultValue = result;
      await connection.sendNotification(new NotificationType(Methods.Initialized, ParameterStructures.byName), {});
      logger.info(
        `gitspaces sidecar ${result.serverInfo.name} ${result.serverInfo.version} ready (protocol ${result.protocolVersion}; providers ${result.capabilities.providers.join(", ")})`,
      );
      return client;
    } catch (error) {
      client.kill();
      const clientError = toClientError(error);
      if (clientError instanceof SidecarUnavailableError) {
        clientError.stderr = [...startupStderr];
      }
      throw clientError;
    } finally {
      starting = false;
      clearTimeout(timer);
    }
  }

  get initializeResult(): InitializeResult {
    if (!this.initializeResultValue) {
      throw new Error("initialize has not completed");
    }
    return this.initializeResultValue;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exited === undefined;
  }

  /** Sends a request; errors come back as RpcError or SidecarUnavailableError. */
  async request<M extends RequestMethod>(method: M, params: Params<M>, token?: CancellationToken): Promise<Result<M>> {
    if (this.exited) {
      throw new SidecarUnavailableError("The gitspaces sidecar is not running.");
    }
    const type = new RequestType<Params<M>, Result<M>, unknown>(method, ParameterStructures.byName);
    try {
      return token ? await this.connection.sendRequest(type, params, token) : await this.connection.sendRequest(type, params);
    } catch (error) {
      throw toClientError(error);
    }
  }

  /**
   * Sends one of the long requests with a fresh workDoneToken and delivers its `$/progress` reports to
   * onProgress until the answer arrives. Cancelling the token sends `$/cancelRequest`.
   */
  async longRequest<M extends LongRequestMethod>(
    method: M,
    params: Omit<Params<M>, "workDoneToken">,
    options: LongRequestOptions = {},
  ): Promise<Result<M>> {
    const workDoneToken = `vscode-${process.pid}-${++nextProgressToken}`;
    let progress: Disposable | undefined;
    if (options.onProgress) {
      const onProgress = options.onProgress;
      progress = this.connection.onProgress(new ProgressType<WorkDoneProgress>(), workDoneToken, (value) => onProgress(value));
    }
    try {
      return await this.request(method, { ...params, workDoneToken } as Params<M>, options.token);
    } finally {
      progress?.dispose();
    }
  }

  /** shutdown, then exit; kills the process if it has not exited within timeoutMs. */
  async stop(timeoutMs = 5_000): Promise<SidecarExit> {
    if (this.exited) {
      return this.exited;
    }
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    try {
      const shutdown = await Promise.race([
        this.request(Methods.Shutdown, {}).then(
          () => "ok" as const,
          (error: unknown) => {
            this.logger.warn(`gitspaces sidecar shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
            return "failed" as const;
          },
        ),
        deadline,
        this.exitPromise.then(() => "exited" as const),
      ]);
      if (shutdown !== "exited" && !this.exited) {
        await this.connection.sendNotification(new NotificationType(Methods.Exit, ParameterStructures.byName), {}).catch(() => undefined);
      }
      const outcome = await Promise.race([this.exitPromise, deadline]);
      if (outcome === "timeout") {
        this.logger.warn("gitspaces sidecar did not exit in time; killing it");
        this.kill();
        return await this.exitPromise;
      }
      return outcome;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the process without the protocol's goodbye. */
  kill(): void {
    if (!this.exited) {
      this.stopping = true;
      this.child.kill();
    }
  }

  /** Waits for the process to exit (for tests and the supervisor). */
  waitForExit(): Promise<SidecarExit> {
    return this.exitPromise;
  }
}

/**
 * Wraps the child's stdin so that a write after the process died completes quietly instead of failing:
 * vscode-jsonrpc turns a failed request write into an unhandled rejection, while a quiet write leaves the request
 * pending until the exit handler disposes the connection, which rejects it (as SidecarUnavailableError).
 */
function guardedStdin(stdin: Writable): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (stdin.destroyed || !stdin.writable) {
        callback();
        return;
      }
      stdin.write(chunk, () => callback());
    },
    final(callback) {
      stdin.end();
      callback();
    },
  });
}

function exitedDuringStartup(exit: SidecarExit): SidecarUnavailableError {
  return new SidecarUnavailableError(
    `The gitspaces sidecar exited during startup (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`}); see the Gitspaces log.`,
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function logMessageToLogger(logger: Logger, p: LogMessageParams): void {
  const text = `[sidecar] ${p.message}`;
  switch (p.type) {
    case 1:
      logger.error(text);
      break;
    case 2:
      logger.warn(text);
      break;
    case 3:
      logger.info(text);
      break;
    default:
      logger.debug(text);
  }
}

/** Splits a stream into lines (LF or CRLF) and hands each to onLine; flushes the remainder at the end. */
export function pipeLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffer += chunk;
    let index: number;
    while ((index = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, index).replace(/\r$/, "");
      buffer = buffer.slice(index + 1);
      if (line.length > 0) {
        onLine(line);
      }
    }
  });
  stream.on("end", () => {
    if (buffer.length > 0) {
      onLine(buffer.replace(/\r$/, ""));
      buffer = "";
    }
  });
}
