using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Referrals;

public sealed class CinPlanGraphType : ObjectGraphType<CinPlan>
{
    public CinPlanGraphType()
    {
        Name = "CinPlan";
        Description = "A child-in-need plan (CINPlanDates).";
        Field(p => p.CinPlanId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.ReferralId, nullable: true);
        Field(p => p.CinPlanStartDate, nullable: true);
        Field(p => p.CinPlanEndDate, nullable: true).Description("Null while the plan is open.");
        Field(p => p.TeamId, nullable: true);
        Field(p => p.WorkerId, nullable: true);
    }
}
