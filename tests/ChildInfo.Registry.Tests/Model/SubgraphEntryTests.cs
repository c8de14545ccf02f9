using ChildInfo.Registry.Tests.Kit;

namespace ChildInfo.Registry.Tests.Model;

public sealed class SubgraphEntryTests
{
    [Fact]
    public void Create_HashesTheSdl_AsLowercaseHexSha256()
    {
        var entry = SubgraphEntry.Create("education", "https://education.la.gov.uk/graphql", "type Query { a: Int }", null, Entries.Now, "owner");

        // sha256("type Query { a: Int }")
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("type Query { a: Int }"u8)), entry.SdlHash);
        Assert.Matches("^[0-9a-f]{64}$", entry.SdlHash);
        Assert.Equal(Entries.Now, entry.RegisteredAt);
        Assert.Equal(Entries.Now, entry.UpdatedAt);
    }

    [Fact]
    public void Create_WithPrevious_KeepsTheFirstRegistrationTime()
    {
        var first = SubgraphEntry.Create("education", "http://a/graphql", "type Query { a: Int }", null, Entries.Now, "first");
        var later = Entries.Now.AddDays(3);

        var updated = SubgraphEntry.Create("education", "http://b/graphql", "type Query { b: Int }", "fields: {}", later, "second", first);

        Assert.Equal(Entries.Now, updated.RegisteredAt);
        Assert.Equal(later, updated.UpdatedAt);
        Assert.Equal("second", updated.ChangedBy);
        Assert.NotEqual(first.SdlHash, updated.SdlHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1education")]
    [InlineData("social care")]
    [InlineData("a/b")]
    public void Create_BadName_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => SubgraphEntry.Create(name, "http://a/graphql", "type Query { a: Int }", null, Entries.Now, "owner"));

    [Theory]
    [InlineData("education.local/graphql")]
    [InlineData("ftp://education.local/graphql")]
    public void Create_BadUrl_IsRefused(string url) =>
        Assert.Throws<ArgumentException>(() => SubgraphEntry.Create("education", url, "type Query { a: Int }", null, Entries.Now, "owner"));

    [Fact]
    public void IsValidUrl_AtMost2048Characters()
    {
        var longest = "http://education.local/" + new string('a', 2048 - "http://education.local/".Length);

        Assert.True(SubgraphEntry.IsValidUrl(longest));
        Assert.False(SubgraphEntry.IsValidUrl(longest + "a"));
        Assert.False(SubgraphEntry.IsValidUrl("http://education.local/graph\u0000ql"));
        Assert.False(SubgraphEntry.IsValidUrl("https://owner@education.local/graphql"));
    }

    [Fact]
    public void Create_PreviousOfAnotherSubgraph_IsRefused()
    {
        var other = Entries.Subgraph("social-care");
        Assert.Throws<ArgumentException>(() => SubgraphEntry.Create("education", "http://a/graphql", "type Query { a: Int }", null, Entries.Now, "owner", other));
    }
}
