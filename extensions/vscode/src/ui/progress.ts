import * as vscode from "vscode";
import type { GitspaceEventParams, WorkDoneProgress } from "../protocol";
import type { GitspacesStatusBar } from "./statusBar";

export interface OperationSpec<T> {
  /** The notification's title, e.g. "Stopping gitspace web". */
  title: string;
  /** Which gitspace events to show as progress messages. */
  acceptEvent?: (p: GitspaceEventParams) => boolean;
  /** Sends the request, reporting $/progress to onProgress and honouring the token. */
  run: (onProgress: (value: WorkDoneProgress) => void, token: vscode.CancellationToken) => Promise<T>;
}

/**
 * Runs long sidecar requests under window.withProgress (cancellable: Cancel sends $/cancelRequest through the
 * token), fed by $/progress and gitspaces/event, with the status-bar spinner while it runs.
 */
export class OperationRunner {
  constructor(
    private readonly events: vscode.Event<GitspaceEventParams>,
    private readonly statusBar: GitspacesStatusBar,
  ) {}

  run<T>(spec: OperationSpec<T>): Promise<T> {
    const busy = this.statusBar.beginOperation(spec.title);
    const work = vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: spec.title, cancellable: true },
      async (progress, token) => {
        let percentage = 0;
        const report = (message: string | undefined, newPercentage?: number): void => {
          const update: { message?: string; increment?: number } = {};
          if (message) {
            update.message = message;
          }
          if (newPercentage !== undefined && newPercentage > percentage) {
            update.increment = newPercentage - percentage;
            percentage = newPercentage;
          }
          if (update.message !== undefined || update.increment !== undefined) {
            progress.report(update);
          }
        };
        const subscription = spec.acceptEvent
          ? this.events((p) => {
              if (spec.acceptEvent!(p)) {
                report(p.event.message);
              }
            })
          : undefined;
        try {
          return await spec.run((value) => {
            if (value.kind !== "end") {
              report(value.message ?? (value.kind === "begin" ? value.title : undefined), value.percentage);
            }
          }, token);
        } finally {
          subscription?.dispose();
        }
      },
    );
    return Promise.resolve(work).finally(() => busy.dispose());
  }
}
