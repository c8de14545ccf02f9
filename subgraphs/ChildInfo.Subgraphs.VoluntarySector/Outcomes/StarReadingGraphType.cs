using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

public sealed class StarReadingGraphType : ObjectGraphType<StarReading>
{
    public StarReadingGraphType()
    {
        Name = "StarReading";
        Description = "One scale of a Star-style journey of change: baseline within 4 weeks, reviews about every 12.";
        Field(s => s.ReadingId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.EngagementId, nullable: true);
        Field(s => s.StarName).Description("MY_STAR (child, mainly 7–14) or FAMILY_STAR_PLUS (parent).");
        Field(s => s.ScaleName);
        Field(s => s.Score).Description("1–10 along the journey of change.");
        Field(s => s.ReadingDate);
        Field(s => s.ReadingType).Description("BASELINE or REVIEW.");
    }
}
