package io.gitspaces.jetbrains.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.TestSupport;
import io.gitspaces.jetbrains.core.client.GitspacesClient;
import io.gitspaces.jetbrains.core.model.ListGitspacesResult;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import io.gitspaces.jetbrains.core.process.SidecarCrashedException;
import io.gitspaces.jetbrains.core.rpc.GitspacesException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real sidecar killed under a pending call: the call fails clearly, and the client restarts it. */
class SidecarCrashTest {

    @Test
    void aKilledSidecarFailsThePendingCallAndRestarts() throws Exception {
        Path home = TestSupport.tempDir("gitspaces-jb-home-");
        List<String> log = TestSupport.syncList();
        List<GitspacesException> crashes = TestSupport.syncList();
        GitspacesClient client = new GitspacesClient(TestSupport.sidecarOptions(home, log).build());
        client.onCrash(crashes::add);
        try {
            client.start();
            long pid = client.sidecarPid();
            // Freeze the sidecar so the next call is certainly pending, then kill it.
            TestSupport.run(home, "kill", "-STOP", Long.toString(pid));
            CompletableFuture<ListGitspacesResult> pending = CompletableFuture.supplyAsync(() -> client.list(null));
            Thread.sleep(500);
            assertTrue(!pending.isDone(), "the call waits on the frozen sidecar");
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> pending.get(15, TimeUnit.SECONDS));
            SidecarCrashedException crash = assertInstanceOf(SidecarCrashedException.class, failed.getCause());
            assertEquals(137, crash.exitCode());
            assertTrue(crash.getMessage().startsWith("the gitspaces sidecar exited unexpectedly with code 137 (killed by signal 9)"), crash.getMessage());
            TestSupport.waitUntil(Duration.ofSeconds(5), "the crash listener", () -> crashes.size() == 1);
            assertEquals(crash, crashes.get(0));

            // The explicit restart path.
            client.restart();
            long second = client.sidecarPid();
            assertNotEquals(pid, second);
            assertAnswers(client);

            // The automatic one: the next call after a crash starts a new sidecar.
            ProcessHandle.of(second).orElseThrow().destroyForcibly();
            TestSupport.waitUntil(Duration.ofSeconds(10), "the second crash", () -> crashes.size() == 2);
            assertAnswers(client);
            assertNotEquals(second, client.sidecarPid());
            assertTrue(log.stream().anyMatch(l -> l.contains("restarting the gitspaces sidecar")), log.toString());
            assertEquals(0, client.shutdown(Duration.ofSeconds(30)));
        } finally {
            client.close();
        }
    }

    /** A request gets an answer (a result or a JSON-RPC error), not a crash: the sidecar is alive and serving. */
    private static void assertAnswers(GitspacesClient client) {
        try {
            client.get("no-such-gitspace-" + System.nanoTime());
        } catch (RpcException answered) {
            assertTrue(answered.code() != 0, answered.getMessage());
        }
        assertTrue(client.isRunning());
    }
}
