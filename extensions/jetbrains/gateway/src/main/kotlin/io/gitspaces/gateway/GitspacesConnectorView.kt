package io.gitspaces.gateway

import com.intellij.openapi.application.ApplicationManager
import com.intellij.openapi.ui.InputValidatorEx
import com.intellij.openapi.ui.Messages
import com.intellij.ui.components.JBScrollPane
import com.intellij.ui.table.JBTable
import com.jetbrains.gateway.api.GatewayConnectorView
import com.jetbrains.gateway.api.GatewayUI
import com.jetbrains.rd.util.lifetime.Lifetime
import io.gitspaces.jetbrains.core.client.AutoStop
import io.gitspaces.jetbrains.core.links.GatewayLinks
import io.gitspaces.jetbrains.core.links.JetBrainsProduct
import io.gitspaces.jetbrains.core.model.Gitspace
import io.gitspaces.jetbrains.core.model.GitspaceState
import io.gitspaces.jetbrains.core.rpc.GitspacesException
import java.awt.BorderLayout
import java.awt.FlowLayout
import javax.swing.JButton
import javax.swing.JComponent
import javax.swing.JLabel
import javax.swing.JPanel
import javax.swing.ListSelectionModel
import javax.swing.table.AbstractTableModel

/**
 * The connector's page: the gitspaces of every configured provider, kept current by `gitspaces/didChange`,
 * with Create, Connect, Stop, Rebuild, Delete, Auto-stop, Secrets and Refresh.
 */
class GitspacesConnectorView(lifetime: Lifetime) : GatewayConnectorView {
    private val model = GitspacesTableModel()
    private val table = JBTable(model).apply { setSelectionMode(ListSelectionModel.SINGLE_SELECTION) }
    private val status = JLabel(" ")

    override val component: JComponent = JPanel(BorderLayout()).apply {
        val actions = JPanel(FlowLayout(FlowLayout.LEFT))
        actions.add(button("Create…") { CreateGitspaceDialog().show() })
        actions.add(button("Connect") { selected()?.let { GatewayUI.getInstance().connect(GatewayLinks.parse(GatewayLinks.gitspace(it.id()))) } })
        actions.add(button("Stop") { selected()?.let { g -> Operations.run("Stopping ${g.name()}", g.id(), { p -> client().stop(g.id(), p) }) { refresh() } } })
        actions.add(button("Rebuild") {
            selected()?.let { g ->
                val question = "Rebuild ${g.name()}? Its container is re-created from the current devcontainer configuration; " +
                    "files in the workspace folder are kept, anything changed elsewhere in the container is lost."
                if (Messages.showOkCancelDialog(question, "Rebuild Gitspace", "Rebuild", Messages.getCancelButton(), Messages.getWarningIcon()) == Messages.OK) {
                    Operations.runTrusting("Rebuilding ${g.name()}", g.id(), { trust, p -> client().rebuild(g.id(), trust, p) }) { refresh() }
                }
            }
        })
        actions.add(button("Delete") {
            selected()?.let { g ->
                if (Messages.showYesNoDialog("Delete ${g.name()} and everything in it?", "Delete Gitspace", null) == Messages.YES) {
                    Operations.run("Deleting ${g.name()}", g.id(), { p -> client().delete(g.id(), p) }) { refresh() }
                }
            }
        })
        actions.add(button("Auto-stop…") { selected()?.let { changeAutoStop(it) } })
        actions.add(button("Secrets…") { SecretsDialog().show() })
        actions.add(button("Refresh") { refresh() })
        add(actions, BorderLayout.NORTH)
        add(JBScrollPane(table), BorderLayout.CENTER)
        val bottom = JPanel(BorderLayout())
        bottom.add(status, BorderLayout.CENTER)
        bottom.add(button("Back") { GatewayUI.getInstance().reset() }, BorderLayout.EAST)
        add(bottom, BorderLayout.SOUTH)
    }

