using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Recording;

public sealed class ChildVoiceInputGraphType : InputObjectGraphType<ChildVoiceInput>
{
    public ChildVoiceInputGraphType()
    {
        Name = "ChildVoiceInput";
        Description = "What the child said, in their own words, and how and where it was heard.";
        Field(v => v.Words).Description($"The child's own words, as they said them (at most {RecordingLimits.Words} characters).");
        Field(v => v.WishesAndFeelings, nullable: true).Description($"The child's wishes and feelings about what should happen (at most {RecordingLimits.Words} characters).");
        Field(v => v.Setting).Description($"Where it was heard: home visit, school, youth club... (at most {RecordingLimits.Short} characters).");
        Field(v => v.Method, nullable: true).Description($"How: direct conversation, drawing, app, advocate... (at most {RecordingLimits.Short} characters).");
    }
}
