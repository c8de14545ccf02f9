using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Eyfsp;

public sealed class EyfspGraphType : ObjectGraphType<EyfspRecord>
{
    public EyfspGraphType()
    {
        Name = "EyfsProfile";
        Description = "The EYFS profile completed at the end of reception.";
        Field(p => p.AssessmentYear);
        Field(p => p.Urn).Description("School where the profile was completed.");
        Field<NonNullGraphType<BooleanGraphType>>("goodLevelOfDevelopment")
            .Description("FSP_GLD: expected level in the 12 goals of communication and language, PSED, physical development, literacy and mathematics.")
            .Resolve(c => c.Source.Gld != 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EarlyLearningGoalGraphType>>>>("goals")
            .Description("The 17 early learning goals in return order.")
            .Resolve(c =>
            {
                var outcomes = c.Source.Outcomes();
                var goals = new GoalOutcome[outcomes.Length];
                for (var i = 0; i < outcomes.Length; i++)
                {
                    goals[i] = new GoalOutcome(EarlyLearningGoals.All[i], outcomes[i]);
                }

                return goals;
            });
    }
}
