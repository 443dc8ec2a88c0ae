import type { Settings } from "../config";
import type { CreateGitspaceParams } from "../protocol";

/** The provider capabilities (providers/list) that say a provider takes dotfiles, secrets and an idle timeout. */
export const PersonalCapabilities = { Dotfiles: "dotfiles", Secrets: "secrets", AutoStop: "autoStop" } as const;

/** The sidecar's longest idle timeout (IdleTimeout.MaxSeconds): 30 days. */
export const MaxAutoStopSeconds = 30 * 24 * 3600;

/**
 * What a create adds from the user's VS Code settings, for a provider with these capabilities: the dotfiles.* settings
 * (when dotfiles.repository is set) and gitspaces.autoStopMinutes (when the user set it). What is left out the sidecar
 * takes from its own settings.json (then 60 minutes), so a CLI user's choices hold unless VS Code says otherwise.
 */
export function createPersonalization(settings: Settings, capabilities: readonly string[]): Pick<CreateGitspaceParams, "dotfiles" | "autoStopSeconds"> {
  const result: Pick<CreateGitspaceParams, "dotfiles" | "autoStopSeconds"> = {};
  const dotfiles = settings.dotfiles;
  if (capabilities.includes(PersonalCapabilities.Dotfiles) && dotfiles && dotfiles.repository !== "") {
    result.dotfiles = {
      repository: dotfiles.repository,
      ...(dotfiles.targetPath ? { targetPath: dotfiles.targetPath } : {}),
      ...(dotfiles.installCommand ? { installCommand: dotfiles.installCommand } : {}),
    };
  }
  const minutes = settings.autoStopMinutes;
  if (capabilities.includes(PersonalCapabilities.AutoStop) && minutes !== undefined && Number.isFinite(minutes) && minutes >= 0) {
    result.autoStopSeconds = Math.min(Math.round(minutes * 60), MaxAutoStopSeconds);
  }
  return result;
}

/** "never", "45 min", "1 h", "1 h 30 min", "90 s": an idle timeout in words. */
export function formatAutoStop(seconds: number): string {
  if (seconds <= 0) {
    return "never";
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours > 0 ? `${hours} h` : "", minutes > 0 ? `${minutes} min` : "", rest > 0 ? `${rest} s` : ""].filter((p) => p !== "");
  return parts.join(" ");
}

/**
 * Reads a timeout the way `gitspaces up --auto-stop` does: "30m", "2h", "90s", "1h30m", a bare number of minutes,
 * "0", "never" or "off". Resolves the seconds (0 never), or undefined when the text is not a timeout or too long.
 */
export function parseAutoStop(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (value === "") {
    return undefined;
  }
  if (value === "never" || value === "off") {
    return 0;
  }
  let seconds: number;
  if (/^\d+$/.test(value)) {
    seconds = Number(value) * 60;
  } else {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value.replace(/\s+/g, ""));
    if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) {
      return undefined;
    }
    seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  }
  return seconds <= MaxAutoStopSeconds ? seconds : undefined;
}
