package io.gitspaces.gateway

import com.intellij.openapi.ui.ComboBox
import com.intellij.openapi.ui.DialogWrapper
import com.intellij.openapi.ui.ValidationInfo
import com.intellij.ui.components.JBLabel
import com.intellij.ui.components.JBTextField
import com.jetbrains.gateway.api.GatewayUI
import io.gitspaces.jetbrains.core.client.AutoStop
import io.gitspaces.jetbrains.core.links.GatewayLinks
import io.gitspaces.jetbrains.core.links.JetBrainsProduct
import io.gitspaces.jetbrains.core.model.CreateGitspaceParams
import io.gitspaces.jetbrains.core.model.DotfilesSource
import io.gitspaces.jetbrains.core.model.RepositorySource
import java.awt.GridLayout
import javax.swing.JComponent
import javax.swing.JPanel

/**
 * The create wizard: repository, branch, IDE product, provider, and the user's dotfiles and idle timeout (prefilled
 * from the plugin's settings; blank leaves them to the sidecar's settings). OK starts `gitspaces/create` under a
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
    private val settings = GitspacesSettings.getInstance().state
    private val dotfiles = JBTextField(settings.dotfilesRepository).apply { emptyText.text = "the sidecar's dotfiles setting" }
    private val autoStop = JBTextField(settings.autoStop).apply { emptyText.text = "the sidecar's setting (30m, 2h, 0 never)" }

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
        panel.add(JBLabel("Dotfiles:"))
        panel.add(dotfiles)
        panel.add(JBLabel("Auto-stop after idle:"))
        panel.add(autoStop)
        return panel
    }

    override fun getPreferredFocusedComponent(): JComponent = repository

    override fun doValidate(): ValidationInfo? = when {
        repository.text.isBlank() -> ValidationInfo("Enter a repository URL or path", repository)
        autoStop.text.isNotBlank() -> AutoStop.problem(autoStop.text)?.let { ValidationInfo(it, autoStop) }
        else -> null
    }

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
            .withDotfiles(DotfilesSource.fromFields(dotfiles.text, settings.dotfilesTargetPath, settings.dotfilesInstallCommand))
            .withAutoStopSeconds(AutoStop.parse(autoStop.text).let { if (it.isPresent) it.asInt else null })
        Operations.runTrusting("Creating gitspace", null, { trust, p ->
            val client = GitspacesService.getInstance().client()
            // Defaults from the settings are for providers that take them (Docker); Harness would refuse the create.
            val capabilities = client.providers(true).firstOrNull { it.id() == params.provider() }?.capabilities()
            val supported = params.forCapabilities(capabilities)
            client.create(if (trust) supported.trusted() else supported, p)
        }) { g ->
            GatewayUI.getInstance().connect(GatewayLinks.parse(GatewayLinks.gitspace(g.id())))
        }
    }
}
