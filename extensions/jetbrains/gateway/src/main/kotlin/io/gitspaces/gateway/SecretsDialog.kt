package io.gitspaces.gateway

import com.intellij.openapi.application.ApplicationManager
import com.intellij.openapi.application.ModalityState
import com.intellij.openapi.ui.DialogWrapper
import com.intellij.openapi.ui.Messages
import com.intellij.ui.components.JBScrollPane
import com.intellij.ui.table.JBTable
import io.gitspaces.jetbrains.core.model.SecretInfo
import io.gitspaces.jetbrains.core.rpc.GitspacesException
import java.awt.BorderLayout
import java.awt.Dimension
import java.awt.FlowLayout
import java.util.Arrays
import javax.swing.Action
import javax.swing.JButton
import javax.swing.JComponent
import javax.swing.JLabel
import javax.swing.JPanel
import javax.swing.ListSelectionModel
import javax.swing.table.AbstractTableModel

/**
 * The user's secrets as the sidecar keeps them (`secrets/list|set|delete`): names and scopes, never values, with
 * Set…, Delete and Refresh. Gitspaces in a secret's scope get it as an environment variable from their next start.
 */
class SecretsDialog : DialogWrapper(true) {
    private val model = SecretsTableModel()
    private val table = JBTable(model).apply { setSelectionMode(ListSelectionModel.SINGLE_SELECTION) }
    private val status = JLabel(" ")

    init {
        title = "Gitspaces Secrets"
        setOKButtonText("Close")
        init()
        refresh()
    }

    override fun createActions(): Array<Action> = arrayOf(okAction)

    override fun createCenterPanel(): JComponent = JPanel(BorderLayout()).apply {
        val actions = JPanel(FlowLayout(FlowLayout.LEFT))
        actions.add(button("Set…") { set(null, null) })
        actions.add(button("Change…") { selected()?.let { set(it.name(), it.scope()) } })
        actions.add(button("Delete") { selected()?.let { delete(it) } })
        actions.add(button("Refresh") { refresh() })
        add(actions, BorderLayout.NORTH)
        add(JBScrollPane(table).apply { preferredSize = Dimension(560, 260) }, BorderLayout.CENTER)
        add(status, BorderLayout.SOUTH)
    }

    private fun client() = GitspacesService.getInstance().client()

    private fun selected(): SecretInfo? = table.selectedRow.takeIf { it >= 0 }?.let { model.at(table.convertRowIndexToModel(it)) }

    private fun set(name: String?, scope: String?) {
        val dialog = SetSecretDialog(name, scope)
        if (!dialog.showAndGet()) {
            return
        }
        val secretName = dialog.secretName
        val secretScope = dialog.secretScope
        val value = dialog.secretValue()
        ApplicationManager.getApplication().executeOnPooledThread {
            try {
                client().setSecret(secretName, value, secretScope)
                showStatus("$secretName set for ${secretScope ?: "every gitspace"}; running gitspaces get it at their next start")
                refresh()
            } catch (e: GitspacesException) {
                // In the status line, which the open modal shows; a dialog from here would wait until it closes.
                showStatus("Could not set $secretName: ${e.message}")
            } finally {
                Arrays.fill(value, '\u0000')
            }
        }
    }

    private fun delete(secret: SecretInfo) {
        if (Messages.showYesNoDialog("Delete the secret ${secret.name()} (${secret.scopeLabel()})?", "Delete Secret", null) != Messages.YES) {
            return
        }
        ApplicationManager.getApplication().executeOnPooledThread {
            try {
                client().deleteSecret(secret.name(), secret.scope())
                refresh()
            } catch (e: GitspacesException) {
                showStatus("Could not delete ${secret.name()}: ${e.message}")
            }
        }
    }

    private fun refresh() {
        ApplicationManager.getApplication().executeOnPooledThread {
            try {
                val secrets = client().listSecrets(null)
                ApplicationManager.getApplication().invokeLater({
                    model.replace(secrets)
                    if (status.text.isBlank()) {
                        status.text = "${secrets.size} secrets"
                    }
                }, ModalityState.any())
            } catch (e: GitspacesException) {
                showStatus(e.message ?: e.javaClass.simpleName)
            }
        }
    }

    private fun showStatus(text: String) {
        ApplicationManager.getApplication().invokeLater({ status.text = text }, ModalityState.any())
    }

    private fun button(text: String, action: () -> Unit) = JButton(text).apply { addActionListener { action() } }
}

/** Rows of the secrets table: name, scope, last set. */
private class SecretsTableModel : AbstractTableModel() {
    private val rows = mutableListOf<SecretInfo>()
    private val columns = listOf("Name", "Repositories", "Set")

    fun at(row: Int): SecretInfo = rows[row]

    fun replace(secrets: List<SecretInfo>) {
        rows.clear()
        rows.addAll(secrets)
        fireTableDataChanged()
    }

    override fun getRowCount(): Int = rows.size

    override fun getColumnCount(): Int = columns.size

    override fun getColumnName(column: Int): String = columns[column]

    override fun getValueAt(row: Int, column: Int): Any {
        val s = rows[row]
        return when (column) {
            0 -> s.name()
            1 -> s.scopeLabel()
            else -> s.updatedAt().toString()
        }
    }
}
