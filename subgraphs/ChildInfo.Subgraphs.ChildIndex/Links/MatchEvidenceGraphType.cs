using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Links;

public sealed class MatchEvidenceGraphType : ObjectGraphType<MatchEvidence>
{
    public MatchEvidenceGraphType()
    {
        Name = "MatchEvidence";
        Description = "How one identifying field compared in the pair of records that linked an agency record to the child.";
        Field(e => e.Field).Description("The field compared: nhsNumber, upn, forename, surname, dateOfBirth, sex or postcode.");
        Field(e => e.Comparison).Description("What was found, in words: for example \"the same\", \"day and month swapped\", \"one is the other's middle name\"; \"missing\" when either record lacks the field.");
        Field(e => e.Weight).Description("What the field added to the match weight (log2; negative when it counted against).");
    }
}