    init {
        ApplicationManager.getApplication().executeOnPooledThread {
            try {
                val subscription = client().onDidChange { g: Gitspace ->
                    ApplicationManager.getApplication().invokeLater { model.upsert(g) }
                }
                lifetime.onTermination { subscription.close() }
            } catch (e: GitspacesException) {
                showStatus(e.message ?: "the gitspaces sidecar is not available")
            }
            refresh()
        }
    }

    private fun client() = GitspacesService.getInstance().client()

    private fun selected(): Gitspace? = table.selectedRow.takeIf { it >= 0 }?.let { model.at(table.convertRowIndexToModel(it)) }

    private fun refresh() {
        ApplicationManager.getApplication().executeOnPooledThread {
            try {
                val result = client().list(null)
                val problems = result.problems().orEmpty().joinToString("; ") { "${it.provider()}: ${it.message()}" }
                ApplicationManager.getApplication().invokeLater {
                    model.replace(result.gitspaces())
                    status.text = problems.ifEmpty { "${result.gitspaces().size} gitspaces" }
                }
            } catch (e: GitspacesException) {
                showStatus(e.message ?: e.javaClass.simpleName)
            }
        }
    }

    /** Asks for a new idle timeout in the words the CLI takes (`30m`, `2h`, `0`), checked by the core as typed. */
    private fun changeAutoStop(g: Gitspace) {
        val validator = object : InputValidatorEx {
            override fun getErrorText(inputString: String): String? = AutoStop.problem(inputString)

            override fun checkInput(inputString: String): Boolean = AutoStop.parse(inputString).isPresent

            override fun canClose(inputString: String): Boolean = checkInput(inputString)
        }
        val current = g.autoStopSeconds()?.let { AutoStop.format(it) } ?: AutoStop.format(AutoStop.DEFAULT_SECONDS)
        val text = Messages.showInputDialog(
            "Stop ${g.name()} after how long without use? (30m, 2h, 1h30m, 0 for never; applies at once)",
            "Change Auto-Stop",
            Messages.getQuestionIcon(),
            current,
            validator,
        ) ?: return
        val seconds = AutoStop.parse(text).asInt
        Operations.run("Changing auto-stop of ${g.name()}", g.id(), { p -> client().updateAutoStop(g.id(), seconds, p) }) { refresh() }
    }

    private fun showStatus(text: String) {
        ApplicationManager.getApplication().invokeLater { status.text = text }
    }

    private fun button(text: String, action: () -> Unit) = JButton(text).apply { addActionListener { action() } }
}

/** Rows of the gitspaces table. */
private class GitspacesTableModel : AbstractTableModel() {
    private val rows = mutableListOf<Gitspace>()
    private val columns = listOf("Name", "State", "IDE", "Repository", "Provider", "Auto-stop")

    fun at(row: Int): Gitspace = rows[row]

    fun replace(gitspaces: List<Gitspace>) {
        rows.clear()
        rows.addAll(gitspaces.sortedBy { it.name() })
        fireTableDataChanged()
    }

    fun upsert(g: Gitspace) {
        val i = rows.indexOfFirst { it.id() == g.id() && it.provider() == g.provider() }
        when {
            g.state() == GitspaceState.DELETED -> if (i >= 0) {
                rows.removeAt(i)
                fireTableRowsDeleted(i, i)
            }
            i >= 0 -> {
                rows[i] = g
                fireTableRowsUpdated(i, i)
            }
            else -> {
                rows.add(g)
                fireTableRowsInserted(rows.size - 1, rows.size - 1)
            }
        }
    }

    override fun getRowCount(): Int = rows.size

    override fun getColumnCount(): Int = columns.size

    override fun getColumnName(column: Int): String = columns[column]

    override fun getValueAt(row: Int, column: Int): Any {
        val g = rows[row]
        return when (column) {
            0 -> g.name()
            1 -> g.state().name.lowercase() + (g.readiness()?.let { " (${it.name.lowercase()})" } ?: "")
            2 -> JetBrainsProduct.fromIde(g.ide()).map { it.displayName() }.orElse(g.ide())
            3 -> g.repository().url() + (g.repository().branch()?.let { " @ $it" } ?: "")
            4 -> g.provider()
            else -> AutoStop.describe(g.autoStopSeconds())
        }
    }
}
