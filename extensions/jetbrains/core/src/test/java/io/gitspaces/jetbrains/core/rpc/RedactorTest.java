package io.gitspaces.jetbrains.core.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gitspaces.jetbrains.core.model.Json;
import io.gitspaces.jetbrains.core.model.SetSecretParams;
import org.junit.jupiter.api.Test;

/** What a message trace may show: secret members by name everywhere, and the secret params of one method. */
class RedactorTest {
    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void theValueOfSecretsSetIsRedactedAndItsNameAndScopeAreKept() {
        JsonObject msg = parse("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"secrets/set\",\"params\":{\"name\":\"NPM_TOKEN\",\"value\":\"hunter2\",\"scope\":\"github.com/org/*\"}}");
        String traced = Redactor.redactMessage(msg).toString();
        assertFalse(traced.contains("hunter2"), traced);
        assertEquals("{\"name\":\"NPM_TOKEN\",\"value\":\"<redacted>\",\"scope\":\"github.com/org/*\"}",
                parse(traced).getAsJsonObject("params").toString());
        assertEquals("hunter2", msg.getAsJsonObject("params").get("value").getAsString(), "the message itself is not changed");
    }

    @Test
    void aValueElsewhereIsNotASecret() {
        JsonObject progress = parse("{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{\"token\":\"jb-1\",\"value\":{\"kind\":\"end\",\"message\":\"done\"}}}");
        JsonObject traced = Redactor.redactMessage(progress).getAsJsonObject();
        assertEquals("{\"kind\":\"end\",\"message\":\"done\"}", traced.getAsJsonObject("params").get("value").toString());
        assertEquals(Redactor.REDACTED, traced.getAsJsonObject("params").get("token").getAsString(), "token is redacted by name, as before");
    }

    @Test
    void theParamsRecordNeverPrintsTheValue() {
        SetSecretParams params = new SetSecretParams("API_KEY", "hunter2", null);
        assertFalse(params.toString().contains("hunter2"), params.toString());
        assertEquals("{\"name\":\"API_KEY\",\"value\":\"hunter2\"}", Json.gson().toJson(params), "the body carries it");
    }
}
