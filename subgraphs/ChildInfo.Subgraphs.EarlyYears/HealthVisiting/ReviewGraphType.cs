using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.HealthVisiting;

public sealed class ReviewGraphType : ObjectGraphType<ReviewRecord>
{
    public ReviewGraphType()
    {
        Name = "HealthVisitingReview";
        Description = "A mandated health visiting review.";
        Field(r => r.ReviewId);
        Field(r => r.ReviewType).Description("ANTENATAL, NEW_BIRTH, SIX_TO_EIGHT_WEEKS, TWELVE_MONTHS or TWO_YEARS (2 to 2.5 years).");
        Field<NonNullGraphType<DateScalar>>("reviewDate").Resolve(c => c.Source.ReviewDate);
        Field(r => r.Practitioner);
        Field(r => r.Venue).Description("HOME, CLINIC, FAMILY_HUB, SETTING, VIRTUAL.");
        Field<Asq3GraphType>("asq3").Description("ASQ-3, at the two-year review only.")
            .Resolve(c => c.Source.Asq3Months is null ? null : c.Source);
    }
}
