using ChildInfo.Audit.Chain;
using ChildInfo.Audit.Storage;
using ChildInfo.Audit.Tests.Kit;
using ChildInfo.Testing;

namespace ChildInfo.Audit.Tests.Storage;

public sealed class AuditRowTests
{
    [Fact]
    public void Values_AreTheInsertedColumnsInTheOrderOfTheirNames()
    {
        var record = new AuditSealer(new ManualTimeProvider(DateTimeOffset.UnixEpoch), new AuditCheckpointSigner(Entries.Key, "k"), 10)
            .Seal(ChainHead.Empty, [Entries.Ordinary(1)]).Records[0];
        var row = AuditRow.From(record);

        Assert.Equal(AuditRow.ValueNames.Select(n => typeof(AuditRow).GetProperty(n)!.GetValue(row)), row.Values());
        Assert.Equal(AuditRow.ValueNames.Length, AuditRow.Insert.Count(c => c == '@'));
    }
}
