package io.gitspaces.jetbrains.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.TestSupport;
import io.gitspaces.jetbrains.core.client.GitspacesClient;
import io.gitspaces.jetbrains.core.model.CreateOptionsResult;
import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.Ides;
import io.gitspaces.jetbrains.core.model.ListReposParams;
import io.gitspaces.jetbrains.core.model.ProviderInfo;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The create wizard's pickers through the real sidecar, for a provider that has none of its own (Docker, which needs
 * no engine to answer them): every IDE, no machines, and a clear refusal to list repositories.
 */
class CreateOptionsTest {
    private final Path home = TestSupport.tempDir("gitspaces-jb-options-");
    private final List<String> log = TestSupport.syncList();
    private GitspacesClient client;

    @AfterEach
    void cleanUp() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aProviderWithoutAccountOptionsOffersEveryIdeAndNoMachineAndListsNoRepositories() {
        client = new GitspacesClient(TestSupport.sidecarOptions(home, log).build());
        client.start();

        CreateOptionsResult options = client.createOptions("docker");
        RpcException browse = assertThrows(RpcException.class, () -> client.listRepos(new ListReposParams("docker", "github", null)));
        ProviderInfo docker = client.providers(true).stream().filter(p -> p.id().equals("docker")).findFirst().orElseThrow();

        assertEquals(Ides.ALL, options.ides());
        assertTrue(options.machines().isEmpty());
        assertTrue(options.ssh());
        assertFalse(options.sshKeys());
        assertEquals(ErrorCodes.NOT_SUPPORTED, browse.code());
        assertFalse(docker.capabilities().contains("createOptions"), String.valueOf(docker.capabilities()));
        assertTrue(docker.capabilities().containsAll(List.of("dotfiles", "secrets", "autoStop")), String.valueOf(docker.capabilities()));
    }
}
