package io.gitspaces.jetbrains.core.trust;

import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.HostAccessEntry;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The consent a plugin asks for when the server answers {@link ErrorCodes#REPOSITORY_UNTRUSTED}: the question (which
 * repository, what it asks of this machine), the dialog's text, and the retry that trusts the repository. The dialog
 * itself is the plugin's (a modal in the IDE's look); this class has no UI, so it is tested without one.
 */
public final class TrustConsent {
    /** The label of the dialog's consent button. */
    public static final String TRUST_ACTION = "Trust Repository and Continue";

    private TrustConsent() {
    }

    /**
     * What an untrusted repository asks.
     *
     * @param repository the repository, a URL without credentials
     * @param hostAccess each property that reaches this machine
     */
    public record Question(String repository, List<HostAccessEntry> hostAccess) {
    }

    /**
     * An operation that may be run trusting the repository.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    public interface Operation<T> {
        /**
         * Runs it.
         *
         * @param trustRepository whether to send {@code trustRepository: true}
         * @return the result
         * @throws Exception what the call throws
         */
        T run(boolean trustRepository) throws Exception;
    }

    /**
     * The question a {@code RepositoryUntrusted} error asks.
     *
     * @param error any error
     * @return the question, or empty for any other error
     */
    public static Optional<Question> questionOf(Throwable error) {
        if (!(error instanceof RpcException rpc) || rpc.code() != ErrorCodes.REPOSITORY_UNTRUSTED) {
            return Optional.empty();
        }
        var data = rpc.data();
        String repository = data != null && data.repository() != null ? data.repository() : "the repository";
        List<HostAccessEntry> access = data != null && data.hostAccess() != null ? data.hostAccess() : List.of();
        return Optional.of(new Question(repository, access));
    }

    /**
     * The dialog's title.
     *
     * @param question the question
     * @return the title
     */
    public static String title(Question question) {
        return "Do you trust " + question.repository() + "?";
    }

    /**
     * The dialog's text: each property on its own line, and what trusting means.
     *
     * @param question the question
     * @return the text
     */
    public static String detail(Question question) {
        List<String> lines = new ArrayList<>();
        lines.add("Its devcontainer configuration asks to reach this machine, outside the container:");
        for (HostAccessEntry access : question.hostAccess()) {
            lines.add("\u2022 " + access.property() + ": " + access.detail());
        }
        lines.add("");
        lines.add("Trust it only if you trust its authors. The choice is remembered for this repository; "
                + "`gitspaces trust revoke` takes it back.");
        return String.join("\n", lines);
    }

    /**
     * Runs an operation; when the server answers {@code RepositoryUntrusted}, asks the user and, if they agree, runs it
     * again trusting the repository. Otherwise the server's error is thrown as it came.
     *
     * @param operation the create or rebuild
     * @param ask shows the dialog; true when the user trusts the repository
     * @param <T> the result
     * @return the result
     * @throws Exception the operation's error, or the server's refusal when the user declines
     */
    public static <T> T withConsent(Operation<T> operation, Predicate<Question> ask) throws Exception {
        try {
            return operation.run(false);
        } catch (RpcException e) {
            Optional<Question> question = questionOf(e);
            if (question.isEmpty() || !ask.test(question.get())) {
                throw e;
            }
            return operation.run(true);
        }
    }
}
