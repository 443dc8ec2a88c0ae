package io.gitspaces.jetbrains.core.client;

import java.util.Set;

/**
 * What the sidecar accepts as a secret's name and value ({@code SecretStore.ValidateName}/{@code ValidateValue} in
 * {@code Gitspaces.Core}), so a form can say what is wrong before anything is sent. The sidecar checks again; its
 * answer wins. The value is checked as a {@code char[]} so a password field's contents need not become a string
 * that lingers in memory when it is refused.
 */
public final class SecretRules {
    /** The longest value, in characters (UTF-16 code units, as the sidecar counts them). */
    public static final int MAX_VALUE_LENGTH = 64 * 1024;

    /** The longest name. */
    public static final int MAX_NAME_LENGTH = 128;

    // sshd sets these per session and the shell needs them as they are: a secret may not replace one.
    private static final Set<String> RESERVED = Set.of("HOME", "USER", "LOGNAME", "SHELL", "TERM", "PATH", "PWD", "HOSTNAME", "MAIL",
            "SSH_AUTH_SOCK", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY");

    private SecretRules() {
    }

    /**
     * Returns why a name cannot be a secret's.
     *
     * @param name the name
     * @return the problem, or {@code null} when it can
     */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a secret needs a name.";
        }
        boolean valid = name.length() <= MAX_NAME_LENGTH && (isLetter(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = isLetter(c) || (c >= '0' && c <= '9') || c == '_';
        }
        if (!valid) {
            return "'" + name + "' is not an environment variable name (letters, digits and underscores, not starting with a digit, at most "
                    + MAX_NAME_LENGTH + ").";
        }
        if (RESERVED.contains(name) || name.startsWith("GITSPACES_")) {
            return "'" + name + "' is set by the session itself (or by gitspaces) and cannot be a secret.";
        }
        return null;
    }

    /**
     * Returns why a value cannot be a secret's. The message never quotes the value.
     *
     * @param value the value
     * @return the problem, or {@code null} when it can
     */
    public static String valueProblem(char[] value) {
        if (value == null) {
            return "a secret needs a value.";
        }
        if (value.length > MAX_VALUE_LENGTH) {
            return "the value is longer than " + MAX_VALUE_LENGTH + " characters.";
        }
        for (char c : value) {
            // An SSH session's environment comes from one line of authorized_keys (docs/secrets.md).
            if (Character.isISOControl(c) && c != '\t') {
                return "the value has a line break or another control character; an environment variable of an SSH session cannot carry one"
                        + " (base64-encode a multi-line value).";
            }
        }
        if (value.length > 0 && value[value.length - 1] == '\\') {
            return "the value ends with a backslash, which an SSH session's environment cannot carry.";
        }
        return null;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
