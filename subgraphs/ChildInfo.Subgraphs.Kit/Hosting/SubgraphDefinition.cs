using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Linkage;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Subgraphs.Kit.Hosting;

/// <summary>What makes one agency's subgraph: its name, port, database schema and GraphQL types.</summary>
public abstract class SubgraphDefinition
{
    /// <summary>Subgraph name as registered with the gateway, for example <c>education</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Port it listens on when started on its own (4001–4005 for the samples).</summary>
    public abstract int DefaultPort { get; }

    /// <summary>The agency database's tables.</summary>
    public abstract AgencySchema DatabaseSchema { get; }

    /// <summary>Registers the schema and graph types with GraphQL.NET.</summary>
    public abstract void ConfigureGraphQL(IGraphQLBuilder builder);

    /// <summary>
    /// The labels on the subgraph's fields, checked against the labels signed into each call's context. By default
    /// the classification documents embedded in the agency's assembly under <c>classifications/</c> (the same
    /// documents the gateway's policy set holds for this agency); <c>Subgraph:Classifications</c> (paths separated by
    /// <c>;</c>) replaces them.
    /// </summary>
    public virtual FieldClassification LoadClassification() => FieldClassification.FromEmbeddedResources(GetType().Assembly);

    /// <summary>
    /// The facts analysts' aggregate questions can count by in this agency's data, served by the cohort fields its
    /// query type adds (<see cref="CohortFields.AddCohortFields"/>); none by default.
    /// </summary>
    public virtual CohortCatalogue CohortFacts => CohortCatalogue.Empty;

    /// <summary>
    /// Where the identifying fields of the agency's records come from for the linkage job, served by
    /// <c>_linkageRecords</c> (<see cref="LinkageFields.AddLinkageFields"/>); none by default.
    /// </summary>
    public virtual LinkageSource LinkageRecords => LinkageSource.None;

    /// <summary>Registers the agency's own services (repositories and so on).</summary>
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
