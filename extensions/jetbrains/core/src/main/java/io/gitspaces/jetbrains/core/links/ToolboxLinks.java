package io.gitspaces.jetbrains.core.links;

import io.gitspaces.jetbrains.core.model.ConnectResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@code jetbrains://gateway/…} links, which the JetBrains Toolbox App handles.
 *
 * <ul>
 *   <li>{@link #ssh(SshTarget, JetBrainsProduct)}: Toolbox's own SSH environments
 *       ({@code jetbrains://gateway/ssh/environment?h=&p=&u=&launchIde=true&ideHint=&projectHint=}) — Toolbox 2.6+
 *       connects to the SSH alias and launches the IDE. Gateway is not needed.</li>
 *   <li>{@link #viaGateway(String)}: the same fragment as a Gateway link, routed through Toolbox to Gateway
 *       ({@code jetbrains://gateway/connect#…}), for users who open Gateway from Toolbox.</li>
 * </ul>
 */
public final class ToolboxLinks {
    /** The prefix of Toolbox's SSH environment links. */
    public static final String SSH_PREFIX = "jetbrains://gateway/ssh/environment?";
    /** The prefix of Gateway links routed through Toolbox. */
    public static final String GATEWAY_PREFIX = "jetbrains://gateway/connect#";

    private ToolboxLinks() {
    }

    /**
     * A Toolbox SSH-environment link.
     *
     * @param target the SSH target
     * @param product the IDE to launch
     * @return the link
     */
    public static String ssh(SshTarget target, JetBrainsProduct product) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("h", target.host());
        p.put("p", Integer.toString(target.port()));
        p.put("u", target.user());
        p.put("launchIde", "true");
        p.put("ideHint", product.productCode());
        p.put("projectHint", target.projectPath());
        return SSH_PREFIX + UriEncoding.join(p);
    }

    /**
     * The Toolbox SSH-environment link for a {@code gitspaces/connect} result.
     *
     * @param result the result
     * @param product the IDE to launch
     * @return the link
     */
    public static String ssh(ConnectResult result, JetBrainsProduct product) {
        return ssh(SshTarget.of(result), product);
    }

    /**
     * A Gateway link routed through Toolbox.
     *
     * @param gatewayLink a {@code jetbrains-gateway://connect#…} link
     * @return the same parameters as {@code jetbrains://gateway/connect#…}
     */
    public static String viaGateway(String gatewayLink) {
        GatewayLinks.parse(gatewayLink);
        return GATEWAY_PREFIX + gatewayLink.substring(GatewayLinks.PREFIX.length());
    }

    /**
     * Parses a Toolbox SSH-environment link.
     *
     * @param link the link
     * @return the decoded parameters
     * @throws IllegalArgumentException when it is not one
     */
    public static Map<String, String> parseSsh(String link) {
        if (link == null || !link.startsWith(SSH_PREFIX)) {
            throw new IllegalArgumentException("not a Toolbox SSH environment link (must start with " + SSH_PREFIX + "): " + link);
        }
        return UriEncoding.split(link.substring(SSH_PREFIX.length()));
    }
}
