using System.Collections.Immutable;

namespace ChildInfo.Policies.Model;

/// <summary>A role, the agency it acts for, and the purposes it may declare.</summary>
public sealed record Role(
    string Id,
    string Description,
    string Agency,
    ImmutableArray<string> Purposes,
    SourceLocation Location);
