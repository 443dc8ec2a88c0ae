package io.gitspaces.gateway

import com.intellij.openapi.util.IconLoader
import com.jetbrains.gateway.api.GatewayConnector
import com.jetbrains.gateway.api.GatewayConnectorView
import com.jetbrains.gateway.api.GatewayRecentConnections
import com.jetbrains.rd.util.lifetime.Lifetime
import java.awt.Component
import javax.swing.Icon

/** The "Gitspaces" entry on Gateway's welcome screen. */
class GitspacesConnector : GatewayConnector {
    override val icon: Icon
        get() = ICON

    override fun createView(lifetime: Lifetime): GatewayConnectorView = GitspacesConnectorView(lifetime)

    override fun getConnectorId(): String = "io.gitspaces.connector"

    override fun getActionText(): String = "Connect to a Gitspace"

    override fun getDescription(): String = "Development environments from a repository's devcontainer.json, on Docker or Harness"

    override fun getTitle(): String = "Gitspaces"

    override fun getRecentConnections(setContentCallback: (Component) -> Unit): GatewayRecentConnections? = null

    override fun isAvailable(): Boolean = true

    companion object {
        val ICON: Icon = IconLoader.getIcon("/icons/gitspaces.svg", GitspacesConnector::class.java)
    }
}
