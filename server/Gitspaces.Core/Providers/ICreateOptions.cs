using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>A provider that says what its account allows a new gitspace to be (<c>gitspaces/create-options</c>): IDEs, machines, regions.</summary>
public interface ICreateOptions
{
    /// <summary>Reads what the account allows.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The options, in the order to offer them.</returns>
    Task<CreateOptionsResult> GetCreateOptionsAsync(CancellationToken cancellationToken);
}
