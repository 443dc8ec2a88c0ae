package io.gitspaces.gateway

import com.intellij.ide.plugins.PluginManagerCore
import com.intellij.openapi.Disposable
import com.intellij.openapi.application.ApplicationInfo
import com.intellij.openapi.components.Service
import com.intellij.openapi.components.service
import com.intellij.openapi.diagnostic.Logger
import com.intellij.openapi.extensions.PluginId
import io.gitspaces.jetbrains.core.client.ClientOptions
import io.gitspaces.jetbrains.core.client.GitspacesClient
import io.gitspaces.jetbrains.core.process.SidecarLocator

/**
 * Owns the one sidecar client of the application: built from the settings on first use, closed (shutdown, exit)
 * when Gateway exits. All logic is in the core; this only wires settings and logging to it.
 */
@Service(Service.Level.APP)
class GitspacesService : Disposable {
    private var client: GitspacesClient? = null

    /** The client, started on first use. Crashes restart it within the core's restart budget. */
    @Synchronized
    fun client(): GitspacesClient {
        client?.let { return it }
        val settings = GitspacesSettings.getInstance().state
        val pluginDir = PluginManagerCore.getPlugin(PluginId.getId(PLUGIN_ID))?.pluginPath
        val executable = SidecarLocator.system().locate(settings.sidecarPath, pluginDir)
        val builder = ClientOptions.builder(executable)
            .clientInfo("gitspaces-jetbrains-gateway", ApplicationInfo.getInstance().fullVersion)
            .log { line -> LOG.info("sidecar: $line") }
        if (settings.gitspacesHome.isNotBlank()) {
            builder.env("GITSPACES_HOME", settings.gitspacesHome)
        }
        val created = GitspacesClient(builder.build())
        created.onCrash { e -> LOG.warn("the gitspaces sidecar crashed: ${e.message}") }
        client = created
        return created
    }

    /** Drops the client so the next use starts a sidecar with the new settings. */
    @Synchronized
    fun settingsChanged() {
        client?.close()
        client = null
    }

    @Synchronized
    override fun dispose() {
        client?.close()
        client = null
    }

    companion object {
        const val PLUGIN_ID = "io.gitspaces.gateway"
        private val LOG = Logger.getInstance(GitspacesService::class.java)

        fun getInstance(): GitspacesService = service()
    }
}
