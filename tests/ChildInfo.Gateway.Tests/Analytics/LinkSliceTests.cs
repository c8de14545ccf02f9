using System.Text.Json;
using ChildInfo.Gateway.Analytics;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>
/// A question's record keys go to the child index in slices that stay under its request body bound whatever the keys
/// look like: long ids, and ids whose characters JSON escapes, never make a call the index would refuse.
/// </summary>
public sealed class LinkSliceTests
{
    [Theory]
    [InlineData(13, 'A')]
    [InlineData(32, 'A')]
    [InlineData(32, '<')]
    [InlineData(20, 'é')]
    public void Slices_EveryIdOnceInOrder_EachUnderTheBodyBound(int length, char filler)
    {
        var ids = Enumerable.Range(0, 300_000).Select(i => i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture).PadRight(length, filler)).ToList();

        var slices = SubgraphCohortSource.Slices(ids, 150_000).ToList();

        Assert.Equal(ids, slices.SelectMany(s => s));
        Assert.All(slices, s =>
        {
            Assert.InRange(s.Count, 1, 150_000);
            Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(new { ids = s }).Length, 0, SubgraphCohortSource.SliceBytes);
        });
    }

    [Fact]
    public void Slices_ShortIds_GoUpToTheCountInOneCall()
    {
        var ids = Enumerable.Range(0, 150_000).Select(i => $"A{i:D12}").ToList();

        Assert.Single(SubgraphCohortSource.Slices(ids, 150_000));
    }
}
