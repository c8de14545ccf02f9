using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Links;

public sealed class RecordLinkGraphType : ObjectGraphType<RecordLink>
{
    public RecordLinkGraphType()
    {
        Name = "RecordLink";
        Description = "One agency record that the index holds to belong to this child, and how sure it is.";
        Field(l => l.SourceSystem).Description("The agency holding the record: education, early-years, social-care, voluntary-sector.");
        Field(l => l.LocalId).Description("The agency's own identifier for the record.");
        Field(l => l.MatchMethod).Description("NHS_NUMBER, UPN, DEMOGRAPHIC (probabilistic) or CLERICAL (reviewed by a person).");
        Field<NonNullGraphType<FloatGraphType>>("matchConfidence").Description("0–1; 1 for a deterministic match.").Resolve(c => (double)c.Source.MatchConfidence);
        Field<NonNullGraphType<DateScalar>>("linkedOn").Resolve(c => c.Source.LinkedOn);
    }
}
