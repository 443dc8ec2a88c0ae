import * as path from "node:path";
import { defineConfig } from "vitest/config";

// Three layers, each its own project so `npm test` can report them separately:
//  unit     — src/ against the hand-written vscode mock (test/unit mirrors src/)
//  protocol — the client module against the real `gitspaces serve`, plus the contract drift check
//  e2e      — the packaged VSIX in code-server, driven by Playwright and Debian's chromium
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { vscode: path.resolve(__dirname, "test/mocks/vscode.ts") } },
        // The tests that spawn the fake sidecar take seconds on a loaded machine: a wide timeout, never a timing check.
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", restoreMocks: true, testTimeout: 30_000 },
      },
      {
        test: { name: "protocol", include: ["test/protocol/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 600_000 },
      },
      {
        test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], environment: "node", testTimeout: 600_000, hookTimeout: 600_000 },
      },
    ],
  },
});
