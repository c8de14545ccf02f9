using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Linkage;
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

    /// <summary>Identities for linkage: the Standard Safeguarding Dataset person (the common child id is the NHS number), the current address's postcode and the current UPN among the linked identifiers.</summary>
    public override LinkageSource LinkageRecords { get; } = new("""
        SELECT p.pers_person_id AS local_id, p.pers_forename AS forename, NULL AS middle_name, p.pers_surname AS surname, p.pers_sex AS sex,
               p.pers_dob AS dob,
               (SELECT MAX(a.addr_address_postcode) FROM ssd_address a
                WHERE a.addr_person_id = p.pers_person_id AND a.addr_address_end_date IS NULL) AS postcode,
               p.pers_common_child_id AS nhs_number,
               (SELECT MAX(l.link_identifier_value) FROM ssd_linked_identifiers l
                WHERE l.link_person_id = p.pers_person_id AND l.link_identifier_type = 'Unique Pupil Number' AND l.link_valid_to_date IS NULL) AS upn
        FROM ssd_person p
        """);

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
