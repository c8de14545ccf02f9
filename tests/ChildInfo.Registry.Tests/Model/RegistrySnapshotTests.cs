using ChildInfo.Registry.Tests.Kit;

namespace ChildInfo.Registry.Tests.Model;

public sealed class RegistrySnapshotTests
{
    [Fact]
    public void With_AddsInNameOrder_AndReplacesTheSameName()
    {
        var snapshot = new RegistrySnapshot(1, Entries.Of("education", "social-care"));

        var added = snapshot.With(Entries.Subgraph("early-years"));
        var replaced = snapshot.With(Entries.Subgraph("education", "type Query { changed: Int }"));

        Assert.Equal(["early-years", "education", "social-care"], added.Select(s => s.Name));
        Assert.Equal(["education", "social-care"], replaced.Select(s => s.Name));
        Assert.Equal("type Query { changed: Int }", replaced[0].Sdl);
    }

    [Fact]
    public void Without_RemovesOnlyThatName()
    {
        var snapshot = new RegistrySnapshot(1, Entries.Of("education", "social-care"));

        Assert.Equal(["social-care"], snapshot.Without("education").Select(s => s.Name));
        Assert.Equal(2, snapshot.Without("missing").Length);
    }

    [Fact]
    public void Find_IsExactAndOrdinal()
    {
        var snapshot = new RegistrySnapshot(1, Entries.Of("education"));

        Assert.NotNull(snapshot.Find("education"));
        Assert.Null(snapshot.Find("Education"));
        Assert.Null(RegistrySnapshot.Empty.Find("education"));
    }

    [Fact]
    public void Order_DuplicateNames_AreRefused() =>
        Assert.Throws<ArgumentException>(() => RegistrySnapshot.Order([Entries.Subgraph("education"), Entries.Subgraph("education")]));

    [Fact]
    public void Empty_IsRevisionZeroWithNoSubgraphs()
    {
        Assert.Equal(0, RegistrySnapshot.Empty.Revision);
        Assert.Empty(RegistrySnapshot.Empty.Subgraphs);
    }
}
