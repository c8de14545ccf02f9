using ChildInfo.Subgraphs.EarlyYears.Eyfsp;
using ChildInfo.Subgraphs.EarlyYears.Funding;
using ChildInfo.Subgraphs.EarlyYears.HealthVisiting;
using ChildInfo.Subgraphs.EarlyYears.Settings;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Children;

/// <summary>The early-years subgraph's entity, keyed by the early years system's own child reference.</summary>
public sealed class EarlyYearsChildGraphType : ObjectGraphType<EarlyYearsChildRecord>
{
    public EarlyYearsChildGraphType()
    {
        Name = "EarlyYearsChild";
        Description = "A child as the early years service holds them: funded entitlements, settings, EYFS profile, health visiting.";
        this.Key("eyChildId");
        this.ResolveReference<IDictionary<string, object?>, EarlyYearsChildRecord>((c, rep) =>
            EntityScope.Load(c, "earlyYearsChild", Representations.RequireString(rep, "eyChildId", "EarlyYearsChild"),
                EarlyYearsChildScope.DecideAsync, c.Service<EarlyYearsChildRepository>().GetManyAsync));

        Field(x => x.EyChildId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The early years system's child reference.");
        Field(x => x.NhsNumber, nullable: true).Description("NHS number, where the family gave it.");
        Field(x => x.Surname);
        Field(x => x.Forename);
        Field(x => x.MiddleNames, nullable: true);
        Field(x => x.Sex).Description("M, F or U.");
        Field<NonNullGraphType<DateScalar>>("dob").Description("Date of birth.").Resolve(c => c.Source.Dob);
        Field(x => x.Ethnicity, nullable: true).Description("Ethnicity code, including the 2021 additions (ABRI, AWEL, BBRI, BWEL).");
        Field(x => x.Language, nullable: true);
        Field(x => x.Postcode, nullable: true);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SettingSpellGraphType>>>>("settings")
            .Description("Spells at early years settings, oldest first.").Resolve(c => ChildLoaders.Spells(c, c.Source.EyChildId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundingGraphType>>>>("fundedEntitlements")
            .Description("Funded early education by term, oldest first.").Resolve(c => ChildLoaders.Funding(c, c.Source.EyChildId));
        Field<EyfspGraphType>("eyfsProfile")
            .Description("The latest EYFS profile; null until the child has finished reception.")
            .Resolve(c => ChildLoaders.Profiles(c, c.Source.EyChildId).Select(p => p.Count == 0 ? null : p[0]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewGraphType>>>>("healthVisitingReviews")
            .Description("Mandated health visiting reviews, oldest first.").Resolve(c => ChildLoaders.Reviews(c, c.Source.EyChildId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildVoiceGraphType>>>>("voice")
            .Description("What the child showed or said: key person observations in the child's words, drawings described. Latest first.")
            .Resolve(c => ChildLoaders.Voice(c, c.Source.EyChildId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataUsePreferenceGraphType>>>>("dataUsePreferences")
            .Description("The child's and family's wishes about how the early years service's information is used.")
            .Resolve(c => ChildLoaders.Preferences(c, c.Source.EyChildId));
    }
}
