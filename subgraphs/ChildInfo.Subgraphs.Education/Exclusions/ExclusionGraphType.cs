using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Exclusions;

public sealed class ExclusionGraphType : ObjectGraphType<ExclusionRecord>
{
    public ExclusionGraphType()
    {
        Name = "Exclusion";
        Description = "A suspension or a permanent exclusion.";
        Field(e => e.ExclusionId);
        Field(e => e.Urn).Description("School that excluded the pupil.");
        Field<NonNullGraphType<DateScalar>>("startDate").Resolve(c => c.Source.StartDate);
        Field(e => e.Category).Description("SUSPENSION or PERMANENT.");
        Field(e => e.Sessions).Description("Sessions (morning and afternoon halves) of the suspension; for a permanent exclusion, those before it took effect.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExclusionReasonGraphType>>>>("reasons")
            .Description("Up to three reasons, the main one first.")
            .Resolve(c => Reasons(c.Source));
    }

    private static List<string> Reasons(ExclusionRecord record)
    {
        var reasons = new List<string>(3) { record.Reason1 };
        if (!string.IsNullOrEmpty(record.Reason2))
        {
            reasons.Add(record.Reason2);
        }

        if (!string.IsNullOrEmpty(record.Reason3))
        {
            reasons.Add(record.Reason3);
        }

        return reasons;
    }
}
