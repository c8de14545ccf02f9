using ChildInfo.Subgraphs.ChildIndex.Children;
using ChildInfo.Subgraphs.ChildIndex.Cohort;
using ChildInfo.Subgraphs.ChildIndex.Search;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex;

public sealed class ChildIndexQuery : ObjectGraphType
{
    /// <summary>Blocked candidates examined per search; a search is for one child, not a listing.</summary>
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
            .Description("Find a child by name, date of birth and postcode; returns scored candidates in the caller's record scope, best first (at most 10). Finding a child is an access: the results are limited to the caller's record scope, and candidates outside it are neither listed nor counted.")
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
                {
                    throw new ExecutionError("A search needs at least a surname or a date of birth.") { Code = "SEARCH_TOO_BROAD" };
                }

                var repository = c.Service<ChildIndexRepository>();
                var candidates = await repository
                    .GetBlockedCandidatesAsync(criteria.Surname, criteria.DateOfBirth, criteria.Postcode, CandidateLimit, c.CancellationToken)
                    .ConfigureAwait(false);
                var matches = candidates.Select(child => CandidateScorer.Score(child, criteria))
                    .Where(candidate => candidate.Score >= CandidateScorer.MinimumScore)
                    .OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Child.ChildId, StringComparer.Ordinal)
                    .ToList();
                var scope = CallerScope.From(c);
                if (scope.IsEveryone)
                {
                    return matches.Take(ResultLimit).ToList();
                }
                // Nothing says whether candidates outside the scope matched: even a yes or no, asked often enough,
                // confirms an out-of-scope child's date of birth and postcode.
                var inScope = await repository.InScopeAsync([.. matches.Select(m => m.Child.ChildId)], scope, c.CancellationToken).ConfigureAwait(false);
                return matches.Where(m => inScope.Contains(m.Child.ChildId)).Take(ResultLimit).ToList();
            });

        ChildIndexCohortFields.AddTo(this);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
