package io.gitspaces.jetbrains.core.client;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Auto-stop's idle timeout as people write it, the way the sidecar reads it ({@code IdleTimeout} in
 * {@code Gitspaces.Core}, the CLI's {@code --auto-stop} and the {@code autoStop} setting): {@code 30m}, {@code 2h},
 * {@code 90s}, {@code 1h30m}, a bare number of minutes, or {@code 0}/{@code never}/{@code off}. An editor's field
 * parses with it so that what the user typed means the same everywhere.
 */
public final class AutoStop {
    /** The timeout when neither the request nor the user's settings name one: 60 minutes. */
    public static final int DEFAULT_SECONDS = 3600;

    /** The longest timeout: 30 days. */
    public static final int MAX_SECONDS = 30 * 24 * 3600;

    private AutoStop() {
    }

    /**
     * Parses a timeout.
     *
     * @param text the text
     * @return the timeout in seconds ({@code 0}: never), or empty when the text is not a timeout
     */
    public static OptionalInt parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (value.equals("never") || value.equals("off")) {
            return OptionalInt.of(0);
        }
        if (value.chars().allMatch(AutoStop::isDigit)) {
            // A bare number is minutes; more digits than an int holds is too long anyway.
            if (value.length() > 9) {
                return OptionalInt.empty();
            }
            int minutes = Integer.parseInt(value);
            return minutes <= MAX_SECONDS / 60 ? OptionalInt.of(minutes * 60) : OptionalInt.empty();
        }
        long total = 0;
        long number = 0;
        boolean digits = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isDigit(c)) {
                number = number * 10 + (c - '0');
                digits = true;
                if (number > MAX_SECONDS) {
                    return OptionalInt.empty();
                }
                continue;
            }
            int unit = switch (c) {
                case 'h' -> 3600;
                case 'm' -> 60;
                case 's' -> 1;
                default -> 0;
            };
            if (unit == 0 || !digits) {
                return OptionalInt.empty();
            }
            total += number * unit;
            number = 0;
            digits = false;
        }
        if (digits || total > MAX_SECONDS) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) total);
    }

    /**
     * Formats a timeout the way {@link #parse(String)} reads it.
     *
     * @param seconds the timeout in seconds
     * @return the text, for example {@code 1h30m} or {@code never}
     */
    public static String format(int seconds) {
        if (seconds <= 0) {
            return "never";
        }
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    /**
     * What a gitspace's timeout looks like in a list: its {@link #format(int)}, or an empty text for a gitspace whose
     * provider has no auto-stop of ours (Harness).
     *
     * @param autoStopSeconds the gitspace's {@code autoStopSeconds}, or {@code null}
     * @return the text
     */
    public static String describe(Integer autoStopSeconds) {
        return autoStopSeconds == null ? "" : format(autoStopSeconds);
    }

    /**
     * Why a field's text is not a timeout, for a form's validation.
     *
     * @param text the text
     * @return the problem, or {@code null} when the text is a timeout
     */
    public static String problem(String text) {
        return parse(text).isPresent() ? null
                : "'" + (text == null ? "" : text.trim()) + "' is not a timeout: write 30m, 2h, 90s, 1h30m, a number of minutes, or 0 (never); at most 30 days";
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
