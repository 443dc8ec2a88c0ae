// The sidecar's rules for secrets (SecretStore.ValidateName/ValidateValue in server/Gitspaces.Core/Secrets), checked
// while the user types so a bad name or value is said at once; the sidecar checks them again on secrets/set.
// Messages never quote a value.

/** Names sshd sets for every session: a secret may not replace one. */
export const ReservedSecretNames: readonly string[] = [
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "TERM",
  "PATH",
  "PWD",
  "HOSTNAME",
  "MAIL",
  "SSH_AUTH_SOCK",
  "SSH_CLIENT",
  "SSH_CONNECTION",
  "SSH_TTY",
];

/** The longest value, in UTF-16 code units as the sidecar counts them: 64 KiB. */
export const MaxSecretValueLength = 64 * 1024;

/** Why a name cannot be a secret's, or undefined when it can. */
export function validateSecretName(name: string): string | undefined {
  if (name === "") {
    return "A secret needs a name.";
  }
  if (name.length > 128 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return "A secret's name is an environment variable name: letters, digits and underscores, not starting with a digit, at most 128.";
  }
  if (ReservedSecretNames.includes(name) || name.startsWith("GITSPACES_")) {
    return `${name} is set by the SSH session itself (or by gitspaces) and cannot be a secret.`;
  }
  return undefined;
}

/** Why a value cannot be a secret's, or undefined when it can. Never quotes the value. */
export function validateSecretValue(value: string): string | undefined {
  if (value.length > MaxSecretValueLength) {
    return `The value is longer than ${MaxSecretValueLength} characters.`;
  }
  // An SSH session's environment comes from one line of authorized_keys (docs/personalization.md).
  if (/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(value)) {
    return "The value has a line break or another control character, which an SSH session's environment cannot carry (base64-encode a multi-line value).";
  }
  if (value.endsWith("\\")) {
    return "The value ends with a backslash, which an SSH session's environment cannot carry.";
  }
  return undefined;
}

/** How a scope reads: the pattern, or "all gitspaces" for the global scope. */
export function describeScope(scope: string | undefined): string {
  return scope ? scope : "all gitspaces";
}
