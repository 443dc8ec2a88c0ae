package io.gitspaces.jetbrains.core.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.gitspaces.jetbrains.core.model.Methods;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Copies JSON with secret members replaced, for traces and logs. */
public final class Redactor {
    private static final Set<String> SECRET_KEYS = Set.of("token", "password", "secret", "accesstoken", "apikey", "privatekey");
    // Members whose name says nothing but which are secret in one method: secrets/set's "value" (elsewhere, as in
    // $/progress, "value" is not secret, so it cannot join SECRET_KEYS).
    private static final Map<String, Set<String>> SECRET_PARAMS = Map.of(Methods.SECRETS_SET, Set.of("value"));
    /** What a secret is replaced with. */
    public static final String REDACTED = "<redacted>";

    private Redactor() {
    }

    /**
     * Returns a deep copy of a JSON-RPC message for a trace: {@link #redact(JsonElement)}, and the params that are
     * secret in the message's method (the value of {@code secrets/set}) replaced too.
     *
     * @param message the message
     * @return the redacted copy
     */
    public static JsonElement redactMessage(JsonObject message) {
        JsonElement copy = redact(message);
        JsonElement method = message.get("method");
        Set<String> secret = method != null && method.isJsonPrimitive() ? SECRET_PARAMS.get(method.getAsString()) : null;
        JsonElement params = copy.getAsJsonObject().get("params");
        if (secret != null && params != null && params.isJsonObject()) {
            for (String name : secret) {
                JsonElement v = params.getAsJsonObject().get(name);
                if (v != null && !v.isJsonNull()) {
                    params.getAsJsonObject().add(name, new JsonPrimitive(REDACTED));
                }
            }
        }
        return copy;
    }

    /**
     * Returns a deep copy with every member named like a secret ({@code token}, {@code password}, …) replaced.
     *
     * @param json the JSON
     * @return the redacted copy
     */
    public static JsonElement redact(JsonElement json) {
        if (json == null) {
            return null;
        }
        if (json.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
                if (SECRET_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT)) && !e.getValue().isJsonNull()) {
                    copy.add(e.getKey(), new JsonPrimitive(REDACTED));
                } else {
                    copy.add(e.getKey(), redact(e.getValue()));
                }
            }
            return copy;
        }
        if (json.isJsonArray()) {
            JsonArray copy = new JsonArray();
            for (JsonElement e : json.getAsJsonArray()) {
                copy.add(redact(e));
            }
            return copy;
        }
        return json;
    }
}
