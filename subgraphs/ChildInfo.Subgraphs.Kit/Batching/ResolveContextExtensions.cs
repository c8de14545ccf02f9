using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Subgraphs.Kit.Batching;

public static class ResolveContextExtensions
{
    /// <summary>The current request's batch loaders.</summary>
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestLoaders>();

    /// <summary>A request-scoped service, for example an agency repository.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();
}
