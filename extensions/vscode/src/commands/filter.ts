import * as vscode from "vscode";

/** What the filter commands need of the view. */
export interface FilterableView {
  readonly filter: string | undefined;
  setFilter(text: string | undefined): void;
}

/**
 * Narrows the Gitspaces view as the user types (name, repository, branch, provider or state); Enter keeps the filter,
 * Escape puts the previous one back.
 */
export async function filterGitspaces(view: FilterableView): Promise<string | undefined> {
  const before = view.filter;
  const value = await vscode.window.showInputBox({
    title: "Filter Gitspaces",
    prompt: "Show the gitspaces whose name, repository, branch, provider or state contains this text",
    placeHolder: "for example: web, main, running, harness",
    value: before ?? "",
    // Each keystroke filters the view at once; nothing to validate.
    validateInput: (text) => {
      view.setFilter(text);
      return undefined;
    },
  });
  if (value === undefined) {
    view.setFilter(before);
    return before;
  }
  view.setFilter(value);
  return view.filter;
}

export function clearGitspacesFilter(view: FilterableView): void {
  view.setFilter(undefined);
}
