package io.gitspaces.jetbrains.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gitspaces.jetbrains.core.TestSupport;
import io.gitspaces.jetbrains.core.client.ClientOptions;
import io.gitspaces.jetbrains.core.client.GitspacesClient;
import io.gitspaces.jetbrains.core.rpc.GitspacesException;
import io.gitspaces.jetbrains.core.rpc.ProtocolException;
import io.gitspaces.jetbrains.core.rpc.RpcTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client against a misbehaving child process ({@link FakeSidecarMain}): clear errors, no hangs, no leftovers. */
class FakeSidecarProcessTest {

    private static ClientOptions.Builder fake(String mode, List<String> log) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String cp = System.getProperty("gitspaces.classpath");
        if (cp == null) {
            fail("set -Dgitspaces.classpath to the test, main and Gson class path (extensions/jetbrains/test.sh does)");
        }
        return ClientOptions.builder(Path.of(java))
                .args(List.of("-cp", cp, FakeSidecarMain.class.getName(), mode))
                .requestTimeout(Duration.ofSeconds(20))
                .log(log::add);
    }

    @Test
    void garbageOnStdoutFailsStartupClearlyAndKillsTheProcess() {
        List<String> log = TestSupport.syncList();
        GitspacesClient client = new GitspacesClient(fake("garbage", log).build());
        ProtocolException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThrows(ProtocolException.class, client::start));
        assertTrue(e.getMessage().contains("'Unhandled exception. System.IO.IOException: boom' is not a 'Name: value' line"), e.getMessage());
        assertFalse(client.isRunning());
        assertEquals(-1, client.sidecarPid(), "the process was stopped");
    }

    @Test
    void aSidecarThatDiesNamesItsExitCodeAndLastOutput() {
        List<String> log = TestSupport.syncList();
        GitspacesClient client = new GitspacesClient(fake("exit", log).build());
        SidecarCrashedException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThrows(SidecarCrashedException.class, client::start));
        assertEquals(3, e.exitCode());
        assertTrue(e.stderrTail().contains("fatal: cannot open the state database"), e.stderrTail().toString());
        assertEquals("the gitspaces sidecar exited unexpectedly with code 3; its last output: fatal: cannot open the state database. Restart it to go on.",
                e.getMessage());
        assertTrue(log.contains("fatal: cannot open the state database"), "stderr goes to the log sink");
    }

    @Test
    void aSidecarThatNeverAnswersTimesOutAndIsKilled() {
        List<String> log = TestSupport.syncList();
        GitspacesClient client = new GitspacesClient(fake("hang", log).requestTimeout(Duration.ofSeconds(2)).build());
        RpcTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(RpcTimeoutException.class, client::start));
        assertTrue(e.getMessage().startsWith("initialize got no answer"), e.getMessage());
        assertFalse(client.isRunning());
    }

    @Test
    void crashesRestartAutomaticallyWithinTheBudgetThenStop() {
        List<String> log = TestSupport.syncList();
        List<GitspacesException> crashes = TestSupport.syncList();
        GitspacesClient client = new GitspacesClient(fake("flaky", log).restarts(1, Duration.ofMinutes(5)).build());
        client.onCrash(crashes::add);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals("fake", client.start().serverInfo().name());
            long firstPid = client.sidecarPid();
            SidecarCrashedException first = assertThrows(SidecarCrashedException.class, () -> client.list(null));
            assertEquals(7, first.exitCode());
            assertTrue(first.getMessage().contains("fake sidecar: dying on gitspaces/list"), first.getMessage());
            TestSupport.waitUntil(Duration.ofSeconds(5), "the crash listener", () -> crashes.size() == 1);
            assertInstanceOf(SidecarCrashedException.class, client.lastCrash());
            // The next call restarts it (a new process), which dies again.
            assertThrows(SidecarCrashedException.class, () -> client.get("x"));
            assertTrue(client.sidecarPid() != firstPid);
            assertTrue(log.stream().anyMatch(l -> l.contains("restarting the gitspaces sidecar")), log.toString());
            // The second death is noticed by the process watcher, not by the failed call: wait for it as for the first.
            TestSupport.waitUntil(Duration.ofSeconds(5), "the second crash", () -> crashes.size() == 2);
            // The budget of one restart is spent: no third process.
            GitspacesException gaveUp = assertThrows(GitspacesException.class, () -> client.list(null));
            assertTrue(gaveUp.getMessage().contains("is not restarted automatically any more; restart it by hand"), gaveUp.getMessage());
            // A manual restart still works.
            assertEquals("fake", client.restart().serverInfo().name());
            assertTrue(client.isRunning());
            client.close();
        });
    }

    @Test
    void aMissingExecutableIsAClearError() {
        GitspacesClient client = new GitspacesClient(ClientOptions.builder(Path.of("/nonexistent/gitspaces")).build());
        GitspacesException e = assertThrows(GitspacesException.class, client::start);
        assertTrue(e.getMessage().startsWith("cannot start the gitspaces sidecar /nonexistent/gitspaces"), e.getMessage());
    }
}
