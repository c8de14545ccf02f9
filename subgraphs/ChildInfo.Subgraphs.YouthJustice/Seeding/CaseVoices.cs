using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.YouthJustice.Cases;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// The child's words heard during the case (the AssetPlus self-assessment where there is an assessment, a
/// conversation otherwise) and the data-use wishes some children and parents state.
/// </summary>
internal static class CaseVoices
{
    private static readonly string[] Words =
    [
        "I just want to get back to college and keep my head down.",
        "I was with older lads and I didn't know how to say no.",
        "My mum's been really stressed since this happened. I feel bad about that.",
        "Boxing helps me calm down. I'd like to keep going.",
        "I don't want to be known as the kid who got arrested.",
        "When I'm angry I don't think. I want to learn how to stop.",
        "I want a job, something with cars.",
        "People at school look at me different now.",
        "I feel safer when I'm not out late on the estate.",
    ];

    /// <summary>After a restorative meeting, which referral orders and conditional cautions often include.</summary>
    private const string Restorative = "Meeting the person I hurt was hard but I'm glad I said sorry.";

    private static readonly string?[] Wishes =
    [
        "I'd like the same worker to stay with me.",
        "I don't want my school to know the details.",
        "I want my mum to come to the meetings.",
        null,
        null,
    ];

    private static readonly string[] Settings = ["YJS office", "Home visit", "Community venue"];

    /// <summary>The child's words on this case, or null when none were recorded.</summary>
    public static ChildVoice? For(YouthJusticeCase yjCase, string voiceId, StableDraws draws)
    {
        var assessed = yjCase.AssessedOn is not null;
        if (!draws.Chance(assessed ? 0.8 : 0.4))
        {
            return null;
        }

        var setting = yjCase.OutcomeType == OutcomeTypes.DetentionAndTrainingOrder ? "Secure establishment visit" : Settings[draws.Next(0, Settings.Length)];
        return new ChildVoice
        {
            VoiceId = voiceId,
            OwnerId = yjCase.CaseId,
            RecordedOn = (yjCase.AssessedOn ?? yjCase.OutcomeDate).ToDateTime(TimeOnly.MinValue),
            Words = HadVictimMeeting(yjCase) && draws.Chance(0.5) ? Restorative : Words[draws.Next(0, Words.Length)],
            WishesAndFeelings = Wishes[draws.Next(0, Wishes.Length)],
            RecordedBy = "YJS Case Worker, " + yjCase.CaseWorker.Name,
            Setting = setting,
            Method = assessed ? "AssetPlus self-assessment" : "Direct conversation",
        };
    }

    private static bool HadVictimMeeting(YouthJusticeCase yjCase) =>
        yjCase.OffenceCategory is OffenceCategories.ViolenceAgainstThePerson or OffenceCategories.Robbery
        && yjCase.OutcomeType is OutcomeTypes.ReferralOrder or OutcomeTypes.YouthConditionalCaution;

    /// <summary>A data-use wish about this case for about one case in eight, otherwise null.</summary>
    public static DataUsePreference? PreferenceFor(YouthJusticeCase yjCase, string preferenceId, StableDraws draws)
    {
        if (!draws.Chance(0.12))
        {
            return null;
        }

        var recordedOn = yjCase.OutcomeDate.ToDateTime(TimeOnly.MinValue);
        var recordedBy = "YJS Case Worker, " + yjCase.CaseWorker.Name;
        return draws.Next(0, 10) switch
        {
            < 5 => new DataUsePreference
            {
                PreferenceId = preferenceId, OwnerId = yjCase.CaseId, Code = "NOT_WITH_EDUCATION", DataCategory = "ALL",
                WithheldFromAgencies = "education", ExpressedBy = "CHILD",
                Statement = "I don't want school knowing about my youth justice stuff.", RecordedOn = recordedOn, RecordedBy = recordedBy,
            },
            < 7 => new DataUsePreference
            {
                PreferenceId = preferenceId, OwnerId = yjCase.CaseId, Code = "NOT_WITH_EDUCATION", DataCategory = "VOICE",
                WithheldFromAgencies = "education", ExpressedBy = "CHILD",
                Statement = "What I say in my assessment is for my worker, not for school.", RecordedOn = recordedOn, RecordedBy = recordedBy,
            },
            _ => new DataUsePreference
            {
                PreferenceId = preferenceId, OwnerId = yjCase.CaseId, Code = "NO_RESEARCH_USE", DataCategory = "ALL",
                WithheldFromPurposes = "research", ExpressedBy = "PARENT",
                Statement = "We don't want this used for research, even without names.", RecordedOn = recordedOn, RecordedBy = recordedBy,
            },
        };
    }
}
