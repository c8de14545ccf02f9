using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Fsm;

public sealed class FsmPeriodGraphType : ObjectGraphType<FsmPeriodRecord>
{
    public FsmPeriodGraphType()
    {
        Name = "FsmPeriod";
        Description = "A period of eligibility for free school meals.";
        Field<NonNullGraphType<DateScalar>>("startDate").Resolve(c => c.Source.FsmStartDate);
        Field<DateScalar>("endDate").Description("Null while the eligibility continues.").Resolve(c => c.Source.FsmEndDate);
    }
}
