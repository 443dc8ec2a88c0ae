namespace Gitspaces.Providers.Harness;

/// <summary>Which Harness API the control plane speaks.</summary>
public enum HarnessFlavour
{
    /// <summary>The hosted Harness CDE (cde-manager): <c>/accounts/{a}/orgs/{o}/projects/{p}/gitspaces…</c> with <c>x-api-key</c>.</summary>
    Cde,

    /// <summary>The open-source Harness server: <c>/api/v1/gitspaces/&lt;space&gt;/&lt;id&gt;/+…</c> with a Bearer token.</summary>
    Oss,
}
