/**
 * Finding and spawning the {@code gitspaces} sidecar: no shell is involved, stderr is drained into a bounded
 * tail (for crash reports) and a log sink, and a process that ends unexpectedly becomes a
 * {@link io.gitspaces.jetbrains.core.process.SidecarCrashedException} that names its exit code and last output.
 */
package io.gitspaces.jetbrains.core.process;
