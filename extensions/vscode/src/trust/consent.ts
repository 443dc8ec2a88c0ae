import * as vscode from "vscode";
import { ErrorCodes, type HostAccessEntry } from "../protocol";
import { RpcError } from "../sidecar/errors";

/** What an untrusted repository asks of this machine, from a RepositoryUntrusted error. */
export interface TrustQuestion {
  repository: string;
  hostAccess: HostAccessEntry[];
}

/** The label of the modal's consent button. */
export const TrustAction = "Trust Repository and Continue";

/** The question a RepositoryUntrusted error asks, or undefined for any other error. Pure. */
export function trustQuestion(error: unknown): TrustQuestion | undefined {
  if (!(error instanceof RpcError) || error.code !== ErrorCodes.RepositoryUntrusted) {
    return undefined;
  }
  return { repository: error.data?.repository ?? "the repository", hostAccess: error.data?.hostAccess ?? [] };
}

/** The modal's text: what the repository asks for, one line each, and what trusting means. Pure. */
export function trustDetail(question: TrustQuestion): string {
  const lines = question.hostAccess.map((a) => `• ${a.property}: ${a.detail}`);
  return [
    "Its devcontainer configuration asks to reach this machine, outside the container:",
    ...lines,
    "",
    "Trust it only if you trust its authors. The choice is remembered for this repository; `gitspaces trust revoke` takes it back.",
  ].join("\n");
}

/** Asks the user, in a modal (VS Code's Workspace Trust style), whether to trust the repository. */
export async function askToTrust(question: TrustQuestion, window: Pick<typeof vscode.window, "showWarningMessage"> = vscode.window): Promise<boolean> {
  const choice = await window.showWarningMessage(
    `Do you trust ${question.repository}?`,
    { modal: true, detail: trustDetail(question) },
    TrustAction,
  );
  return choice === TrustAction;
}

/**
 * Runs a create or rebuild; when the server answers RepositoryUntrusted, asks the user and, if they agree, runs it again
 * trusting the repository. A refusal rethrows the server's error, which names what was asked.
 */
export async function withTrustConsent<T>(run: (trustRepository: boolean) => Promise<T>, ask: (question: TrustQuestion) => Promise<boolean> = askToTrust): Promise<T> {
  try {
    return await run(false);
  } catch (error) {
    const question = trustQuestion(error);
    if (!question || !(await ask(question))) {
      throw error;
    }
    return run(true);
  }
}
