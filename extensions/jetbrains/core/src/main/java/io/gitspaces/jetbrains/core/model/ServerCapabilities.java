package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * What the server supports.
 *
 * @param providers the provider ids it knows
 * @param ides the IDE ids it knows
 * @param methods the methods it serves
 * @param workDoneProgress whether it sends {@code $/progress}
 * @param cancellation whether it honours {@code $/cancelRequest}
 */
public record ServerCapabilities(
        List<String> providers,
        List<String> ides,
        List<String> methods,
        Boolean workDoneProgress,
        Boolean cancellation) {
}
