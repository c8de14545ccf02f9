using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Linkage;
using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.VoluntarySector.Cohort;
using ChildInfo.Subgraphs.VoluntarySector.Engagements;
using ChildInfo.Subgraphs.VoluntarySector.Organisations;
using ChildInfo.Subgraphs.VoluntarySector.Outcomes;
using ChildInfo.Subgraphs.VoluntarySector.Participants;
using ChildInfo.Subgraphs.VoluntarySector.Voice;
using GraphQL;
using GraphQL.DI;

namespace ChildInfo.Subgraphs.VoluntarySector;

/// <summary>Voluntary and community organisations' shared case-recording system behind a federation subgraph.</summary>
public sealed class VoluntarySectorSubgraph : SubgraphDefinition
{
    /// <summary>The database's tables (shared with the synthetic data generator).</summary>
    public static AgencySchema Schema { get; } = AgencySchema.FromResource(typeof(VoluntarySectorSubgraph).Assembly, "voluntary-sector");

    public override string Name => "voluntary-sector";

    public override int DefaultPort => 4005;

    public override AgencySchema DatabaseSchema => Schema;

    public override CohortCatalogue CohortFacts => VoluntarySectorCohortFacts.Catalogue;

    /// <summary>Identities for linkage: the participant as the organisation registered them, with whatever identifiers the family gave.</summary>
    public override LinkageSource LinkageRecords { get; } = new("""
        SELECT t.ParticipantID AS local_id, t.Forename AS forename, t.MiddleName AS middle_name, t.Surname AS surname, t.Sex AS sex,
               t.DOB AS dob, t.Postcode AS postcode, t.NHSNumber AS nhs_number, t.UPN AS upn
        FROM tblParticipant t
        """);

    /// <summary>SQL statements run, by query name; tests use it to prove batching.</summary>
    public QueryCounter Statements { get; } = new();

    public override void ConfigureGraphQL(IGraphQLBuilder builder) =>
        builder.AddSchema<VoluntarySectorSchema>()
            .AddGraphTypes(typeof(VoluntarySectorSubgraph).Assembly)
            .AddGraphTypes(typeof(ChildVoiceGraphType).Assembly);

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Statements);
        services.AddSingleton<ParticipantRepository>();
        services.AddSingleton<OrganisationRepository>();
        services.AddSingleton<EngagementRepository>();
        services.AddSingleton<OutcomeRepository>();
        services.AddSingleton<VoiceRepository>();
        services.AddSingleton(sp => new RecordingWriter(sp.GetRequiredService<AgencyDatabase>(), Statements, VoluntarySectorMutation.Tables));
    }
}
