using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.Kit.Batching;

public static class DataLoaderResultExtensions
{
    /// <summary>Maps a batched result once it arrives, keeping it batched.</summary>
    public static IDataLoaderResult<TOut> Select<TIn, TOut>(this IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) =>
        new Mapped<TIn, TOut>(inner, map);

    /// <summary>Same result, typed as nullable (a missing key gives null), as <c>ResolveReference</c> expects.</summary>
    public static IDataLoaderResult<T?> OrNull<T>(this IDataLoaderResult<T> inner)
        where T : class => new Mapped<T, T?>(inner, value => value);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
