import * as vscode from "vscode";
import { readSettings, restartSettings } from "./config";
import { registerCommands } from "./commands";
import { autoForward } from "./commands/ports";
import { portsToAutoForward } from "./ports/portItems";
import { PortStore } from "./ports/portStore";
import type { CommandDeps } from "./commands/deps";
import { configureDockerHost } from "./commands/docker";
import { applyStoredHarnessConfig, configureHarness } from "./commands/harness";
import { GitspaceLogs } from "./commands/logs";
import { DevcontainerDiagnostics } from "./diagnostics/devcontainerDiagnostics";
import { WorkspaceDevcontainerCheck } from "./diagnostics/workspaceConfigs";
import { prepareRemoteWindow } from "./remote/reconnect";
import { SidecarClient } from "./sidecar/client";
import { defaultLaunchEnvironment, ensureExecutable, resolveLaunch } from "./sidecar/launch";
import { SidecarSupervisor } from "./sidecar/supervisor";
import { GitspaceStore } from "./state/gitspaceStore";
import { GitspaceUsage } from "./state/usage";
import { GitspacesTreeProvider, viewMessage } from "./tree/gitspacesTree";
import { adviseStartFailure, showStartFailure } from "./ui/startFailure";
import { OperationRunner } from "./ui/progress";
import { registerUriHandler } from "./uri/handler";
import { offerReopenInGitspace } from "./workspace/reopenPrompt";
import { currentSshHost, GitspacesStatusBar } from "./ui/statusBar";

