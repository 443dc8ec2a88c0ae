package io.gitspaces.jetbrains.core;

import static org.junit.jupiter.api.Assertions.fail;

import io.gitspaces.jetbrains.core.client.ClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Shared helpers: where the repository and the sidecar are, temp folders, polling. */
public final class TestSupport {
    private TestSupport() {
    }

    /**
     * The repository root: {@code -Dgitspaces.repoRoot} (set by test.sh), else found from the working directory.
     *
     * @return the root
     */
    public static Path repoRoot() {
        String prop = System.getProperty("gitspaces.repoRoot");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("extensions/jetbrains")) && Files.isDirectory(p.resolve("server"))) {
                return p;
            }
        }
        fail("cannot find the repository root from " + dir + "; run the tests with extensions/jetbrains/test.sh");
        return null;
    }

    /**
     * The built sidecar, {@code artifacts/bin/gitspaces}; fails the test with what to do when it is missing.
     *
     * @return the executable
     */
    public static Path sidecar() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        Path p = repoRoot().resolve("artifacts/bin").resolve(windows ? "gitspaces.exe" : "gitspaces");
        if (!Files.isRegularFile(p)) {
            fail("the gitspaces sidecar is not built: " + p + " is missing. Run `npm run build` at the repository root first.");
        }
        if (!windows && !Files.isExecutable(p)) {
            fail("the gitspaces sidecar " + p + " is not executable. Run `npm run build` at the repository root.");
        }
        return p;
    }

    /**
     * Client options for the real sidecar with {@code GITSPACES_HOME} in a fresh temp folder.
     *
     * @param home the sidecar's home folder
     * @param log collects the sidecar's stderr
     * @return the options builder
     */
    public static ClientOptions.Builder sidecarOptions(Path home, List<String> log) {
        return ClientOptions.builder(sidecar())
                .env("GITSPACES_HOME", home.toString())
                .clientInfo("gitspaces-jetbrains-tests", "0")
                .requestTimeout(Duration.ofSeconds(60))
                .log(log::add);
    }

    /**
     * A thread-safe list for logs and observed notifications.
     *
     * @param <T> the element type
     * @return the list
     */
    public static <T> List<T> syncList() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /**
     * A fresh temp folder.
     *
     * @param prefix the name prefix
     * @return the folder
     */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until a condition holds.
     *
     * @param timeout the longest wait
     * @param what what is awaited, for the failure message
     * @param condition the condition
     */
    public static void waitUntil(Duration timeout, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /**
     * Runs a command (no shell) and returns its exit code; for test fixtures (git).
     *
     * @param dir the working directory
     * @param command the command
     * @return the exit code
     */
    public static int run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed with " + p.exitValue() + ": " + out);
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a git repository whose devcontainer.json uses the local base image.
     *
     * @param devcontainerJson the devcontainer.json text
     * @return the repository folder (branch {@code main}, one commit)
     */
    public static Path gitRepo(String devcontainerJson) {
        Path repo = tempDir("gitspaces-jb-repo-");
        try {
            Files.createDirectories(repo.resolve(".devcontainer"));
            Files.writeString(repo.resolve(".devcontainer/devcontainer.json"), devcontainerJson);
            Files.writeString(repo.resolve("README.md"), "# test repository for the JetBrains client\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        run(repo, "git", "init", "-q", "-b", "main");
        run(repo, "git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "add", "-A");
        run(repo, "git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "init");
        return repo;
    }
}
