using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.YouthJustice.Voice;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// The youth justice entity, keyed by the service's own case id. Voice and preferences are loaded for all the cases
/// in a response at once (one statement each).
/// </summary>
public sealed class YouthJusticeCaseGraphType : ObjectGraphType<YouthJusticeCase>
{
    public const string TypeName = "YouthJusticeCase";

    public YouthJusticeCaseGraphType()
    {
        Name = TypeName;
        Description = "A youth justice case: one legal outcome the youth justice service works with a child on. Criminal offence data (UK GDPR Article 10).";
        this.Key("caseId");
        this.ResolveReference<IDictionary<string, object?>, YouthJusticeCase>((context, representation) =>
            EntityScope.Load(context, "youthJusticeCase", Representations.RequireString(representation, "caseId", TypeName),
                CaseScope.DecideAsync, context.Service<CaseRepository>().GetManyAsync));

        Field(c => c.CaseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The service's own case id.");
        Field(c => c.PersonId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The service's own id for the child.");
        Field(c => c.Forename, nullable: true).Description("Forename as the youth justice service recorded it.");
        Field(c => c.Surname, nullable: true).Description("Surname as the youth justice service recorded it.");
        Field(c => c.DateOfBirth, nullable: true).Description("Date of birth as the youth justice service recorded it.");
        Field(c => c.Sex, nullable: true).Description("F, M or U, as recorded.");
        Field(c => c.OutcomeType).Description(
            "The legal outcome: COMMUNITY_RESOLUTION, YOUTH_CAUTION, YOUTH_CONDITIONAL_CAUTION (pre-court); REFERRAL_ORDER, YOUTH_REHABILITATION_ORDER, DETENTION_AND_TRAINING_ORDER (court).");
        Field<StringGraphType>("outcomeTier")
            .Description("PRE_COURT, FIRST_TIER, COMMUNITY or CUSTODY, as the Youth Justice Statistics group outcomes; null for an outcome type not listed.")
            .Resolve(c => OutcomeTypes.TierOf(c.Source.OutcomeType));
        Field(c => c.OffenceCategory).Description(
            "Offence group (Home Office offence groups, with the Ministry of Justice's summary motoring and non-motoring groups), for example VIOLENCE_AGAINST_THE_PERSON, THEFT_OFFENCES, DRUG_OFFENCES.");
        Field(c => c.OffenceDate).Description("When the offence was committed.");
        Field(c => c.OutcomeDate).Description("When the outcome was given (out-of-court decision or sentence).");
        Field<NonNullGraphType<YouthJusticeCaseWorkerGraphType>>("caseWorker")
            .Description("The practitioner the case is allocated to.")
            .Resolve(c => c.Source.CaseWorker);
        Field(c => c.AssessedOn, nullable: true).Description("When the latest AssetPlus assessment was completed; null when there is none.");
        Field(c => c.LikelihoodOfReoffending, nullable: true).Description("AssetPlus likelihood of reoffending: LOW, MEDIUM or HIGH.");
        Field(c => c.RiskOfSeriousHarm, nullable: true).Description("AssetPlus risk of serious harm to others: LOW, MEDIUM, HIGH or VERY_HIGH.");
        Field(c => c.SafetyAndWellbeing, nullable: true).Description("AssetPlus concerns for the child's own safety and wellbeing: LOW, MEDIUM, HIGH or VERY_HIGH.");
        Field(c => c.Status).Description("OPEN or CLOSED.");
        Field(c => c.ClosedOn, nullable: true).Description("When the case closed; null while it is open.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildVoiceGraphType>>>>("voice")
            .Description("The child's own words, for example from the AssetPlus self-assessment. Newest first.")
            .Resolve(c => c.Loaders().GetMany<string, ChildVoice>("yj.voice", c.Service<VoiceRepository>().GetVoiceAsync, v => v.OwnerId)
                .Load(c.Source.CaseId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataUsePreferenceGraphType>>>>("dataUsePreferences")
            .Description("The child's and family's wishes about how this case's information is used.")
            .Resolve(c => c.Loaders().GetMany<string, DataUsePreference>("yj.preferences", c.Service<VoiceRepository>().GetPreferencesAsync, p => p.OwnerId)
                .Load(c.Source.CaseId));
    }

    internal static IDataLoaderResult<YouthJusticeCase> Load(IResolveFieldContext context, string caseId) =>
        context.Loaders().Get<string, YouthJusticeCase>("yj.case", context.Service<CaseRepository>().GetManyAsync).Load(caseId);
}
