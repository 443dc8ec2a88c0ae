import { ErrorCodes } from "../protocol";

// Text written for the CLI or for protocol clients: a command to type, a method to call, an environment variable.
// An editor user has buttons for these instead.
const cliOrProtocol = /`[^`]*`|\bgitspaces (?:login|list|up|open|delete|start|stop)\b|\b(?:providers|gitspaces|devcontainer)\/[a-zA-Z]+\b|\bDOCKER_HOST\b|--[a-z][a-z-]+/;

/**
 * Rewrites a message from the sidecar for an editor user: a sentence that tells them to run a command or call a
 * method is dropped, or cut at its colon when what comes before says what is wrong ("Not logged in to Harness: run
 * `gitspaces login …`" becomes "Not logged in to Harness.").
 */
export function inUserWords(text: string | undefined): string {
  if (!text) {
    return "";
  }
  // Sentences end with a full stop, or (where the sidecar joined a message and its hint without one) just before an
  // instruction's verb.
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z`])|\s+(?=(?:Start|Check|Run|Log in|Point|Change|Set|Use|Wait|Try|Fix|List) )/);
  const kept: string[] = [];
  for (const sentence of sentences) {
    if (!cliOrProtocol.test(sentence)) {
      kept.push(sentence);
      continue;
    }
    const colon = sentence.indexOf(": ");
    const before = colon > 0 ? sentence.slice(0, colon) : "";
    if (before.length > 0 && !cliOrProtocol.test(before)) {
      kept.push(`${before}.`);
    }
  }
  return kept.join(" ").trim();
}

/** The button that fixes a provider's configuration, by provider id. */
export function configureActionOf(provider: string | undefined): string {
  switch (provider) {
    case "docker":
      return "Configure Docker Host";
    case "harness":
      return "Configure Harness";
    default:
      return "Configure";
  }
}

/** What to do about an error of this code from this provider, said for an editor user; undefined to keep the sidecar's hint. */
export function editorHint(code: number, provider: string | undefined): string | undefined {
  switch (code) {
    case ErrorCodes.ProviderUnavailable:
      return provider === "docker" ? "Start Docker, or choose another Docker host." : undefined;
    case ErrorCodes.ProviderNotConfigured:
      return provider === "harness" ? "Set up Harness with its URL, your account and an API token." : undefined;
    case ErrorCodes.Unauthorized:
      return provider === "harness" ? "Enter a new API token: it may have expired, been revoked or lack the gitspace permissions." : undefined;
    case ErrorCodes.GitspaceNotFound:
      return "It may have been deleted elsewhere.";
    default:
      return undefined;
  }
}
