package io.gitspaces.gateway

import com.intellij.openapi.components.PersistentStateComponent
import com.intellij.openapi.components.Service
import com.intellij.openapi.components.State
import com.intellij.openapi.components.Storage
import com.intellij.openapi.components.service
import com.intellij.openapi.options.Configurable
import com.intellij.ui.components.JBLabel
import com.intellij.ui.components.JBTextField
import java.awt.BorderLayout
import javax.swing.JComponent
import javax.swing.JPanel

/** The plugin's settings: where the `gitspaces` sidecar is (blank: next to the plugin, then PATH). */
@Service(Service.Level.APP)
@State(name = "GitspacesSettings", storages = [Storage("gitspaces.xml")])
class GitspacesSettings : PersistentStateComponent<GitspacesSettings.SettingsState> {
    /** The persisted values. */
    class SettingsState {
        /** The sidecar executable; blank to search next to the plugin and on PATH. */
        var sidecarPath: String = ""

        /** The GITSPACES_HOME to give the sidecar; blank for its default. */
        var gitspacesHome: String = ""
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

    override fun getDisplayName(): String = "Gitspaces"

    override fun createComponent(): JComponent {
        val rows = JPanel(java.awt.GridLayout(0, 1, 0, 4))
        rows.add(JBLabel("gitspaces executable (blank: next to the plugin, then PATH):"))
        rows.add(path)
        rows.add(JBLabel("GITSPACES_HOME for the sidecar (blank: its default):"))
        rows.add(home)
        return JPanel(BorderLayout()).apply { add(rows, BorderLayout.NORTH) }
    }

    override fun isModified(): Boolean {
        val s = GitspacesSettings.getInstance().state
        return path.text.trim() != s.sidecarPath || home.text.trim() != s.gitspacesHome
    }

    override fun apply() {
        val s = GitspacesSettings.getInstance().state
        s.sidecarPath = path.text.trim()
        s.gitspacesHome = home.text.trim()
        GitspacesService.getInstance().settingsChanged()
    }

    override fun reset() {
        val s = GitspacesSettings.getInstance().state
        path.text = s.sidecarPath
        home.text = s.gitspacesHome
    }
}
