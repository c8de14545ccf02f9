using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Exclusions;

public sealed class ExclusionReasonGraphType : ObjectGraphType<string>
{
    public ExclusionReasonGraphType()
    {
        Name = "ExclusionReason";
        Field<NonNullGraphType<StringGraphType>>("code").Description("PP PA VP VA OW BU RA LG DS SM DA DM TH DB MT PH.").Resolve(c => c.Source);
        Field<NonNullGraphType<StringGraphType>>("meaning").Resolve(c => ExclusionReasons.MeaningOf(c.Source));
    }
}
