using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.SocialCare.Allocations;
using ChildInfo.Subgraphs.SocialCare.Cohort;
using ChildInfo.Subgraphs.SocialCare.EarlyHelp;
using ChildInfo.Subgraphs.SocialCare.LookedAfter;
using ChildInfo.Subgraphs.SocialCare.People;
using ChildInfo.Subgraphs.SocialCare.Protection;
using ChildInfo.Subgraphs.SocialCare.Referrals;
using ChildInfo.Subgraphs.SocialCare.Voice;
using GraphQL;
using GraphQL.DI;

namespace ChildInfo.Subgraphs.SocialCare;

/// <summary>Children's social care: the Standard Safeguarding Dataset behind a federation subgraph.</summary>
public sealed class SocialCareSubgraph : SubgraphDefinition
{
    /// <summary>The database's tables (shared with the synthetic data generator).</summary>
    public static AgencySchema Schema { get; } = AgencySchema.FromResource(typeof(SocialCareSubgraph).Assembly, "social-care");

    public override string Name => "social-care";

    public override int DefaultPort => 4004;

    public override AgencySchema DatabaseSchema => Schema;

    public override CohortCatalogue CohortFacts => SocialCareCohortFacts.Catalogue;

    /// <summary>SQL statements run, by query name; tests use it to prove batching.</summary>
    public QueryCounter Statements { get; } = new();

    public override void ConfigureGraphQL(IGraphQLBuilder builder) =>
        builder.AddSchema<SocialCareSchema>()
            .AddGraphTypes(typeof(SocialCareSubgraph).Assembly)
            .AddGraphTypes(typeof(ChildVoiceGraphType).Assembly);

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Statements);
        services.AddSingleton<PersonRepository>();
        services.AddSingleton<ReferralRepository>();
        services.AddSingleton<ProtectionRepository>();
        services.AddSingleton<LookedAfterRepository>();
        services.AddSingleton<EarlyHelpRepository>();
        services.AddSingleton<AllocationRepository>();
        services.AddSingleton<VoiceRepository>();
        services.AddSingleton(sp => new RecordingWriter(
            sp.GetRequiredService<AgencyDatabase>(), sp.GetRequiredService<QueryCounter>(), SocialCareMutation.Tables));
    }
}
