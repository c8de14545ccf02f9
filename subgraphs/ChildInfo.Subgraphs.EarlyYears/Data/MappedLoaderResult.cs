using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.EarlyYears.Data;

/// <summary>
/// A batched result transformed once it arrives (for example a review to its ASQ-3 result), without
/// awaiting it inside the resolver, which would fetch before the rest of the batch had been collected.
/// </summary>
internal sealed class MappedLoaderResult<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
{
    public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
        map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken).ConfigureAwait(false);
}

internal static class MappedLoaderResult
{
    public static IDataLoaderResult<TOut> Select<TIn, TOut>(this IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) =>
        new MappedLoaderResult<TIn, TOut>(inner, map);
}
