using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Voice;

public sealed class VoiceQuestionnaireGraphType : ObjectGraphType<VoiceQuestionnaire>
{
    public VoiceQuestionnaireGraphType()
    {
        Name = "VoiceOfChildQuestionnaire";
        Description = "The child's own yes/no answers to the voice-of-the-child questions (SSD ssd_voice_of_child).";
        Field(q => q.QuestionnaireId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(q => q.ExplainedWorries, nullable: true).Description("Has someone explained to you why people are worried for your family in a way that you can understand?");
        Field(q => q.StoryHelpsUnderstand, nullable: true).Description("Does your story with words and pictures help you to understand what has happened in your family?");
        Field(q => q.AgreesWithWorker, nullable: true).Description("Do you agree with what your worker says needs to happen to keep you safe?");
        Field(q => q.PlanKeepsSafe, nullable: true).Description("Do you think the plan tells everyone what they need to do to keep you safe?");
        Field(q => q.TabletHelpedExplain, nullable: true).Description("Did writing or drawing on the tablet help you to explain what you were thinking and what you wanted to happen?");
    }
}
