// Drives the VS Code workbench in Debian's chromium through playwright-core: palette commands, quick picks,
// the Gitspaces view, notifications, and a numbered screenshot for every step.
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";

export class Workbench {
  private step = 0;
  readonly steps: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly shotsDir: string,
  ) {}

  static async open(url: string, folder: string, shotsDir: string, profileDir: string): Promise<Workbench> {
    fs.mkdirSync(shotsDir, { recursive: true });
    // A fresh profile folder per run (Playwright passes it as --user-data-dir).
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    return new Workbench(context, page, shotsDir);
  }

  /** Saves a numbered screenshot: the record of what a person sees at each step. */
  async shot(name: string): Promise<string> {
    const file = path.join(this.shotsDir, `${String(++this.step).padStart(2, "0")}-${name}.png`);
    // Notifications and dialogs fade in: let them finish, so the picture shows what a person sees.
    await this.page.waitForTimeout(500);
    await this.page.screenshot({ path: file });
    this.steps.push(path.basename(file));
    return file;
  }

  /** Runs a command from the palette by its title ("Gitspaces: Create Gitspace"). */
  async runCommand(title: string): Promise<void> {
    // A key pressed right after the workbench appears is often lost: focus the editor area first, and retry F1.
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.page.locator(".part.editor").click({ position: { x: 200, y: 200 } });
      await this.page.keyboard.press("F1");
      try {
        await input.waitFor({ state: "visible", timeout: 3_000 });
        break;
      } catch {
        if (attempt === 4) throw new Error("the command palette did not open");
      }
    }
    await input.fill(`>${title}`);
    const row = this.page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    await row.waitFor({ timeout: 15_000 });
    await input.press("Enter");
  }

  /** Waits for a quick pick or input box whose title contains text; returns its widget. */
  async quickInput(title: string, timeoutMs = 60_000): Promise<Locator> {
    const widget = this.page.locator(".quick-input-widget", { has: this.page.locator(".quick-input-title", { hasText: title }) });
    await widget.waitFor({ state: "visible", timeout: timeoutMs });
    return widget;
  }

  /** Waits for a quick pick whose placeholder is the given text, with at least one row. */
  async pickPlaceholder(placeholder: string, timeoutMs = 60_000): Promise<void> {
    await this.page.locator(`.quick-input-widget .quick-input-box input[placeholder="${placeholder}"]`).waitFor({ state: "visible", timeout: timeoutMs });
    await this.page.locator(".quick-input-widget .quick-input-list .monaco-list-row").first().waitFor({ timeout: timeoutMs });
  }

  /** Types text into the open quick pick's filter and waits until the first row matches it. */
  async filterPick(text: string): Promise<void> {
    await this.page.locator(".quick-input-widget .quick-input-box input").fill(text);
    await this.page.locator(".quick-input-widget .quick-input-list .monaco-list-row", { hasText: text }).first().waitFor({ timeout: 15_000 });
  }

  /** In the open quick pick, chooses the row containing text. */
  async choose(widget: Locator, text: string): Promise<void> {
    const row = widget.locator(".quick-input-list .monaco-list-row", { hasText: text }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
  }

  /** Clicks the Gitspaces icon in the activity bar and waits for the view. */
  async openGitspacesView(): Promise<void> {
    const icon = this.page.locator('.part.activitybar .action-item [aria-label^="Gitspaces"]').first();
    await icon.waitFor({ timeout: 60_000 });
    // A reloaded window restores the open view on its own, at a moment of its choosing, and clicking the icon of the
    // open view closes it: a click that crossed the restore leaves the side bar closed. So: click only while the view
    // is closed, give the click (or the restore) a few seconds to show, and go again until the view stays open.
    const deadline = Date.now() + 60_000;
    while (!(await this.view().isVisible())) {
      if (Date.now() > deadline) {
        await this.view().waitFor({ timeout: 1_000 });
      }
      await icon.click();
      await this.view().waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
  }

  /** The Gitspaces view's pane (the tree). */
  view(): Locator {
    // Gitspaces is the only view of its container, so while the container is open the side bar is the view.
    return this.page.locator(".part.sidebar", { has: this.page.locator(".composite.title", { hasText: /gitspaces/i }) }).first();
  }

  /** The tree row of a gitspace whose label or description contains text. */
  treeRow(text: string | RegExp): Locator {
    return this.view().locator(".monaco-list-row", { hasText: text }).first();
  }

  /** Waits until success or failure shows; throws with the failure's text when that came first. */
  async outcome(success: Locator, failure: Locator, timeoutMs: number): Promise<void> {
    await success.or(failure).first().waitFor({ timeout: timeoutMs });
    if (!(await success.first().isVisible()) && (await failure.first().isVisible())) {
      throw new Error(`failed: ${await failure.first().innerText()}`);
    }
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator(".notifications-toasts .notification-toast", { hasText: text }).first();
  }

  /** A button of the notification that contains text. */
  notificationButton(text: string | RegExp, button: string): Locator {
    return this.notification(text).locator(".monaco-button", { hasText: new RegExp(`^${escapeRegExp(button)}$`) }).first();
  }

  /** The modal dialog that contains text. */
  dialog(text: string | RegExp): Locator {
    return this.page.locator(".monaco-dialog-box", { hasText: text }).first();
  }

  /** Clicks a button of the open modal dialog. */
  async dialogButton(button: string): Promise<void> {
    await this.page.locator(".monaco-dialog-box .monaco-button", { hasText: new RegExp(`^${escapeRegExp(button)}$`) }).first().click();
  }

  /** The Problems panel. */
  problems(): Locator {
    return this.page.locator(".markers-panel").first();
  }

  /** Hands a URL to the workbench as a link would (Developer: Open URL), allowing our extension to take it. */
  async openUrl(url: string): Promise<void> {
    await this.runCommand("Developer: Open URL");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible" });
    await input.fill(url);
    await input.press("Enter");
    // VS Code asks before a link runs an extension, unless the user said not to ask again.
    const allow = this.page.locator(".monaco-dialog-box", { hasText: /extension to open this URI/ });
    try {
      await allow.waitFor({ timeout: 5_000 });
      await allow.locator(".monaco-button", { hasText: /^Open$/ }).first().click();
    } catch {
      // no question asked
    }
  }

  /** Dismisses every notification, so that a screenshot shows only what the step is about. */
  async clearNotifications(): Promise<void> {
    await this.runCommand("Notifications: Clear All Notifications");
    await this.page.locator(".notifications-toasts .notification-toast").first().waitFor({ state: "detached", timeout: 10_000 }).catch(() => undefined);
  }

  /** Reloads the window (Developer: Reload Window) and waits for the workbench. */
  async reloadWindow(): Promise<void> {
    const navigated = this.page.waitForEvent("framenavigated", { timeout: 60_000 });
    await this.runCommand("Developer: Reload Window");
    await navigated;
    await this.page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
