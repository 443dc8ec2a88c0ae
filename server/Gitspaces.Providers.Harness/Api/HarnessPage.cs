namespace Gitspaces.Providers.Harness.Api;

/// <summary>One page of a paginated list, with the totals from the <c>x-total</c> and <c>x-total-pages</c> headers.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record HarnessPage<T>
{
    /// <summary>Gets the items.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>Gets the page number, from 1.</summary>
    public required int Page { get; init; }

    /// <summary>Gets the total number of items, when the server said.</summary>
    public long? Total { get; init; }

    /// <summary>Gets the total number of pages, when the server said.</summary>
    public int? TotalPages { get; init; }

    /// <summary>Gets a value indicating whether another page follows.</summary>
    /// <param name="limit">The page size that was asked for.</param>
    /// <returns>Whether to ask for the next page.</returns>
    public bool HasMore(int limit) => this.TotalPages is { } pages ? this.Page < pages : this.Items.Count >= limit;
}
