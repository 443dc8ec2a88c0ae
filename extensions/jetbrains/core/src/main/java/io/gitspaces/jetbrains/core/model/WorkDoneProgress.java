package io.gitspaces.jetbrains.core.model;

/**
 * One work-done progress report (LSP shape).
 *
 * @param kind {@code begin}, {@code report} or {@code end}
 * @param title the title, on {@code begin}
 * @param message the current step
 * @param percentage 0–100, when known
 * @param cancellable whether the request can be cancelled
 */
public record WorkDoneProgress(String kind, String title, String message, Integer percentage, Boolean cancellable) {
}
