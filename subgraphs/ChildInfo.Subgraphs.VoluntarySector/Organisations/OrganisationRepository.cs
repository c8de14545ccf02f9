using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.VoluntarySector.Organisations;

/// <summary>Organisations with their services, a batch at a time (one statement, services joined in SQL).</summary>
public sealed class OrganisationRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IReadOnlyDictionary<string, Organisation>> GetManyAsync(IReadOnlyCollection<string> organisationIds, CancellationToken cancellationToken)
    {
        counter.Record("organisation.byIds");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT o.OrgID, o.OrgName, o.CharityNo, o.OrgPostcode, s.ServiceCode
            FROM tblOrganisation o
            LEFT JOIN tblOrgService s ON s.OrgID = o.OrgID
            WHERE {database.Dialect.In("o.OrgID", "@ids")}
            ORDER BY o.OrgID, s.ServiceCode
            """, new { ids = organisationIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => DbValue.RequiredText(r, "OrgID"), StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var first = g.First();
            return new Organisation
            {
                OrganisationId = g.Key,
                Name = DbValue.RequiredText(first, "OrgName"),
                CharityNumber = DbValue.Text(first, "CharityNo"),
                Postcode = DbValue.Text(first, "OrgPostcode"),
                Services = g.Select(r => DbValue.Text(r, "ServiceCode")).OfType<string>().ToList(),
            };
        }, StringComparer.Ordinal);
    }
}
