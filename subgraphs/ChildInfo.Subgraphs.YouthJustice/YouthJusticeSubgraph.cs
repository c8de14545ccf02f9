using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Linkage;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.YouthJustice.Cases;
using ChildInfo.Subgraphs.YouthJustice.Cohort;
using ChildInfo.Subgraphs.YouthJustice.Voice;
using GraphQL;
using GraphQL.DI;

namespace ChildInfo.Subgraphs.YouthJustice;

/// <summary>
/// A youth justice service's case management system behind a federation subgraph. Not one of the five the demo
/// composes at start: a system owner registers it on the running gateway, with the classification document in
/// <c>policies/registrations/youth-justice.yaml</c>.
/// </summary>
public sealed class YouthJusticeSubgraph : SubgraphDefinition
{
    /// <summary>The database's tables.</summary>
    public static AgencySchema Schema { get; } = AgencySchema.FromResource(typeof(YouthJusticeSubgraph).Assembly, "youth-justice");

    public override string Name => "youth-justice";

    public override int DefaultPort => 4006;

    public override AgencySchema DatabaseSchema => Schema;

    public override CohortCatalogue CohortFacts => YouthJusticeCohortFacts.Catalogue;

    /// <summary>Identities for linkage: the person the service works with: names, date of birth and sex only.</summary>
    public override LinkageSource LinkageRecords { get; } = new("""
        SELECT y.person_id AS local_id, y.forename AS forename, NULL AS middle_name, y.surname AS surname, y.sex AS sex,
               y.dob AS dob, NULL AS postcode, NULL AS nhs_number, NULL AS upn
        FROM yj_person y
        """);

    /// <summary>SQL statements run, by query name; tests use it to prove batching.</summary>
    public QueryCounter Statements { get; } = new();

    public override void ConfigureGraphQL(IGraphQLBuilder builder) =>
        builder.AddSchema<YouthJusticeSchema>()
            .AddGraphTypes(typeof(YouthJusticeSubgraph).Assembly)
            .AddGraphTypes(typeof(ChildVoiceGraphType).Assembly);

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Statements);
        services.AddSingleton<CaseRepository>();
        services.AddSingleton<VoiceRepository>();
    }
}
