package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code secrets/set}.
 *
 * @param name the name: an environment variable name (see {@link io.gitspaces.jetbrains.core.client.SecretRules})
 * @param value the value: one line of at most 64 KiB; sent only in the request body, never logged or traced
 * @param scope the scope (see {@link SecretInfo#scope()}); every gitspace when {@code null}
 */
public record SetSecretParams(String name, String value, String scope) {

    // A record's own toString would print the value, and params end up in exception messages and debug logs.
    @Override
    public String toString() {
        return "SetSecretParams[name=" + name + ", value=" + (value == null ? "null" : "<redacted>") + ", scope=" + scope + "]";
    }
}
