using System.Globalization;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.EarlyYears.Eyfsp;

/// <summary>EYFS profiles; the good level of development is decided in SQL from the twelve GLD goals.</summary>
public sealed class EyfspRepository(AgencyDatabase database, QueryCounter counter)
{
    private static readonly string Goals = string.Join(", ",
        EarlyLearningGoals.All.Select((g, i) => string.Create(CultureInfo.InvariantCulture, $"{g.Code} AS G{i + 1:00}")));

    public Task<IEnumerable<EyfspRecord>> GetForChildrenAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.QueryAsync<EyfspRecord>(counter, $"""
            SELECT EYChildId AS EyChildId, AssessmentYear, URN AS Urn, {EarlyLearningGoals.GoodLevelOfDevelopmentSql} AS Gld, {Goals}
            FROM EYFSP
            WHERE {database.Dialect.In("EYChildId", "@ids")}
            ORDER BY EYChildId, AssessmentYear DESC
            """, new { ids = ids.ToArray() }, cancellationToken);
}
