using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Eyfsp;

public sealed class EarlyLearningGoalGraphType : ObjectGraphType<GoalOutcome>
{
    public EarlyLearningGoalGraphType()
    {
        Name = "EarlyLearningGoalOutcome";
        Field<NonNullGraphType<StringGraphType>>("code").Description("FSP_COM_E01 ... FSP_EXP_E17.").Resolve(c => c.Source.Goal.Code);
        Field<NonNullGraphType<StringGraphType>>("area").Resolve(c => c.Source.Goal.Area);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Goal.Description);
        Field<NonNullGraphType<StringGraphType>>("outcome").Description("expected or emerging.")
            .Resolve(c => c.Source.Level == EarlyLearningGoals.Expected ? "expected" : "emerging");
        Field<NonNullGraphType<BooleanGraphType>>("countsTowardsGld").Resolve(c => c.Source.Goal.CountsTowardsGld);
    }
}
