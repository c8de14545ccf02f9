using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education;

public sealed class EducationSchema : Schema
{
    public EducationSchema(IServiceProvider services, EducationQuery query, EducationMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "Education: pupils, enrolments, attendance, suspensions and exclusions, SEN and FSM, and the pupil's voice.";
    }
}
