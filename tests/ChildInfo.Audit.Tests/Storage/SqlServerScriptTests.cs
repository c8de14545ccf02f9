using System.Globalization;
using ChildInfo.Audit.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ChildInfo.Audit.Tests.Storage;

/// <summary>No SQL Server runs here: the T-SQL the SQL Server store sends is at least checked to parse.</summary>
public sealed class SqlServerScriptTests
{
    public static TheoryData<string> Statements()
    {
        var sql = SqlServerAuditStore.Statements;
        var data = new TheoryData<string>();
        foreach (var statement in sql.Create)
        {
            data.Add(statement);
        }

        data.Add(sql.LockHead);
        data.Add(string.Format(CultureInfo.InvariantCulture, sql.Page, AuditRow.Columns, "sequence > @after AND (break_glass = 1 OR preference_overridden = 1)"));
        data.Add(string.Format(CultureInfo.InvariantCulture, sql.Page, AuditRow.Columns, "sequence IN (SELECT sequence FROM audit_record_child WHERE child_id = @childId) AND recorded_at >= @since"));
        data.Add(AuditRow.Insert);
        data.Add($"INSERT INTO {AuditRow.InsertColumns} VALUES ({string.Join(", ", AuditRow.ValueNames.Select(n => $"@{n}0"))}), ({string.Join(", ", AuditRow.ValueNames.Select(n => $"@{n}1"))})");
        data.Add("INSERT INTO audit_record_child (child_id, sequence) VALUES (@ChildId0, @Sequence0), (@ChildId1, @Sequence1)");
        data.Add(string.Format(CultureInfo.InvariantCulture, sql.Page, AuditRow.Columns, "sequence = (SELECT MAX(sequence) FROM audit_record)"));
        data.Add(string.Format(CultureInfo.InvariantCulture, sql.Page, "sequence AS Sequence, child_ids AS ChildIds", "sequence > @after"));
        foreach (var statement in new[]
        {
            SqlAuditStore.ReadHead, SqlAuditStore.MoveHead, SqlAuditStore.InsertCheckpoint, SqlAuditStore.ReadCheckpoints, SqlAuditStore.LastRecordedBefore,
            SqlAuditStore.Redact, SqlAuditStore.InsertRedaction, SqlAuditStore.ReadRedactionRows, SqlAuditStore.ReadChildIndex, SqlAuditStore.ClearChildIndex,
        })
        {
            data.Add(statement);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_ParsesAsTSql(string statement)
    {
        using var reader = new StringReader(statement);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
    }
}
