using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

public sealed class SdqScoreGraphType : ObjectGraphType<SdqScore>
{
    public SdqScoreGraphType()
    {
        Name = "SdqScore";
        Description = "A Strengths and Difficulties Questionnaire (ages 4–17; self-report from 11).";
        Field(s => s.SdqId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.CompletedDate);
        Field(s => s.Respondent).Description("SELF, PARENT or TEACHER.");
        Field(s => s.Emotional).Description("Emotional symptoms, 0–10.");
        Field(s => s.Conduct).Description("Conduct problems, 0–10.");
        Field(s => s.Hyperactivity).Description("Hyperactivity/inattention, 0–10.");
        Field(s => s.PeerProblems).Description("Peer relationship problems, 0–10.");
        Field(s => s.Prosocial).Description("Prosocial behaviour, 0–10 (a strength; not in the total).");
        Field(s => s.TotalDifficulties).Description("Total difficulties, 0–40.");
        Field(s => s.Band).Description("CLOSE_TO_AVERAGE, SLIGHTLY_RAISED, HIGH or VERY_HIGH for this respondent.");
    }
}
