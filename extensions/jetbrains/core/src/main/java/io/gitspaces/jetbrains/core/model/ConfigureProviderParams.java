package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code providers/configure}.
 *
 * @param provider the provider id
 * @param endpoint the endpoint (control plane URL or Docker host)
 * @param accountIdentifier the Harness account
 * @param orgIdentifier the Harness organisation
 * @param projectIdentifier the Harness project
 * @param spacePath the space path (Harness open source)
 * @param token the access token; sent only in the request body, never logged
 * @param flavour the control-plane flavour
 */
public record ConfigureProviderParams(
        String provider,
        String endpoint,
        String accountIdentifier,
        String orgIdentifier,
        String projectIdentifier,
        String spacePath,
        String token,
        String flavour) {

    @Override
    public String toString() {
        return "ConfigureProviderParams[provider=" + provider + ", endpoint=" + endpoint
                + ", accountIdentifier=" + accountIdentifier + ", orgIdentifier=" + orgIdentifier
                + ", projectIdentifier=" + projectIdentifier + ", spacePath=" + spacePath
                + ", token=" + (token == null ? "null" : "<redacted>") + ", flavour=" + flavour + "]";
    }
}
