using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

public sealed class WemwbsScoreGraphType : ObjectGraphType<WemwbsScore>
{
    public WemwbsScoreGraphType()
    {
        Name = "WemwbsScore";
        Description = "Warwick-Edinburgh Mental Wellbeing Scale (14 items; validated ages 13–16).";
        Field(s => s.WemwbsId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.CompletedDate);
        Field(s => s.TotalScore).Description("14–70; higher is better wellbeing.");
    }
}
