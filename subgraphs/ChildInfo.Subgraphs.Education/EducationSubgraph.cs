using ChildInfo.Subgraphs.Education.Attendance;
using ChildInfo.Subgraphs.Education.Cohort;
using ChildInfo.Subgraphs.Education.Enrolments;
using ChildInfo.Subgraphs.Education.Exclusions;
using ChildInfo.Subgraphs.Education.Fsm;
using ChildInfo.Subgraphs.Education.Preferences;
using ChildInfo.Subgraphs.Education.Pupils;
using ChildInfo.Subgraphs.Education.Schools;
using ChildInfo.Subgraphs.Education.Sen;
using ChildInfo.Subgraphs.Education.Voice;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Linkage;
using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.DI;

namespace ChildInfo.Subgraphs.Education;

/// <summary>The education subgraph: a school census / MIS style database; entity <c>Pupil @key(fields: "upn")</c>.</summary>
public sealed class EducationSubgraph : SubgraphDefinition
{
    private static readonly Lazy<AgencySchema> Schema =
        new(() => AgencySchema.FromResource(typeof(EducationSubgraph).Assembly, "education"));

    private readonly QueryCounter _queries;

    public EducationSubgraph(QueryCounter? queries = null) => _queries = queries ?? new QueryCounter();

    public override string Name => "education";

    public override int DefaultPort => 4002;

    public override AgencySchema DatabaseSchema => Schema.Value;

    public override CohortCatalogue CohortFacts => EducationCohortFacts.Catalogue;

    /// <summary>Identities for linkage: the census pupil record: the UPN is both its key and its identifier; schools hold no NHS number.</summary>
    public override LinkageSource LinkageRecords { get; } = new("""
        SELECT p.UPN AS local_id, p.Forename AS forename, p.MiddleNames AS middle_name, p.Surname AS surname, p.Sex AS sex,
               p.DOB AS dob, p.Postcode AS postcode, NULL AS nhs_number, p.UPN AS upn
        FROM PUPIL p
        """);

    /// <summary>The table definitions, for the data generator and tests without a host.</summary>
    public static AgencySchema TableDefinitions => Schema.Value;

    public override void ConfigureGraphQL(IGraphQLBuilder builder) =>
        builder.AddSchema<EducationSchema>()
            .AddGraphTypes(typeof(EducationSubgraph).Assembly)
            .AddGraphTypes(typeof(ChildVoiceGraphType).Assembly);

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_queries);
        services.AddSingleton<PupilRepository>();
        services.AddSingleton<SchoolRepository>();
        services.AddSingleton<EnrolmentRepository>();
        services.AddSingleton<AttendanceRepository>();
        services.AddSingleton<ExclusionRepository>();
        services.AddSingleton<SenRepository>();
        services.AddSingleton<FsmRepository>();
        services.AddSingleton<PupilVoiceRepository>();
        services.AddSingleton<PupilPreferenceRepository>();
        services.AddSingleton(sp => new RecordingWriter(sp.GetRequiredService<AgencyDatabase>(), _queries, EducationMutation.Tables));
    }
}
