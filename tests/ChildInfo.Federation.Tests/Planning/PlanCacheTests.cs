using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation.Tests.Planning;

public sealed class PlanCacheTests
{
    private static CompiledOperation Operation() => new(OperationDocument.Parse("{ a }", null, 256), []);

    [Fact]
    public void Add_BeyondCapacity_KeepsTheBound()
    {
        var cache = new PlanCache(3);
        for (var i = 0; i < 10; i++)
        {
            cache.Add("q" + i, null, null, Operation());
        }

        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet("q9", null, null, out _));
    }

    [Fact]
    public void Add_WhenFull_EvictsAnEntryNotUsedRecently()
    {
        var cache = new PlanCache(3);
        cache.Add("a", null, null, Operation());
        cache.Add("b", null, null, Operation());
        cache.Add("c", null, null, Operation());
        Assert.True(cache.TryGet("a", null, null, out _));
        Assert.True(cache.TryGet("c", null, null, out _));

        cache.Add("d", null, null, Operation());

        Assert.False(cache.TryGet("b", null, null, out _));
        Assert.True(cache.TryGet("a", null, null, out _));
        Assert.True(cache.TryGet("c", null, null, out _));
        Assert.True(cache.TryGet("d", null, null, out _));
    }

    [Fact]
    public void Add_WhenEveryEntryWasUsed_StillEvictsExactlyOne()
    {
        var cache = new PlanCache(2);
        cache.Add("a", null, null, Operation());
        cache.Add("b", null, null, Operation());
        Assert.True(cache.TryGet("a", null, null, out _));
        Assert.True(cache.TryGet("b", null, null, out _));

        cache.Add("c", null, null, Operation());

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("c", null, null, out _));
    }

    [Fact]
    public void Add_SameKeyTwice_ReplacesWithoutGrowing()
    {
        var cache = new PlanCache(2);
        var second = Operation();
        cache.Add("a", "Op", "s", Operation());
        cache.Add("a", "Op", "s", second);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", "Op", "s", out var found));
        Assert.Same(second, found);
        Assert.False(cache.TryGet("a", null, "s", out _));
    }
}
