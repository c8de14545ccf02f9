using ChildInfo.Subgraphs.ChildIndex.Children;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Search;

public sealed class ChildCandidateGraphType : ObjectGraphType<ChildCandidate>
{
    public ChildCandidateGraphType()
    {
        Name = "ChildCandidate";
        Description = "A child who may be the one searched for: check the score and what matched before acting on it.";
        Field<NonNullGraphType<ChildGraphType>>("child").Resolve(c => c.Source.Child);
        Field(c => c.Score).Description("0–1: how likely this is the child searched for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("matchedOn")
            .Description("The details that agreed.").Resolve(c => c.Source.MatchedOn);
    }
}
