using ChildInfo.Subgraphs.ChildIndex.Children;
using ChildInfo.Subgraphs.ChildIndex.Search;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex;

public sealed class ChildIndexQuery : ObjectGraphType
{
    /// <summary>Blocked candidates in the caller's scope examined per search; a search is for one child, not a listing.</summary>
    private const int CandidateLimit = 500;

    private const int ResultLimit = 10;

    public ChildIndexQuery()
    {
        Name = "Query";
        Field<ChildGraphType>("child")
            .Description("A child by their child index id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => ChildGraphType.Load(c, c.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildCandidateGraphType>>>>("searchChildren")
            .Description("Find a child by name, date of birth and postcode; returns scored candidates in the caller's record scope, best first (at most 10). Finding a child is an access: children outside the scope are never candidates, and under any scope but everyone's an OUTSIDE_SCOPE notice says that results are limited by scope, never whether or how many were left out.")
            .Argument<StringGraphType>("forename")
            .Argument<StringGraphType>("surname")
            .Argument<DateScalar>("dateOfBirth")
            .Argument<StringGraphType>("postcode")
            .Argument<StringGraphType>("sex", "M or F")
            .ResolveAsync(async c =>
            {
                var criteria = new SearchCriteria(
                    Clean(c.GetArgument<string?>("forename")),
                    Clean(c.GetArgument<string?>("surname")),
                    c.GetArgument<DateOnly?>("dateOfBirth"),
                    Clean(c.GetArgument<string?>("postcode")),
                    Clean(c.GetArgument<string?>("sex")) is { Length: 1 } s ? s[0] : null);
                if (criteria.Surname is null && criteria.DateOfBirth is null)
                    throw new ExecutionError("A search needs at least a surname or a date of birth.") { Code = "SEARCH_TOO_BROAD" };
                var scope = CallerScope.From(c);
                var candidates = await c.Service<ChildIndexRepository>()
                    .GetBlockedCandidatesAsync(criteria, scope, CandidateLimit, c.CancellationToken)
                    .ConfigureAwait(false);
                // The same notice whatever the database holds outside the scope: it must not become a way to learn it.
                scope.ReportResultsLimited(c);
                return candidates.Select(child => CandidateScorer.Score(child, criteria))
                    .Where(candidate => candidate.Score >= CandidateScorer.MinimumScore)
                    .OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Child.ChildId, StringComparer.Ordinal)
                    .Take(ResultLimit)
                    .ToList();
            });
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
