package io.gitspaces.gateway

import com.intellij.openapi.application.ApplicationManager
import com.jetbrains.gateway.api.ConnectionRequestor
import com.jetbrains.gateway.api.GatewayConnectionHandle
import com.jetbrains.gateway.api.GatewayConnectionProvider
import com.jetbrains.gateway.api.GatewayUI
import io.gitspaces.jetbrains.core.links.GatewayLinks
import io.gitspaces.jetbrains.core.links.JetBrainsProduct
import io.gitspaces.jetbrains.core.links.SshTarget
import io.gitspaces.jetbrains.core.model.ConnectResult

/**
 * Handles `jetbrains-gateway://connect#gitspace=<id>`: asks the sidecar to connect the gitspace (which starts it
 * when it is stopped and writes its SSH host alias), then hands Gateway's built-in SSH connector the host, user,
 * port, folder and product (`type=ssh&…`), so Gateway opens the IDE through the SSH host the sidecar configured.
 */
class GitspacesConnectionProvider : GatewayConnectionProvider {
    override fun isApplicable(parameters: Map<String, String>): Boolean =
        parameters.containsKey(GatewayLinks.GITSPACE_PARAM) && parameters["type"].let { it == null || it == "gitspaces" }

    override suspend fun connect(parameters: Map<String, String>, requestor: ConnectionRequestor): GatewayConnectionHandle? {
        val id = parameters.getValue(GatewayLinks.GITSPACE_PARAM)
        val requested = parameters["productCode"]?.let { JetBrainsProduct.fromProductCode(it).orElse(null) }
        Operations.run("Connecting to gitspace $id", id, { p -> GitspacesService.getInstance().client().connect(id, requested?.ide(), p) }) { r ->
            val ssh = sshParameters(r, requested)
            ApplicationManager.getApplication().invokeLater { GatewayUI.getInstance().connect(ssh) }
        }
        // Gateway's SSH connector owns the connection from here; there is no handle of ours to show.
        return null
    }

    private fun sshParameters(r: ConnectResult, requested: JetBrainsProduct?): Map<String, String> {
        val product = requested
            ?: JetBrainsProduct.fromIde(r.gitspace().ide()).orElse(JetBrainsProduct.INTELLIJ)
        // The sidecar's own link knows whether a backend is installed in the gitspace (idePath).
        val idePath = r.links()?.jetbrainsGateway()?.let { GatewayLinks.parse(it)["idePath"] }
        return GatewayLinks.sshParameters(SshTarget.of(r), product, idePath)
    }
}
