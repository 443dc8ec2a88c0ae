package io.gitspaces.jetbrains.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.TestSupport;
import io.gitspaces.jetbrains.core.client.AutoStop;
import io.gitspaces.jetbrains.core.client.GitspacesClient;
import io.gitspaces.jetbrains.core.links.GatewayLinks;
import io.gitspaces.jetbrains.core.links.JetBrainsProduct;
import io.gitspaces.jetbrains.core.links.SshTarget;
import io.gitspaces.jetbrains.core.links.ToolboxLinks;
import io.gitspaces.jetbrains.core.model.ConnectResult;
import io.gitspaces.jetbrains.core.model.CreateGitspaceParams;
import io.gitspaces.jetbrains.core.model.DeleteGitspaceResult;
import io.gitspaces.jetbrains.core.model.DotfilesSource;
import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.EventTypes;
import io.gitspaces.jetbrains.core.model.ForwardPortParams;
import io.gitspaces.jetbrains.core.model.Gitspace;
import io.gitspaces.jetbrains.core.model.GitspaceEvent;
import io.gitspaces.jetbrains.core.model.GitspaceEventParams;
import io.gitspaces.jetbrains.core.model.GitspaceLogParams;
import io.gitspaces.jetbrains.core.model.GitspaceLogsResult;
import io.gitspaces.jetbrains.core.model.GitspacePort;
import io.gitspaces.jetbrains.core.model.GitspaceState;
import io.gitspaces.jetbrains.core.model.LogLine;
import io.gitspaces.jetbrains.core.model.Ides;
import io.gitspaces.jetbrains.core.model.PortForward;
import io.gitspaces.jetbrains.core.model.RepositorySource;
import io.gitspaces.jetbrains.core.model.WorkDoneProgress;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A gitspace's whole life on the real Docker engine through the real sidecar: create (with dotfiles and an idle
 * timeout), list, events and logs, connect and links, ports, auto-stop changed, stop, start, delete — with the
 * server's notifications observed on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerGitspaceTest {
    private static final Duration OPERATION = Duration.ofMinutes(10);
    private static final String DOTFILES_MARKER = "jb-dotfiles-installed";
    private static final int AUTO_STOP = 1800;
    private final Path home = TestSupport.tempDir("gitspaces-jb-home-");
    private final List<String> log = TestSupport.syncList();
    private final List<Gitspace> changes = TestSupport.syncList();
    private final List<GitspaceEventParams> events = TestSupport.syncList();
    private final List<GitspaceLogParams> logLines = TestSupport.syncList();
    private final String name = "jb-it-" + Long.toString(System.nanoTime(), 36);
    private GitspacesClient client;
    private Path repo;
    private Path dotfiles;
    private String id;
    private boolean deleted;

    @BeforeAll
    void startSidecar() {
        repo = TestSupport.gitRepo("{\"image\":\"gitspaces-base:bookworm\"}\n");
        dotfiles = dotfilesRepo();
        client = new GitspacesClient(TestSupport.sidecarOptions(home, log).build());
        client.onDidChange(changes::add);
        client.onEvent(events::add);
        client.onLog(logLines::add);
        client.start();
    }

    @AfterAll
    void cleanUp() {
        if (client == null) {
            return;
        }
        try {
            if (id != null && !deleted) {
                client.delete(id, null).await(OPERATION);
            }
        } finally {
            client.close();
        }
    }

    /** A local dotfiles repository whose install.sh says it ran (its output is in the gitspace's log). */
    private static Path dotfilesRepo() {
        Path dir = TestSupport.tempDir("gitspaces-jb-dotfiles-");
        try {
            Path install = dir.resolve("install.sh");
            Files.writeString(install, "#!/bin/sh\nset -e\necho \"" + DOTFILES_MARKER + " as $(id -un)\"\nln -sfn \"$PWD/.jbrc\" \"$HOME/.jbrc\"\n");
            Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve(".jbrc"), "# from the JetBrains client's test dotfiles\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TestSupport.run(dir, "git", "init", "-q", "-b", "main");
        TestSupport.run(dir, "git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "add", "-A");
        TestSupport.run(dir, "git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "dotfiles");
        return dir;
    }

    private Gitspace requireCreated() {
        assertNotNull(id, "the create step failed; see its failure");
        return client.get(id);
    }

    private boolean sawChange(GitspaceState state) {
        synchronized (changes) {
            return changes.stream().anyMatch(g -> g.id().equals(id) && g.state() == state);
        }
    }

    @Test
    @Order(1)
    void create() {
        List<WorkDoneProgress> progress = TestSupport.syncList();
        CreateGitspaceParams params = new CreateGitspaceParams(name, RepositorySource.of(repo.toString(), "main"), null, "docker",
                Ides.INTELLIJ, null, null)
                .withDotfiles(DotfilesSource.fromFields(dotfiles.toString(), " ", ""))
                .withAutoStopSeconds(AUTO_STOP);
        Gitspace g = client.create(params, progress::add).await(OPERATION);
        id = g.id();
        assertEquals(AUTO_STOP, g.autoStopSeconds(), "the gitspace carries the timeout it was created with");
        assertEquals(GitspaceState.RUNNING, g.state(), "created gitspace: " + g + "\nsidecar log:\n" + String.join("\n", log));
        assertEquals("docker", g.provider());
        assertEquals(Ides.INTELLIJ, g.ide());
        assertEquals(name, g.name());
        assertNotNull(g.createdAt());
        assertFalse(progress.isEmpty(), "$/progress was reported for the create");
        assertEquals("begin", progress.get(0).kind());
        assertEquals("end", progress.get(progress.size() - 1).kind());
        TestSupport.waitUntil(Duration.ofSeconds(10), "a didChange to running", () -> sawChange(GitspaceState.RUNNING));
        synchronized (events) {
            List<GitspaceEventParams> mine = events.stream().filter(e -> e.gitspaceId().equals(id)).toList();
            assertFalse(mine.isEmpty(), "gitspaces/event notifications for the new gitspace");
            for (GitspaceEventParams e : mine) {
                assertTrue(EventTypes.ALL.contains(e.event().type()), "known event type " + e.event().type());
                assertNotNull(e.event().timestamp());
            }
        }
    }

    @Test
    @Order(2)
    void listAndGet() {
        Gitspace g = requireCreated();
        assertEquals(GitspaceState.RUNNING, g.state());
        assertEquals(AUTO_STOP, g.autoStopSeconds());
        assertTrue(client.list(null).gitspaces().stream().anyMatch(x -> x.id().equals(id) && x.state() == GitspaceState.RUNNING));
        assertTrue(client.list("docker").gitspaces().stream().anyMatch(x -> x.id().equals(id)));
    }

    @Test
    @Order(3)
    void eventsAndLogs() {
        requireCreated();
        List<GitspaceEvent> history = client.events(id);
        assertFalse(history.isEmpty());
        for (int i = 1; i < history.size(); i++) {
            assertFalse(history.get(i).timestamp().isBefore(history.get(i - 1).timestamp()), "events are oldest first");
        }
        assertTrue(history.stream().allMatch(e -> EventTypes.ALL.contains(e.type())), history.toString());
        GitspaceLogsResult page = client.logs(id, 0L, 1000);
        assertTrue(!page.lines().isEmpty() || !logLines.isEmpty(), "the gitspace has a log (page or gitspaces/log notifications)");
        assertTrue(page.next() >= page.lines().size());
    }

    @Test
    @Order(3)
    void dotfilesAreInstalledAsTheRemoteUserAfterTheAnswer() {
        Gitspace g = requireCreated();
        // The install runs after postCreateCommand, which by default comes after the create's answer.
        TestSupport.waitUntil(Duration.ofMinutes(3), "dotfiles_install_completed or _failed", () -> client.events(id).stream()
                .anyMatch(e -> e.type().equals(EventTypes.DOTFILES_INSTALL_COMPLETED) || e.type().equals(EventTypes.DOTFILES_INSTALL_FAILED)));
        List<GitspaceEvent> history = client.events(id);
        assertTrue(history.stream().anyMatch(e -> e.type().equals(EventTypes.DOTFILES_INSTALL_START)), history.toString());
        assertTrue(history.stream().anyMatch(e -> e.type().equals(EventTypes.DOTFILES_INSTALL_COMPLETED)), history.toString());
        List<String> lines = client.logs(id, 0L, 5000).lines().stream().map(LogLine::line).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[dotfiles] ") && l.contains(DOTFILES_MARKER + " as " + g.remoteUser())),
                "install.sh ran as the remote user " + g.remoteUser() + ":\n" + String.join("\n", lines));
    }

    @Test
    @Order(4)
    void autoStopCanBeChangedWhileRunning() {
        requireCreated();
        Gitspace never = client.updateAutoStop(id, AutoStop.parse("never").getAsInt(), null).await(OPERATION);
        assertEquals(0, never.autoStopSeconds());
        assertEquals(GitspaceState.RUNNING, never.state(), "a running gitspace stays running");
        assertEquals(0, client.get(id).autoStopSeconds());
        Gitspace twoHours = client.updateAutoStop(id, AutoStop.parse("2h").getAsInt(), null).await(OPERATION);
        assertEquals(7200, twoHours.autoStopSeconds());
        assertEquals("2h", AutoStop.describe(client.get(id).autoStopSeconds()));
    }

    @Test
    @Order(4)
    void connectReturnsTheSshHostAndLinksTheCoreAgreesWith() {
        requireCreated();
        ConnectResult r = client.connect(id, null, null).await(OPERATION);
        assertFalse(r.sshHost().isBlank());
        assertFalse(r.user().isBlank());
        assertTrue(r.workspaceFolder().startsWith("/"), r.workspaceFolder());
        assertEquals(GitspaceState.RUNNING, r.gitspace().state());
        assertNotNull(r.links().jetbrainsGateway(), "the sidecar returns a Gateway link");
        Map<String, String> server = GatewayLinks.parse(r.links().jetbrainsGateway());
        assertEquals(r.sshHost(), server.get("host"));
        assertEquals(r.workspaceFolder(), server.get("projectPath"));
        assertEquals("IU", server.get("productCode"));
        SshTarget target = SshTarget.of(r);
        assertEquals(r.links().jetbrainsGateway(), GatewayLinks.ssh(target, JetBrainsProduct.INTELLIJ, server.get("idePath")),
                "the core builds the same Gateway link as the sidecar");
        assertEquals(r.links().jetbrainsToolbox(), ToolboxLinks.ssh(target, JetBrainsProduct.INTELLIJ),
                "the core builds the same Toolbox link as the sidecar");
    }

    @Test
    @Order(4)
    void portsCanBeForwardedListedAndStopped() {
        requireCreated();
        PortForward forward = client.forwardPort(new ForwardPortParams(id, 18300, null, null, null));
        assertEquals(18300, forward.port());
        assertTrue(forward.localPort() >= 18300, "the same local port, or the next free one");
        assertEquals("http://127.0.0.1:" + forward.localPort() + "/", forward.url());
        assertEquals("server", forward.owner());
        List<GitspacePort> ports = client.ports(id);
        GitspacePort listed = ports.stream().filter(p -> p.port() == 18300).findFirst().orElseThrow();
        assertEquals(forward.url(), listed.forward().url());
        assertEquals("notify", listed.attributes().onAutoForward());
        List<PortForward> stopped = client.stopPortForward(id, 18300, null);
        assertEquals(1, stopped.size());
        assertTrue(client.ports(id).stream().noneMatch(p -> p.port() == 18300 && p.forward() != null));
        RpcException invalid = assertThrows(RpcException.class, () -> client.forwardPort(new ForwardPortParams(id, 70000, null, null, null)));
        assertEquals(ErrorCodes.INVALID_PARAMS, invalid.code());
    }

    @Test
    @Order(5)
    void stop() {
        requireCreated();
        Gitspace g = client.stop(id, null).await(OPERATION);
        assertEquals(GitspaceState.STOPPED, g.state());
        TestSupport.waitUntil(Duration.ofSeconds(10), "a didChange to stopped", () -> sawChange(GitspaceState.STOPPED));
        assertEquals(GitspaceState.STOPPED, client.get(id).state());
    }

    @Test
    @Order(6)
    void startAgain() {
        requireCreated();
        changes.clear();
        List<WorkDoneProgress> progress = TestSupport.syncList();
        Gitspace g = client.start(id, progress::add).await(OPERATION);
        assertEquals(GitspaceState.RUNNING, g.state());
        assertFalse(progress.isEmpty());
        TestSupport.waitUntil(Duration.ofSeconds(10), "a didChange to running", () -> sawChange(GitspaceState.RUNNING));
    }

    @Test
    @Order(7)
    void delete() {
        requireCreated();
        DeleteGitspaceResult r = client.delete(id, null).await(OPERATION);
        deleted = true;
        assertTrue(r.deleted());
        assertEquals(id, r.id());
        TestSupport.waitUntil(Duration.ofSeconds(10), "a didChange to deleted", () -> sawChange(GitspaceState.DELETED));
        assertTrue(client.list(null).gitspaces().stream().noneMatch(x -> x.id().equals(id)));
        RpcException e = assertThrows(RpcException.class, () -> client.get(id));
        assertEquals(ErrorCodes.GITSPACE_NOT_FOUND, e.code());
        assertEquals(id, e.data().gitspaceId());
    }
}
