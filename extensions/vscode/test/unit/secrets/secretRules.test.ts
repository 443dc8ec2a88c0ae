import { describe, expect, it } from "vitest";
import { describeScope, MaxSecretValueLength, ReservedSecretNames, validateSecretName, validateSecretValue } from "../../../src/secrets/secretRules";

describe("secret names", () => {
  it("accepts environment variable names", () => {
    for (const name of ["NPM_TOKEN", "_x", "a1", "A".repeat(128)]) {
      expect(validateSecretName(name)).toBeUndefined();
    }
  });

  it("rejects what the sidecar rejects: empty, not a variable name, too long, the session's own and GITSPACES_*", () => {
    expect(validateSecretName("")).toBe("A secret needs a name.");
    for (const name of ["1ABC", "MY-TOKEN", "A B", "É", "A".repeat(129)]) {
      expect(validateSecretName(name)).toMatch(/environment variable name/);
    }
    for (const name of [...ReservedSecretNames, "GITSPACES_TOKEN"]) {
      expect(validateSecretName(name)).toMatch(/cannot be a secret/);
    }
    // Lower-case path is not the session's PATH.
    expect(validateSecretName("path")).toBeUndefined();
  });
});

describe("secret values", () => {
  it("accepts one line with tabs, up to 64 KiB", () => {
    expect(validateSecretValue("s3cr3t\twith tab")).toBeUndefined();
    expect(validateSecretValue("x".repeat(MaxSecretValueLength))).toBeUndefined();
  });

  it("rejects line breaks, control characters, a trailing backslash and too long, without quoting the value", () => {
    const bad = ["line1\nline2", "cr\r", "nul\u0000", "del\u007f", "c1\u0085", "ends\\", "x".repeat(MaxSecretValueLength)].map((v) => `Zq9${v}`);
    for (const value of bad) {
      const message = validateSecretValue(value);
      expect(message).toBeDefined();
      expect(message).not.toContain("Zq9");
    }
  });
});

describe("describeScope", () => {
  it("names the global scope in words", () => {
    expect(describeScope(undefined)).toBe("all gitspaces");
    expect(describeScope("github.com/org/*")).toBe("github.com/org/*");
  });
});
