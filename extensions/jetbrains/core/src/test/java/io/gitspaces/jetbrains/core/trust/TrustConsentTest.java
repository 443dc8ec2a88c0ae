package io.gitspaces.jetbrains.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.ErrorData;
import io.gitspaces.jetbrains.core.model.HostAccessEntry;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustConsentTest {
    private static final RpcException UNTRUSTED = new RpcException("gitspaces/create", ErrorCodes.REPOSITORY_UNTRUSTED, "not trusted",
            new ErrorData("RepositoryUntrusted", "app", null, null, null, null, "trust it", null, null, "https://example.com/org/app.git",
                    List.of(new HostAccessEntry("hostMount", "$.mounts[0]", "this machine's /home/me/.aws mounted at /aws"))));

    @Test
    void readsTheQuestionOfAnUntrustedRepositoryOnly() {
        assertEquals("https://example.com/org/app.git", TrustConsent.questionOf(UNTRUSTED).orElseThrow().repository());
        assertTrue(TrustConsent.questionOf(new RpcException("gitspaces/create", ErrorCodes.OPERATION_FAILED, "boom", null)).isEmpty());
        assertTrue(TrustConsent.detail(TrustConsent.questionOf(UNTRUSTED).orElseThrow())
                .contains("$.mounts[0]: this machine's /home/me/.aws mounted at /aws"));
    }

    @Test
    void retriesTrustingTheRepositoryOnceTheUserAgrees() throws Exception {
        List<Boolean> calls = new ArrayList<>();
        String result = TrustConsent.withConsent(trust -> {
            calls.add(trust);
            if (!trust) {
                throw UNTRUSTED;
            }
            return "created";
        }, question -> true);

        assertEquals("created", result);
        assertEquals(List.of(false, true), calls);
    }

    @Test
    void givesTheServersErrorBackWhenTheUserDeclines() {
        List<Boolean> calls = new ArrayList<>();
        RpcException thrown = assertThrows(RpcException.class, () -> TrustConsent.withConsent(trust -> {
            calls.add(trust);
            throw UNTRUSTED;
        }, question -> false));

        assertSame(UNTRUSTED, thrown);
        assertEquals(List.of(false), calls);
        assertFalse(calls.contains(true));
    }
}
