using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Protection;

public sealed class ChildProtectionPlanGraphType : ObjectGraphType<ChildProtectionPlan>
{
    public ChildProtectionPlanGraphType()
    {
        Name = "ChildProtectionPlan";
        Description = "A child protection plan (CIN census ChildProtectionPlans).";
        Field(p => p.CpPlanId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.ReferralId, nullable: true);
        Field(p => p.CppStartDate, nullable: true).Description("CPPstartDate.");
        Field(p => p.CppEndDate, nullable: true).Description("CPPendDate; null while the plan is in force.");
        Field(p => p.InitialCategoryOfAbuse, nullable: true).Description("InitialCategoryOfAbuse: NEG PHY EMO SAB MUL.");
        Field(p => p.LatestCategoryOfAbuse, nullable: true).Description("LatestCategoryOfAbuse: NEG PHY EMO SAB MUL.");
        Field(p => p.NumberOfPreviousCpp).Description("NumberOfPreviousCPP: plans this child had before this one.");
        Field(p => p.OtherLocalAuthority, nullable: true).Description("A plan held by another local authority.");
    }
}
