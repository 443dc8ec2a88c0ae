package io.gitspaces.gateway

import com.intellij.openapi.components.PersistentStateComponent
import com.intellij.openapi.components.Service
import com.intellij.openapi.components.State
import com.intellij.openapi.components.Storage
import com.intellij.openapi.components.service
import com.intellij.openapi.options.Configurable
import com.intellij.openapi.options.ConfigurationException
import com.intellij.ui.components.JBLabel
import com.intellij.ui.components.JBTextField
import io.gitspaces.jetbrains.core.client.AutoStop
import java.awt.BorderLayout
import javax.swing.JComponent
import javax.swing.JPanel

/**
 * The plugin's settings: where the `gitspaces` sidecar is (blank: next to the plugin, then PATH), and what the create
 * dialog starts with for dotfiles and auto-stop (blank: the sidecar's own `dotfiles.*` and `autoStop` settings apply).
 */
@Service(Service.Level.APP)
@State(name = "GitspacesSettings", storages = [Storage("gitspaces.xml")])
class GitspacesSettings : PersistentStateComponent<GitspacesSettings.SettingsState> {
    /** The persisted values. */
    class SettingsState {
        /** The sidecar executable; blank to search next to the plugin and on PATH. */
        var sidecarPath: String = ""

        /** The GITSPACES_HOME to give the sidecar; blank for its default. */
        var gitspacesHome: String = ""

        /** The dotfiles repository the create dialog starts with; blank for the sidecar's `dotfiles.repository`. */
        var dotfilesRepository: String = ""

        /** Where the dotfiles go in a gitspace; blank for `~/dotfiles`. */
        var dotfilesTargetPath: String = ""

        /** The command that installs them; blank for the first install script found, else links. */
        var dotfilesInstallCommand: String = ""

        /** The idle timeout the create dialog starts with (`30m`, `2h`, `0` never); blank for the sidecar's `autoStop`. */
        var autoStop: String = ""
    }

    private var state = SettingsState()

    override fun getState(): SettingsState = state

    override fun loadState(loaded: SettingsState) {
        state = loaded
    }

    companion object {
        fun getInstance(): GitspacesSettings = service()
    }
}

/** Settings | Tools | Gitspaces. Changing the path restarts the sidecar on its next use. */
class GitspacesConfigurable : Configurable {
    private val path = JBTextField()
    private val home = JBTextField()
    private val dotfiles = JBTextField().apply { emptyText.text = "the sidecar's dotfiles.repository setting" }
    private val dotfilesTarget = JBTextField().apply { emptyText.text = "~/dotfiles" }
    private val dotfilesInstall = JBTextField().apply { emptyText.text = "install.sh, bootstrap.sh, setup.sh … else links" }
    private val autoStop = JBTextField().apply { emptyText.text = "the sidecar's autoStop setting, else 60m" }

    override fun getDisplayName(): String = "Gitspaces"

    override fun createComponent(): JComponent {
        val rows = JPanel(java.awt.GridLayout(0, 1, 0, 4))
        rows.add(JBLabel("gitspaces executable (blank: next to the plugin, then PATH):"))
        rows.add(path)
        rows.add(JBLabel("GITSPACES_HOME for the sidecar (blank: its default):"))
        rows.add(home)
        rows.add(JBLabel("Dotfiles repository for new gitspaces (URL, owner/name or a local folder):"))
        rows.add(dotfiles)
        rows.add(JBLabel("Dotfiles target path:"))
        rows.add(dotfilesTarget)
        rows.add(JBLabel("Dotfiles install command:"))
        rows.add(dotfilesInstall)
        rows.add(JBLabel("Auto-stop after idle (30m, 2h, 1h30m, 0 for never):"))
        rows.add(autoStop)
        return JPanel(BorderLayout()).apply { add(rows, BorderLayout.NORTH) }
    }

    override fun isModified(): Boolean {
        val s = GitspacesSettings.getInstance().state
        return path.text.trim() != s.sidecarPath || home.text.trim() != s.gitspacesHome ||
            dotfiles.text.trim() != s.dotfilesRepository || dotfilesTarget.text.trim() != s.dotfilesTargetPath ||
            dotfilesInstall.text.trim() != s.dotfilesInstallCommand || autoStop.text.trim() != s.autoStop
    }

    override fun apply() {
        if (autoStop.text.isNotBlank()) {
            AutoStop.problem(autoStop.text)?.let { throw ConfigurationException(it) }
        }
        val s = GitspacesSettings.getInstance().state
        val sidecarChanged = path.text.trim() != s.sidecarPath || home.text.trim() != s.gitspacesHome
        s.sidecarPath = path.text.trim()
        s.gitspacesHome = home.text.trim()
        s.dotfilesRepository = dotfiles.text.trim()
        s.dotfilesTargetPath = dotfilesTarget.text.trim()
        s.dotfilesInstallCommand = dotfilesInstall.text.trim()
        s.autoStop = autoStop.text.trim()
        if (sidecarChanged) {
            GitspacesService.getInstance().settingsChanged()
        }
    }

    override fun reset() {
        val s = GitspacesSettings.getInstance().state
        path.text = s.sidecarPath
        home.text = s.gitspacesHome
        dotfiles.text = s.dotfilesRepository
        dotfilesTarget.text = s.dotfilesTargetPath
        dotfilesInstall.text = s.dotfilesInstallCommand
        autoStop.text = s.autoStop
    }
}
