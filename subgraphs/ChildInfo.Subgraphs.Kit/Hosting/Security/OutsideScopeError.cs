using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// The one error for a record withheld by record scope: code <c>OUTSIDE_SCOPE</c>, with the scope and rule in its
/// extensions. The message never identifies a child, and nothing counts records outside the scope: a count is an
/// existence oracle (asked often enough, it confirms a child's name, date of birth and postcode).
/// </summary>
public static class OutsideScopeError
{
    public const string Code = "OUTSIDE_SCOPE";

    public static ExecutionError Create(CallerScope scope, string message)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var error = new ExecutionError(message) { Code = Code };
        error.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        error.Extensions["scope"] = scope.Name;
        error.Extensions["rule"] = scope.Rule;
        return error;
    }
}
