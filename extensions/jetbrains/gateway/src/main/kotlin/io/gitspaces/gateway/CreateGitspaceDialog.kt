package io.gitspaces.gateway

import com.intellij.openapi.ui.ComboBox
import com.intellij.openapi.ui.DialogWrapper
import com.intellij.openapi.ui.ValidationInfo
import com.intellij.ui.components.JBLabel
import com.intellij.ui.components.JBTextField
import com.jetbrains.gateway.api.GatewayUI
import io.gitspaces.jetbrains.core.links.GatewayLinks
import io.gitspaces.jetbrains.core.links.JetBrainsProduct
import io.gitspaces.jetbrains.core.model.CreateGitspaceParams
import io.gitspaces.jetbrains.core.model.RepositorySource
import java.awt.GridLayout
import javax.swing.JComponent
import javax.swing.JPanel

/**
 * The create wizard: repository, branch, IDE product and provider. OK starts `gitspaces/create` under a
 * background progress that shows the server's `$/progress` and events; once it runs, Gateway connects to it.
 */
class CreateGitspaceDialog : DialogWrapper(true) {
    private val repository = JBTextField().apply { emptyText.text = "https://github.com/org/repo.git or a local path" }
    private val branch = JBTextField().apply { emptyText.text = "default branch" }
    private val name = JBTextField().apply { emptyText.text = "from the repository" }
    private val product = ComboBox(JetBrainsProduct.values()).apply {
        renderer = com.intellij.ui.SimpleListCellRenderer.create("") { it.displayName() }
    }
    private val provider = ComboBox(arrayOf("docker", "harness"))

    init {
        title = "Create Gitspace"
        setOKButtonText("Create")
        init()
    }

    override fun createCenterPanel(): JComponent {
        val panel = JPanel(GridLayout(0, 2, 8, 6))
        panel.add(JBLabel("Repository:"))
        panel.add(repository)
        panel.add(JBLabel("Branch:"))
        panel.add(branch)
        panel.add(JBLabel("IDE:"))
        panel.add(product)
        panel.add(JBLabel("Provider:"))
        panel.add(provider)
        panel.add(JBLabel("Name:"))
        panel.add(name)
        return panel
    }

    override fun getPreferredFocusedComponent(): JComponent = repository

    override fun doValidate(): ValidationInfo? =
        if (repository.text.isBlank()) ValidationInfo("Enter a repository URL or path", repository) else null

    override fun doOKAction() {
        super.doOKAction()
        val chosen = product.selectedItem as JetBrainsProduct
        val params = CreateGitspaceParams(
            name.text.trim().ifEmpty { null },
            RepositorySource.of(repository.text.trim(), branch.text.trim().ifEmpty { null }),
            null,
            provider.selectedItem as String,
            chosen.ide(),
            null,
            null,
        )
        Operations.runTrusting("Creating gitspace", null, { trust, p -> GitspacesService.getInstance().client().create(if (trust) params.trusted() else params, p) }) { g ->
            GatewayUI.getInstance().connect(GatewayLinks.parse(GatewayLinks.gitspace(g.id())))
        }
    }
}
