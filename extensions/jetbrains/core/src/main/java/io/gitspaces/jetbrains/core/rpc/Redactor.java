package io.gitspaces.jetbrains.core.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Copies JSON with secret members replaced, for traces and logs. */
public final class Redactor {
    private static final Set<String> SECRET_KEYS = Set.of("token", "password", "secret", "accesstoken", "apikey", "privatekey");
    /** What a secret is replaced with. */
    public static final String REDACTED = "<redacted>";

    private Redactor() {
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
