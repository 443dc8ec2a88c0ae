package io.gitspaces.jetbrains.core.model;

/**
 * Deep links that open a gitspace in each editor, as the sidecar built them.
 *
 * @param vscode the {@code vscode://} link
 * @param vscodeInsiders the {@code vscode-insiders://} link
 * @param cursor the {@code cursor://} link
 * @param windsurf the {@code windsurf://} link
 * @param jetbrainsGateway the {@code jetbrains-gateway://connect#…} link
 * @param jetbrainsToolbox the {@code jetbrains://gateway/…} link the Toolbox App handles
 * @param web the browser URL, for providers with a web IDE
 */
public record ConnectLinks(
        String vscode,
        String vscodeInsiders,
        String cursor,
        String windsurf,
        String jetbrainsGateway,
        String jetbrainsToolbox,
        String web) {
}
