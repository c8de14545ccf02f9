using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.SocialCare.Allocations;
using ChildInfo.Subgraphs.SocialCare.EarlyHelp;
using ChildInfo.Subgraphs.SocialCare.LookedAfter;
using ChildInfo.Subgraphs.SocialCare.Protection;
using ChildInfo.Subgraphs.SocialCare.Referrals;
using ChildInfo.Subgraphs.SocialCare.Voice;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.People;

/// <summary>
/// The social care entity, keyed by the LA child ID. Every list below is loaded for all the children in a
/// response at once (one statement per list), so <c>_entities</c> with N representations stays O(1) in SQL.
/// </summary>
public sealed class SocialCareChildGraphType : ObjectGraphType<SocialCareChild>
{
    public const string TypeName = "SocialCareChild";

    public SocialCareChildGraphType()
    {
        Name = TypeName;
        Description = "A child known to children's social care, as the Standard Safeguarding Dataset records them.";
        this.Key("personId");
        this.ResolveReference<IDictionary<string, object?>, SocialCareChild>((context, representation) =>
            EntityScope.Load(context, "socialCareChild", Representations.RequireString(representation, "personId", TypeName),
                CaseloadScope.DecideAsync, context.Service<PersonRepository>().GetManyAsync));

        Field(c => c.PersonId, type: typeof(NonNullGraphType<IdGraphType>)).Description("LA child ID (pers_person_id; CIN LAchildID, SSDA903 CHILD).");
        Field(c => c.LegacyId, nullable: true).Description("Person id in a previous case management system.");
        Field(c => c.Forename, nullable: true);
        Field(c => c.Surname, nullable: true);
        Field(c => c.Sex, nullable: true).Description("F, M or U.");
        Field(c => c.Gender, nullable: true).Description("CIN gender code: 00 not known, 01 boy, 02 girl, 09 not specified.");
        Field(c => c.Ethnicity, nullable: true).Description("DfE ethnicity code (WBRI, MWBC, ABAN, BAFR, REFU, NOBT...).");
        Field(c => c.DateOfBirth, nullable: true).Description("PersonBirthDate as recorded.");
        Field(c => c.ExpectedDateOfBirth, nullable: true).Description("ExpectedPersonBirthDate for an unborn child.");
        Field(c => c.DateOfDeath, nullable: true);
        Field(c => c.NhsNumber, nullable: true).Description("NHS number as recorded (pers_common_child_id); may be missing.");
        Field(c => c.Upn, nullable: true).Description("Current UPN as recorded (ssd_linked_identifiers).");
        Field(c => c.UpnUnknown, nullable: true).Description("UPNunknown code UN1–UN10 where no UPN is held.");
        Field(c => c.HasEhcPlan, nullable: true).Description("SEND flag: an EHC plan is recorded.");
        Field(c => c.Nationality, nullable: true);
        Field(c => c.Postcode, nullable: true).Description("Postcode of the current home address.");
        Field(c => c.ChildProtectionPlanActive).Description("A child protection plan is in force (no end date).");
        Field(c => c.LookedAfterActive).Description("An episode of care is open (no DEC).");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("disabilities")
            .Description("CIN disability codes: NONE MOB HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA.")
            .Resolve(c => c.Loaders().GetMany<string, Disability>("sc.disabilities", c.Service<PersonRepository>().GetDisabilitiesAsync, d => d.PersonId)
                .Load(c.Source.PersonId).Select(list => list.Select(d => d.Code).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CinEpisodeGraphType>>>>("referrals")
            .Description("Referrals and child-in-need episodes, newest first.")
            .Resolve(c => c.Loaders().GetMany<string, CinEpisode>("sc.referrals", c.Service<ReferralRepository>().GetEpisodesAsync, e => e.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CinAssessmentGraphType>>>>("assessments")
            .Resolve(c => c.Loaders().GetMany<string, CinAssessment>("sc.assessments", c.Service<ReferralRepository>().GetAssessmentsAsync, a => a.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CinPlanGraphType>>>>("cinPlans")
            .Resolve(c => c.Loaders().GetMany<string, CinPlan>("sc.cinPlans", c.Service<ReferralRepository>().GetCinPlansAsync, p => p.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Section47EnquiryGraphType>>>>("section47Enquiries")
            .Resolve(c => c.Loaders().GetMany<string, Section47Enquiry>("sc.s47", c.Service<ProtectionRepository>().GetEnquiriesAsync, s => s.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildProtectionPlanGraphType>>>>("childProtectionPlans")
            .Resolve(c => c.Loaders().GetMany<string, ChildProtectionPlan>("sc.cpPlans", c.Service<ProtectionRepository>().GetPlansAsync, p => p.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LookedAfterEpisodeGraphType>>>>("lookedAfterEpisodes")
            .Resolve(c => c.Loaders().GetMany<string, LookedAfterEpisode>("sc.cla", c.Service<LookedAfterRepository>().GetEpisodesAsync, e => e.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EarlyHelpEpisodeGraphType>>>>("earlyHelpEpisodes")
            .Resolve(c => c.Loaders().GetMany<string, EarlyHelpEpisode>("sc.earlyHelp", c.Service<EarlyHelpRepository>().GetEpisodesAsync, e => e.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationGraphType>>>>("allocations")
            .Description("Workers and teams involved with the child, current first by start date.")
            .Resolve(c => c.Loaders().GetMany<string, Allocation>("sc.allocations", c.Service<AllocationRepository>().GetAllocationsAsync, a => a.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildVoiceGraphType>>>>("voice")
            .Description("The child's own words, wishes and feelings, newest first.")
            .Resolve(c => c.Loaders().GetMany<string, ChildVoice>("sc.voice", c.Service<VoiceRepository>().GetVoiceAsync, v => v.OwnerId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VoiceQuestionnaireGraphType>>>>("voiceQuestionnaires")
            .Resolve(c => c.Loaders().GetMany<string, VoiceQuestionnaire>("sc.voiceQuestionnaires", c.Service<VoiceRepository>().GetQuestionnairesAsync, q => q.PersonId)
                .Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataUsePreferenceGraphType>>>>("dataUsePreferences")
            .Description("The child's and family's wishes about how this information is used.")
            .Resolve(c => c.Loaders().GetMany<string, DataUsePreference>("sc.preferences", c.Service<VoiceRepository>().GetPreferencesAsync, p => p.OwnerId)
                .Load(c.Source.PersonId));
    }
}
