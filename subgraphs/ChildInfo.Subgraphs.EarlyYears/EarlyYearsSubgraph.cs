using ChildInfo.Subgraphs.EarlyYears.Children;
using ChildInfo.Subgraphs.EarlyYears.Cohort;
using ChildInfo.Subgraphs.EarlyYears.Eyfsp;
using ChildInfo.Subgraphs.EarlyYears.Funding;
using ChildInfo.Subgraphs.EarlyYears.HealthVisiting;
using ChildInfo.Subgraphs.EarlyYears.Preferences;
using ChildInfo.Subgraphs.EarlyYears.Settings;
using ChildInfo.Subgraphs.EarlyYears.Voice;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Linkage;
using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.DI;

namespace ChildInfo.Subgraphs.EarlyYears;

/// <summary>The early-years subgraph; entity <c>EarlyYearsChild @key(fields: "eyChildId")</c>.</summary>
public sealed class EarlyYearsSubgraph : SubgraphDefinition
{
    private static readonly Lazy<AgencySchema> Schema =
        new(() => AgencySchema.FromResource(typeof(EarlyYearsSubgraph).Assembly, "early-years"));

    private readonly QueryCounter _queries;

    public EarlyYearsSubgraph(QueryCounter? queries = null) => _queries = queries ?? new QueryCounter();

    public override string Name => "early-years";

    public override int DefaultPort => 4003;

    public override AgencySchema DatabaseSchema => Schema.Value;

    public override CohortCatalogue CohortFacts => EarlyYearsCohortFacts.Catalogue;

    /// <summary>Identities for linkage: the early years child record, with the NHS number where the family gave it.</summary>
    public override LinkageSource LinkageRecords { get; } = new("""
        SELECT c.EYChildId AS local_id, c.Forename AS forename, c.MiddleNames AS middle_name, c.Surname AS surname, c.Sex AS sex,
               c.DOB AS dob, c.Postcode AS postcode, c.NHSNumber AS nhs_number, NULL AS upn
        FROM EY_CHILD c
        """);

    /// <summary>The table definitions, for the data generator and tests without a host.</summary>
    public static AgencySchema TableDefinitions => Schema.Value;

    public override void ConfigureGraphQL(IGraphQLBuilder builder) =>
        builder.AddSchema<EarlyYearsSchema>()
            .AddGraphTypes(typeof(EarlyYearsSubgraph).Assembly)
            .AddGraphTypes(typeof(ChildVoiceGraphType).Assembly);

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_queries);
        services.AddSingleton<EarlyYearsChildRepository>();
        services.AddSingleton<SettingRepository>();
        services.AddSingleton<FundingRepository>();
        services.AddSingleton<EyfspRepository>();
        services.AddSingleton<ReviewRepository>();
        services.AddSingleton<ChildVoiceRepository>();
        services.AddSingleton<PreferenceRepository>();
        services.AddSingleton(sp => new RecordingWriter(sp.GetRequiredService<AgencyDatabase>(), _queries, EarlyYearsMutation.Tables));
    }
}
