using ChildInfo.Disclosure.Keys;
using ChildInfo.Disclosure.Tests.Kit;

namespace ChildInfo.Disclosure.Tests.Keys;

public sealed class RecordKeysTests
{
    [Fact]
    public void SameChildSameSecret_SameKey_OtherSecret_OtherKeys()
    {
        var other = new RecordKeys([.. Enumerable.Range(100, 32).Select(i => (byte)i)]);
        var children = Enumerable.Range(0, 200).Select(i => $"C-{i}").ToList();

        Assert.Equal(children.Select(TestTables.Keys.For), children.Select(new RecordKeys(TestTables.Secret).For));
        Assert.True(children.Count(c => TestTables.Keys.For(c) != other.For(c)) > 180);
    }

    [Fact]
    public void Keys_SpreadOverTheWholeRange()
    {
        var buckets = new int[CellKey.Range];
        for (var i = 0; i < 25_600; i++)
        {
            buckets[TestTables.Keys.For($"C-{i}")]++;
        }

        Assert.All(buckets, b => Assert.InRange(b, 50, 160)); // 100 expected in each
    }

    [Fact]
    public void ShortSecret_OrEmptyChildKey_IsRefused()
    {
        Assert.Equal(DisclosureErrorCodes.InvalidRules, Assert.Throws<DisclosureInputException>(() => new RecordKeys(new byte[16])).Code);
        Assert.Throws<DisclosureInputException>(() => TestTables.Keys.For(""));
    }
}
