using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// The errors the cohort fields answer with (<c>extensions.code</c>): stable codes, messages that say what to
/// change, and nothing about any child.
/// </summary>
public static class CohortErrors
{
    /// <summary>No fact of that name in this agency.</summary>
    public const string UnknownFactCode = "COHORT_UNKNOWN_FACT";

    /// <summary>A value the fact does not list, or a value for a fact that takes none.</summary>
    public const string BadValueCode = "COHORT_BAD_VALUE";

    /// <summary>Dates missing, extra, inverted or spanning more than <see cref="CohortWindow.MaxYears"/> years.</summary>
    public const string BadWindowCode = "COHORT_BAD_WINDOW";

    /// <summary>The signed context does not allow counting the fact's label (<c>count:&lt;label&gt;</c>).</summary>
    public const string NotAllowedCode = "COHORT_NOT_ALLOWED";

    /// <summary>No index dimension of that name.</summary>
    public const string UnknownDimensionCode = "COHORT_UNKNOWN_DIMENSION";

    /// <summary>The agency does not say what data-use wishes it holds, so its counts cannot honour them.</summary>
    public const string NoWishesCode = "COHORT_NO_WISHES";

    /// <summary>Too many local ids in one call.</summary>
    public const string TooManyIdsCode = "COHORT_TOO_MANY_IDS";

    public static ExecutionError UnknownFact(string fact) =>
        new($"This agency has no cohort fact '{Shorten(fact)}'; _cohortFacts lists the ones it has.") { Code = UnknownFactCode };

    public static ExecutionError BadValue(string fact, string value, IReadOnlyList<string> allowed) => new(allowed.Count == 0
        ? $"The cohort fact {fact} takes no value filter."
        : $"The cohort fact {fact} has no value '{Shorten(value)}'; it takes one of: {string.Join(", ", allowed)}.") { Code = BadValueCode };

    public static ExecutionError BadWindow(string message) => new(message) { Code = BadWindowCode };

    public static ExecutionError NotAllowed(string what) => new(
        $"The request context does not allow counting {what}: cohort fields are served only for an aggregate-only purpose whose context carries the label with the count: prefix.") { Code = NotAllowedCode };

    public static ExecutionError UnknownDimension(string dimension, IEnumerable<string> known) =>
        new($"There is no index dimension '{Shorten(dimension)}'; the dimensions are: {string.Join(", ", known)}.") { Code = UnknownDimensionCode };

    public static ExecutionError NoWishes() =>
        new("This agency does not say which data-use wishes it holds, so its records cannot be counted where wishes must be honoured.") { Code = NoWishesCode };

    public static ExecutionError TooManyIds(int max) => new($"At most {max:N0} local ids may be asked for in one call.") { Code = TooManyIdsCode };

    /// <summary>Caller text echoed in a message, cut short so an error never carries a large input back.</summary>
    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}
