package io.gitspaces.jetbrains.core.process;

import io.gitspaces.jetbrains.core.rpc.GitspacesException;

/** No usable {@code gitspaces} executable was found; the message lists where the client looked. */
public class SidecarNotFoundException extends GitspacesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message where the client looked and what to do
     */
    public SidecarNotFoundException(String message) {
        super(message);
    }
}
