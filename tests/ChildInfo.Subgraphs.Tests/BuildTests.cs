namespace ChildInfo.Subgraphs.Tests;

public class BuildTests
{
    [Fact]
    public void Assembly_Loads() => Assert.NotNull(typeof(BuildTests).Assembly.GetName().Name);
}
