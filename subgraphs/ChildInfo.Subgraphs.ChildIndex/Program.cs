using ChildInfo.Subgraphs.Kit.Hosting;

namespace ChildInfo.Subgraphs.ChildIndex;

public static class Program
{
    public static Task<int> Main(string[] args) => SubgraphHost.RunAsync(new ChildIndexSubgraph(), args);
}