let supervisor: SidecarSupervisor | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel("Gitspaces", { log: true });
  context.subscriptions.push(log);
  const version = (context.extension.packageJSON as { version?: string }).version;

  let giveUpShown = false;
  const sup = new SidecarSupervisor({
    start: () => {
      const settings = readSettings();
      const launch = resolveLaunch(settings, defaultLaunchEnvironment(context.extensionPath));
      ensureExecutable(launch.command);
      return SidecarClient.start(launch, { logger: log, clientInfo: { name: "vscode", version } });
    },
    log: (message) => log.warn(message),
    onGiveUp: (reason, error) => {
      log.error(reason);
      if (giveUpShown) {
        return;
      }
      giveUpShown = true;
      void showStartFailure(adviseStartFailure(error), { showLogs: () => log.show(), restart: restartSidecar }).finally(() => {
        giveUpShown = false;
      });
    },
    onReady: (client) => {
      void (async () => {
        try {
          await applyStoredHarnessConfig(client, readSettings(), context.secrets);
        } catch (error) {
          log.warn(`Could not apply the saved Harness configuration: ${error instanceof Error ? error.message : String(error)}`);
        }
        await store.refresh().catch((error: unknown) => log.warn(`gitspaces/list failed: ${error instanceof Error ? error.message : String(error)}`));
        await configCheck.checkAll();
        // The walkthrough's first step is done once a provider answers.
        try {
          const { providers } = await client.request("providers/list", {});
          void vscode.commands.executeCommand("setContext", "gitspaces.providerReady", providers.some((p) => p.configured && p.reachable));
        } catch (error) {
          log.debug(`providers/list failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      })();
    },
  });
  supervisor = sup;
  // A settings change restarts the sidecar (it reads them at start); a request made right after the change (Configure
  // Docker Host checks the new engine) waits for that restart rather than reach the old process.
  let settingsRestart: Promise<void> = Promise.resolve();
  const sidecar = async () => {
    await settingsRestart;
    return sup.ready();
  };

  const store = new GitspaceStore(sidecar);
  const diagnostics = new DevcontainerDiagnostics(vscode.languages.createDiagnosticCollection("gitspaces"));
  const configCheck = new WorkspaceDevcontainerCheck(sidecar, diagnostics, log);
  context.subscriptions.push(diagnostics, configCheck);
  const statusBar = new GitspacesStatusBar();
  const runner = new OperationRunner(sup.onEvent, statusBar);
  const logs = new GitspaceLogs(sidecar, sup.onLog);
  const usage = new GitspaceUsage(context.globalState);
  const ports = new PortStore(sidecar);
  const tree = new GitspacesTreeProvider(store, usage, ports);
  const view = vscode.window.createTreeView("gitspaces.list", { treeDataProvider: tree, showCollapseAll: false });
  context.subscriptions.push(store, statusBar, logs, ports, tree, view);
  context.subscriptions.push(sup.onDidChange((p) => store.apply(p.gitspace)));

  const restartSidecar = async (): Promise<void> => {
    try {
      await sup.restart();
    } catch {
      // onGiveUp has told the user.
    }
  };

  const deps: CommandDeps = {
    sidecar,
    store,
    runner,
    log,
    secrets: context.secrets,
    settings: readSettings,
    logs,
    extensionId: context.extension.id,
    usage,
    diagnostics,
    workspaceFolders: () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath),
    errors: {
      log,
      showGitspaceLogs: (id) => {
        const gitspace = store.get(id);
        return gitspace ? logs.show(gitspace).catch(() => log.show()) : log.show();
      },
      showSidecarLog: () => log.show(),
      configureProvider: async (provider) => {
        if (provider === "docker") {
          await configureDockerHost(deps);
        } else {
          await configureHarness(deps);
        }
      },
      restartSidecar,
    },
  };
  context.subscriptions.push(...registerCommands(deps, { showSidecarLog: () => log.show(), restartSidecar, view: tree, ports }));
  context.subscriptions.push(
    sup.onDidChange((p) => {
      if (p.gitspace.state !== "running") {
        ports.forget(p.gitspace.id);
      }
    }),
    sup.onPortsChanged((p) => {
      const first = ports.apply(p);
      const gitspace = store.get(p.id);
      const openHere = gitspace?.sshHost !== undefined && gitspace.sshHost.toLowerCase() === currentSshHost()?.toLowerCase();
      if (!gitspace || !readSettings().autoForwardPorts) {
        return;
      }
      for (const port of portsToAutoForward(p, { first, openHere })) {
        void autoForward(deps, ports, { kind: "port", gitspace, port });
      }
    }),
  );
  context.subscriptions.push(registerUriHandler(deps));

  // The view's message says why the list is empty or stale, and what the filter hides.
  const updateView = (): void => {
    view.message = viewMessage({
      sidecar: sup.state,
      loaded: store.loaded,
      lastError: store.lastError,
      problems: store.problems,
      filter: tree.filter,
      shown: tree.shownCount,
      total: store.all.length,
    });
    void vscode.commands.executeCommand("setContext", "gitspaces.loaded", store.loaded);
    void vscode.commands.executeCommand("setContext", "gitspaces.filtered", tree.filter !== undefined);
    void vscode.commands.executeCommand("setContext", "gitspaces.hasGitspaces", store.all.length > 0);
    const host = currentSshHost();
    statusBar.setCurrentGitspace(host ? store.bySshHost(host) : undefined);
  };
  context.subscriptions.push(store.onDidChange(updateView), sup.onState(updateView), tree.onDidChangeTreeData(updateView));
  updateView();

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (restartSettings.some((s) => e.affectsConfiguration(s))) {
        log.info("gitspaces settings changed; restarting the sidecar");
        settingsRestart = restartSidecar();
      }
    }),
  );

  log.info(`Gitspaces extension ${version ?? ""} activated`);
  void sup.start();

  // A window (re)opening on a gitspace's SSH host: VS Code waits for this activation before Remote - SSH connects,
  // so a stopped gitspace is started first.
  const host = currentSshHost();
  if (host) {
    await prepareRemoteWindow(deps, host);
  } else {
    void offerReopenInGitspace(deps, context.globalState).catch((error: unknown) => log.warn(`Reopen in Gitspace offer: ${String(error)}`));
  }
}

export async function deactivate(): Promise<void> {
  const current = supervisor;
  supervisor = undefined;
  await current?.dispose();
}
