package io.gitspaces.gateway

import com.intellij.openapi.ui.DialogWrapper
import com.intellij.openapi.ui.ValidationInfo
import com.intellij.ui.components.JBLabel
import com.intellij.ui.components.JBPasswordField
import com.intellij.ui.components.JBTextField
import io.gitspaces.jetbrains.core.client.SecretRules
import java.awt.GridLayout
import java.util.Arrays
import javax.swing.JComponent
import javax.swing.JPanel

/**
 * Asks for a secret: its name, its value in a password field (never echoed, never put in a string field of ours),
 * and the repositories it reaches (blank: every gitspace). The core's [SecretRules] check the form; the sidecar
 * checks again when it is sent.
 */
class SetSecretDialog(name: String?, scope: String?) : DialogWrapper(true) {
    private val nameField = JBTextField(name.orEmpty()).apply { emptyText.text = "NPM_TOKEN" }
    private val valueField = JBPasswordField()
    private val scopeField = JBTextField(scope.orEmpty()).apply { emptyText.text = "every gitspace, or github.com/org/*" }

    init {
        title = "Set Gitspaces Secret"
        setOKButtonText("Set")
        init()
    }

    /** The name typed. */
    val secretName: String get() = nameField.text.trim()

    /** The scope typed, or null for every gitspace. */
    val secretScope: String? get() = scopeField.text.trim().ifEmpty { null }

    /** A copy of the value typed; the caller clears it once it is sent. */
    fun secretValue(): CharArray = valueField.password

    override fun createCenterPanel(): JComponent {
        val panel = JPanel(GridLayout(0, 2, 8, 6))
        panel.add(JBLabel("Name (an environment variable):"))
        panel.add(nameField)
        panel.add(JBLabel("Value (one line):"))
        panel.add(valueField)
        panel.add(JBLabel("Repositories:"))
        panel.add(scopeField)
        return panel
    }

    override fun getPreferredFocusedComponent(): JComponent = if (nameField.text.isBlank()) nameField else valueField

    override fun doValidate(): ValidationInfo? {
        SecretRules.nameProblem(secretName)?.let { return ValidationInfo(it, nameField) }
        val value = valueField.password
        try {
            return SecretRules.valueProblem(value)?.let { ValidationInfo(it, valueField) }
        } finally {
            Arrays.fill(value, '\u0000')
        }
    }

    override fun dispose() {
        // The field's document holds the characters until it is cleared.
        valueField.text = ""
        super.dispose()
    }
}
