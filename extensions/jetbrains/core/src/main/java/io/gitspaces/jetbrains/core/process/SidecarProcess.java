package io.gitspaces.jetbrains.core.process;

import io.gitspaces.jetbrains.core.rpc.GitspacesException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running {@code gitspaces serve} process. Started with {@link ProcessBuilder} and an argument list (never a
 * shell); stderr is drained on a daemon thread into {@code stderrSink} and a bounded tail kept for crash reports.
 * Secrets never go on the command line: they travel in request bodies only.
 */
public final class SidecarProcess {
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread stderrThread;

    private SidecarProcess(Process process, Consumer<String> stderrSink) {
        this.process = process;
        this.stderrThread = new Thread(() -> drain(process.getErrorStream(), stderrSink), "gitspaces-sidecar-stderr-" + process.pid());
        this.stderrThread.setDaemon(true);
        this.stderrThread.start();
    }

    /**
     * Starts the sidecar.
     *
     * @param executable the {@code gitspaces} executable
     * @param args the arguments (normally {@code serve} and options)
     * @param environment variables to set ({@code null} values remove a variable)
     * @param workingDirectory the working directory, or {@code null} for the current one
     * @param stderrSink receives each stderr line (the sidecar's log)
     * @return the process
     * @throws GitspacesException when the process cannot be started
     */
    public static SidecarProcess start(Path executable, List<String> args, Map<String, String> environment,
            Path workingDirectory, Consumer<String> stderrSink) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getValue() == null) {
                pb.environment().remove(e.getKey());
            } else {
                pb.environment().put(e.getKey(), e.getValue());
            }
        }
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE);
        try {
            return new SidecarProcess(pb.start(), stderrSink);
        } catch (IOException e) {
            throw new GitspacesException("cannot start the gitspaces sidecar " + executable + ": " + e.getMessage(), e);
        }
    }

    /**
     * The process's stdout, which carries the server's frames.
     *
     * @return the stream
     */
    public InputStream stdout() {
        return process.getInputStream();
    }

    /**
     * The process's stdin, which carries the client's frames.
     *
     * @return the stream
     */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /**
     * The process id.
     *
     * @return the pid
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Tells whether the process runs.
     *
     * @return {@code true} while alive
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the process to exit.
     *
     * @param timeout the longest wait
     * @return the exit code, or {@code null} if it still runs
     */
    public Integer waitFor(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The last lines written to stderr, waiting briefly for the drain thread when the process has exited.
     *
     * @return the lines, oldest first
     */
    public List<String> stderrTail() {
        if (!process.isAlive()) {
            try {
                stderrThread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /**
     * Describes an unexpected end of the connection: waits up to two seconds for the process to exit, then names
     * its exit code and last stderr lines.
     *
     * @param cause the I/O failure, or {@code null} for a clean end of its output
     * @return the exception for pending calls
     */
    public SidecarCrashedException crashed(IOException cause) {
        Integer code = waitFor(Duration.ofSeconds(2));
        return new SidecarCrashedException(code, stderrTail(), cause);
    }

    /**
     * Kills the process: asks it to terminate, then forces it after the grace period. Only this process is
     * signalled, by its handle.
     *
     * @param grace how long to wait before forcing
     * @return the exit code, or {@code null} if it could not be stopped
     */
    public Integer kill(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            Integer code = waitFor(grace);
            if (code != null) {
                return code;
            }
            process.destroyForcibly();
            return waitFor(Duration.ofSeconds(5));
        }
        return process.exitValue();
    }

    private void drain(InputStream err, Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                try {
                    sink.accept(line);
                } catch (RuntimeException ignored) {
                    // A failing log sink must not stop the drain, or the sidecar would block on a full pipe.
                }
            }
        } catch (IOException ignored) {
            // The process is gone.
        }
    }
}
