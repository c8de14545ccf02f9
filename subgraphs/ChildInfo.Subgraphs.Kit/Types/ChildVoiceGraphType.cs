using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Types;

/// <summary>Shared value type: identical in every subgraph, hence <c>@shareable</c>.</summary>
public sealed class ChildVoiceGraphType : ObjectGraphType<ChildVoice>
{
    public ChildVoiceGraphType()
    {
        Name = "ChildVoice";
        Description = "What the child said, in their own words, and how and where it was heard.";
        this.Shareable();
        Field<NonNullGraphType<DateScalar>>("recordedOn").Resolve(c => c.Source.RecordedOn);
        Field(v => v.Words).Description("The child's own words, as they said them.");
        Field(v => v.WishesAndFeelings, nullable: true).Description("The child's wishes and feelings about what should happen.");
        Field(v => v.RecordedBy).Description("Who heard and recorded it (role and name as the agency holds it).");
        Field(v => v.Setting).Description("Where it was heard: home visit, school, youth club, setting, clinic...");
        Field(v => v.Method, nullable: true).Description("How: direct conversation, drawing, app, advocate, questionnaire.");
    }
}
