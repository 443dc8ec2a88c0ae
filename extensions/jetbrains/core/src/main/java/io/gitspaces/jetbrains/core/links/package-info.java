/**
 * Deep links that open a gitspace in a JetBrains IDE: Gateway's built-in SSH connector
 * ({@code jetbrains-gateway://connect#type=ssh&…}), this plugin's own connector
 * ({@code jetbrains-gateway://connect#gitspace=<id>}), and the Toolbox App ({@code jetbrains://gateway/…}).
 */
package io.gitspaces.jetbrains.core.links;
