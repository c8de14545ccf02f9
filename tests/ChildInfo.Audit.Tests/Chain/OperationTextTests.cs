using ChildInfo.Audit.Chain;

namespace ChildInfo.Audit.Tests.Chain;

public sealed class OperationTextTests
{
    [Fact]
    public void Normalise_LayoutCommasAndComments_GiveOneText()
    {
        var a = OperationText.Normalise("query Q($id: ID!) {\n  child(id: $id) { name, dob } # who\n}");
        var b = OperationText.Normalise("query Q($id:ID!){child(id:$id){name dob}}");

        Assert.Equal("query Q($id:ID!){child(id:$id){name dob}}", a);
        Assert.Equal(a, b);
        Assert.Equal(OperationText.Hash(a), OperationText.Hash(b));
    }

    [Fact]
    public void Normalise_StringLiterals_AreKeptExactly()
    {
        Assert.Equal("{search(text:\"a  ,  b # not a comment\"){id}}", OperationText.Normalise("{ search(text: \"a  ,  b # not a comment\") { id } }"));
        Assert.Equal("{f(s:\"\"\" x\n  y \"\"\")}", OperationText.Normalise("{ f(s: \"\"\" x\n  y \"\"\") }"));
    }
}
