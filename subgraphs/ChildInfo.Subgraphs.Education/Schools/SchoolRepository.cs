using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Schools;

public sealed class SchoolRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IReadOnlyDictionary<int, SchoolRecord>> GetManyAsync(IReadOnlyCollection<int> urns, CancellationToken cancellationToken) =>
        database.QueryByKeyAsync<int, SchoolRecord>(counter,
            $"SELECT URN AS Urn, LAEstab AS LaEstab, SchoolName AS Name, Phase, Postcode FROM SCHOOL WHERE {database.Dialect.In("URN", "@urns")}",
            new { urns = urns.ToArray() }, s => s.Urn, cancellationToken);
}
