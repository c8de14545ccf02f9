namespace ChildInfo.Subgraphs.SocialCare.Voice;

/// <summary>The child's answers to the SSD draft voice-of-the-child questions (<c>ssd_voice_of_child</c>).</summary>
public sealed record VoiceQuestionnaire
{
    public required string QuestionnaireId { get; init; }
    public required string PersonId { get; init; }

    /// <summary>Has someone explained to you why people are worried for your family in a way that you can understand?</summary>
    public bool? ExplainedWorries { get; init; }

    /// <summary>Does your story with words and pictures help you to understand what has happened in your family?</summary>
    public bool? StoryHelpsUnderstand { get; init; }

    /// <summary>Do you agree with what your worker says needs to happen to keep you safe?</summary>
    public bool? AgreesWithWorker { get; init; }

    /// <summary>Do you think the plan tells everyone what they need to do to keep you safe?</summary>
    public bool? PlanKeepsSafe { get; init; }

    /// <summary>Did writing or drawing on the tablet help you to explain what you were thinking?</summary>
    public bool? TabletHelpedExplain { get; init; }
}
