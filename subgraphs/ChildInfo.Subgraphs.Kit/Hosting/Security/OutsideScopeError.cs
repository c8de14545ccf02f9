using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// The one error for a record withheld by record scope: code <c>OUTSIDE_SCOPE</c>, with the scope and rule (and, for
/// a list, how many were left out) in its extensions. The message never identifies a child.
/// </summary>
public static class OutsideScopeError
{
    public const string Code = "OUTSIDE_SCOPE";

    public static ExecutionError Create(CallerScope scope, string message, int? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var error = new ExecutionError(message) { Code = Code };
        error.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        error.Extensions["scope"] = scope.Name;
        error.Extensions["rule"] = scope.Rule;
        if (leftOut is { } count)
            error.Extensions["leftOut"] = count;
        return error;
    }
}
