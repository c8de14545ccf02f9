using ChildInfo.Subgraphs.ChildIndex.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using GraphQL;
using GraphQL.DI;

namespace ChildInfo.Subgraphs.ChildIndex;

/// <summary>
/// Who is who: owns <c>Child</c> (opaque, stable, pseudonymous id) and the links from a child to each agency's
/// record, which the gateway follows to build a joined-up view.
/// </summary>
public sealed class ChildIndexSubgraph : SubgraphDefinition
{
    public override string Name => "child-index";

    public override int DefaultPort => 4001;

    public override AgencySchema DatabaseSchema { get; } = AgencySchema.FromResource(typeof(ChildIndexSubgraph).Assembly, "child-index");

    public override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ChildIndexRepository>().AddSingleton<ChildIndexCohortRepository>();

    public override void ConfigureGraphQL(IGraphQLBuilder builder) =>
        builder.AddSchema<ChildIndexSchema>().AddGraphTypes(typeof(ChildIndexSubgraph).Assembly);
}
