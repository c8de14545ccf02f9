using System.Collections.Immutable;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Loading;

/// <summary>The outcome of loading policy files: a set when there are no errors, otherwise the errors.</summary>
public sealed record PolicyLoadResult(PolicySet? PolicySet, ImmutableArray<PolicyError> Errors)
{
    public bool Succeeded => PolicySet is not null && Errors.IsEmpty;

    public static PolicyLoadResult Failed(IEnumerable<PolicyError> errors) => new(null, [.. errors]);

    /// <summary>All errors, one per line, in file order, for a log or a console.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
