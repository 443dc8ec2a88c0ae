package io.gitspaces.gateway

import com.intellij.openapi.application.ApplicationManager
import com.intellij.openapi.application.ModalityState
import com.intellij.openapi.progress.ProgressIndicator
import com.intellij.openapi.progress.ProgressManager
import com.intellij.openapi.progress.Task
import com.intellij.openapi.ui.Messages
import io.gitspaces.jetbrains.core.model.GitspaceEventParams
import io.gitspaces.jetbrains.core.model.WorkDoneProgress
import io.gitspaces.jetbrains.core.rpc.GitspacesException
import io.gitspaces.jetbrains.core.rpc.ProgressListener
import io.gitspaces.jetbrains.core.rpc.RpcCall
import io.gitspaces.jetbrains.core.rpc.RpcException
import io.gitspaces.jetbrains.core.rpc.Subscription
import io.gitspaces.jetbrains.core.trust.TrustConsent

/**
 * Runs a long sidecar operation under a cancellable background progress: `$/progress` reports become the
 * indicator's text and fraction, `gitspaces/event` messages its second line, and Cancel sends `$/cancelRequest`.
 */
object Operations {
    /**
     * Starts [start] in the background; [onSuccess] runs on the EDT with the result.
     *
     * @param title the progress title
     * @param gitspaceId the gitspace whose events to show, when known
     * @param start starts the operation with the given progress listener
     */
    fun <T> run(
        title: String,
        gitspaceId: String?,
        start: (ProgressListener) -> RpcCall<T>,
        onSuccess: (T) -> Unit,
    ) = runTrusting(title, gitspaceId, { _, listener -> start(listener) }, onSuccess)

    /**
     * Like [run], for a create or rebuild: when the server answers `RepositoryUntrusted`, a modal (the core's
     * [TrustConsent] text: the repository and each property that reaches this machine) asks the user, and the
     * operation runs again trusting the repository only if they agree.
     *
     * @param start starts the operation, trusting the repository when its first argument is true
     */
    fun <T> runTrusting(
        title: String,
        gitspaceId: String?,
        start: (Boolean, ProgressListener) -> RpcCall<T>,
        onSuccess: (T) -> Unit,
    ) {
        ProgressManager.getInstance().run(object : Task.Backgroundable(null, title, true) {
            override fun run(indicator: ProgressIndicator) {
                indicator.isIndeterminate = true
                var events: Subscription? = null
                try {
                    events = GitspacesService.getInstance().client().onEvent { e: GitspaceEventParams ->
                        if (gitspaceId == null || e.gitspaceId() == gitspaceId) {
                            indicator.text2 = e.event().message()
                        }
                    }
                    val listener = ProgressListener { p: WorkDoneProgress -> show(indicator, p) }
                    val result = try {
                        await(indicator, start(false, listener))
                    } catch (e: RpcException) {
                        val question = TrustConsent.questionOf(e).orElse(null)
                        if (question == null || !askToTrust(question)) {
                            throw e
                        }
                        await(indicator, start(true, listener))
                    }
                    ApplicationManager.getApplication().invokeLater { onSuccess(result) }
                } catch (e: RpcException) {
                    if (!e.isCancelled) {
                        showError(title, e)
                    }
                } catch (e: GitspacesException) {
                    showError(title, e)
                } finally {
                    events?.close()
                }
            }
        })
    }

    private fun <T> await(indicator: ProgressIndicator, call: RpcCall<T>): T {
        while (!call.isDone) {
            if (indicator.isCanceled) {
                call.cancel()
                break
            }
            Thread.sleep(100)
        }
        return call.await()
    }

    /** Asks on the EDT, in a modal in the IDE's look (as VS Code's Workspace Trust does), and waits for the answer. */
    private fun askToTrust(question: TrustConsent.Question): Boolean {
        var trusted = false
        ApplicationManager.getApplication().invokeAndWait({
            trusted = Messages.showOkCancelDialog(
                TrustConsent.detail(question),
                TrustConsent.title(question),
                TrustConsent.TRUST_ACTION,
                Messages.getCancelButton(),
                Messages.getWarningIcon(),
            ) == Messages.OK
        }, ModalityState.any())
        return trusted
    }

    private fun show(indicator: ProgressIndicator, p: WorkDoneProgress) {
        p.title()?.let { indicator.text = it }
        p.message()?.let { indicator.text2 = it }
        p.percentage()?.let {
            indicator.isIndeterminate = false
            indicator.fraction = it / 100.0
        }
    }

    /** Shows a failure, with the server's hint and the failing step's last log lines when it sent them. */
    fun showError(title: String, e: GitspacesException) {
        val details = StringBuilder(e.message ?: e.javaClass.simpleName)
        if (e is RpcException) {
            e.data()?.log()?.takeIf { it.isNotEmpty() }?.let { details.append("\n\n").append(it.takeLast(10).joinToString("\n")) }
        }
        ApplicationManager.getApplication().invokeLater {
            Messages.showErrorDialog(details.toString(), title)
        }
    }
}
