using ChildInfo.Subgraphs.Kit.Batching;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Schools;

/// <summary>A school on the authority's list.</summary>
public sealed class SchoolGraphType : ObjectGraphType<SchoolRecord>
{
    public SchoolGraphType()
    {
        Name = "School";
        Description = "A school on the authority's list, by its unique reference number.";
        Field(s => s.Urn).Description("Unique reference number (URN).");
        Field(s => s.LaEstab).Description("LA code and establishment number (LAEstab).");
        Field(s => s.Name);
        Field(s => s.Phase).Description("Phase of education: NURSERY, PRIMARY, SECONDARY, ALL_THROUGH, SPECIAL, PRU.");
        Field(s => s.Postcode, nullable: true);
    }

    /// <summary>Loads a school by URN through the request's batch loader.</summary>
    public static GraphQL.DataLoader.IDataLoaderResult<SchoolRecord> Load(GraphQL.IResolveFieldContext context, int urn) =>
        context.Loaders().Get<int, SchoolRecord>("education.school", context.Service<SchoolRepository>().GetManyAsync).Load(urn);
}
