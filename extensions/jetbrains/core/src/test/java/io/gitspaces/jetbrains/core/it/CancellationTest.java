package io.gitspaces.jetbrains.core.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gitspaces.jetbrains.core.TestSupport;
import io.gitspaces.jetbrains.core.client.GitspacesClient;
import io.gitspaces.jetbrains.core.model.CreateGitspaceParams;
import io.gitspaces.jetbrains.core.model.Gitspace;
import io.gitspaces.jetbrains.core.model.GitspaceState;
import io.gitspaces.jetbrains.core.model.Ides;
import io.gitspaces.jetbrains.core.model.RepositorySource;
import io.gitspaces.jetbrains.core.model.WorkDoneProgress;
import io.gitspaces.jetbrains.core.rpc.RpcCall;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a long request on the real sidecar: a create whose clone hangs on a loopback server that accepts
 * and never answers is cancelled with {@code $/cancelRequest} and fails with -32800, and the sidecar goes on.
 */
class CancellationTest {

    @Test
    void cancellingAHangingCreateAnswersRequestCancelled() throws Exception {
        Path home = TestSupport.tempDir("gitspaces-jb-home-");
        List<String> log = TestSupport.syncList();
        List<Socket> held = new ArrayList<>();
        String name = "jb-cancel-" + Long.toString(System.nanoTime(), 36);
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                GitspacesClient client = new GitspacesClient(TestSupport.sidecarOptions(home, log).build())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(tarpit.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            client.start();
            List<WorkDoneProgress> progress = TestSupport.syncList();
            String url = "http://127.0.0.1:" + tarpit.getLocalPort() + "/never/answers.git";
            RpcCall<Gitspace> call = client.create(new CreateGitspaceParams(name, RepositorySource.of(url, "main"), null, "docker",
                    Ides.GOLAND, null, null), progress::add);
            TestSupport.waitUntil(Duration.ofSeconds(60), "the clone to reach the tarpit", () -> !held.isEmpty() || call.isDone());
            if (call.isDone()) {
                call.await(); // surfaces why the create ended before cloning
                fail("the create finished without cloning " + url);
            }
            call.cancel();
            RpcException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(RpcException.class, call::await));
            assertTrue(e.isCancelled(), "expected RequestCancelled, got " + e.getMessage());
            // The sidecar goes on, and the cancelled create left nothing running.
            List<Gitspace> left = client.list(null).gitspaces().stream().filter(g -> name.equals(g.name())).toList();
            assertTrue(left.stream().noneMatch(g -> g.state() == GitspaceState.RUNNING || g.state() == GitspaceState.STARTING), left.toString());
            for (Gitspace g : left) {
                client.delete(g.id(), null).await(Duration.ofMinutes(5));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
