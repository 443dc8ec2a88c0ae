package io.gitspaces.jetbrains.core.process;

import io.gitspaces.jetbrains.core.rpc.ConnectionClosedException;
import java.util.List;

/**
 * The sidecar process ended (or stopped answering) while the client still used it. Pending calls fail with this;
 * {@link io.gitspaces.jetbrains.core.client.GitspacesClient#restart()} starts a new one.
 */
public class SidecarCrashedException extends ConnectionClosedException {
    private static final long serialVersionUID = 1L;

    private final Integer exitCode;
    private final List<String> stderrTail;

    /**
     * Creates the exception.
     *
     * @param exitCode the exit code, or {@code null} if the process had not exited yet
     * @param stderrTail the last lines it wrote to stderr
     * @param cause the I/O failure that revealed the crash, if any
     */
    public SidecarCrashedException(Integer exitCode, List<String> stderrTail, Throwable cause) {
        super(message(exitCode, stderrTail), cause);
        this.exitCode = exitCode;
        this.stderrTail = List.copyOf(stderrTail);
    }

    /**
     * The process's exit code.
     *
     * @return the code, or {@code null} if it had not exited when the connection broke
     */
    public Integer exitCode() {
        return exitCode;
    }

    /**
     * The last lines the process wrote to stderr.
     *
     * @return the lines, oldest first
     */
    public List<String> stderrTail() {
        return stderrTail;
    }

    private static String message(Integer exitCode, List<String> tail) {
        StringBuilder sb = new StringBuilder("the gitspaces sidecar ");
        if (exitCode == null) {
            sb.append("closed its connection unexpectedly");
        } else {
            sb.append("exited unexpectedly with code ").append(exitCode);
            if (exitCode > 128 && exitCode < 160) {
                sb.append(" (killed by signal ").append(exitCode - 128).append(')');
            }
        }
        if (!tail.isEmpty()) {
            sb.append("; its last output: ").append(String.join(" | ", tail.subList(Math.max(0, tail.size() - 5), tail.size())));
        }
        return sb.append(". Restart it to go on.").toString();
    }
}
