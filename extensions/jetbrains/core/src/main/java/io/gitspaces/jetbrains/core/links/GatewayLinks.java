package io.gitspaces.jetbrains.core.links;

import io.gitspaces.jetbrains.core.model.ConnectResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds and parses {@code jetbrains-gateway://connect#…} links. Gateway reads the parameters from the URL
 * fragment and hands them to the first {@code GatewayConnectionProvider} whose {@code isApplicable} accepts them.
 */
public final class GatewayLinks {
    /** The scheme and authority every Gateway link starts with. */
    public static final String PREFIX = "jetbrains-gateway://connect#";
    /** The parameter this plugin's connection provider reacts to. */
    public static final String GITSPACE_PARAM = "gitspace";

    private GatewayLinks() {
    }

    /**
     * A link for Gateway's built-in SSH connector: {@code type=ssh&deploy=&host=&port=&user=&projectPath=&productCode=}.
     * With an {@code idePath} (a backend installed in the gitspace) it is {@code deploy=false&…&idePath=}; without
     * one, {@code deploy=true} lets Gateway download the backend for the product. The same rules and encoding as the
     * sidecar's {@code JetBrainsLinks.Gateway}, so both build the same link.
     *
     * @param target the SSH target
     * @param product the IDE to open
     * @param idePath the backend's folder in the gitspace, or {@code null} when unknown
     * @return the link
     */
    public static String ssh(SshTarget target, JetBrainsProduct product, String idePath) {
        return PREFIX + UriEncoding.join(sshParameters(target, product, idePath));
    }

    /**
     * The SSH link for a {@code gitspaces/connect} result.
     *
     * @param result the result
     * @param product the IDE to open
     * @return the link
     */
    public static String ssh(ConnectResult result, JetBrainsProduct product) {
        return ssh(SshTarget.of(result), product, null);
    }

    /**
     * The parameters of the SSH link, in link order, as {@code GatewayUI.connect} takes them.
     *
     * @param target the SSH target
     * @param product the IDE to open
     * @param idePath the backend's folder in the gitspace, or {@code null}
     * @return the parameters (unencoded)
     */
    public static Map<String, String> sshParameters(SshTarget target, JetBrainsProduct product, String idePath) {
        Objects.requireNonNull(product, "product");
        Map<String, String> p = new LinkedHashMap<>();
        boolean deployed = idePath != null && !idePath.isBlank();
        p.put("type", "ssh");
        p.put("deploy", deployed ? "false" : "true");
        p.put("host", target.host());
        p.put("port", Integer.toString(target.port()));
        p.put("user", target.user());
        p.put("projectPath", target.projectPath());
        p.put("productCode", product.productCode());
        if (deployed) {
            p.put("idePath", idePath);
        }
        return p;
    }

    /**
     * A link this plugin's connection provider handles: it starts the gitspace through the sidecar, then
     * connects over SSH.
     *
     * @param gitspaceId the gitspace id
     * @return {@code jetbrains-gateway://connect#gitspace=<id>}
     */
    public static String gitspace(String gitspaceId) {
        if (gitspaceId == null || gitspaceId.isBlank()) {
            throw new IllegalArgumentException("the gitspace id is empty");
        }
        return PREFIX + GITSPACE_PARAM + "=" + UriEncoding.encode(gitspaceId);
    }

    /**
     * Parses a Gateway link's fragment parameters.
     *
     * @param link a {@code jetbrains-gateway://connect#…} link
     * @return the decoded parameters, in link order
     * @throws IllegalArgumentException when it is not a Gateway connect link
     */
    public static Map<String, String> parse(String link) {
        if (link == null || !link.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Gateway connect link (must start with " + PREFIX + "): " + link);
        }
        return UriEncoding.split(link.substring(PREFIX.length()));
    }
}
