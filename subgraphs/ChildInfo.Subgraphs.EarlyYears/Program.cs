using ChildInfo.Subgraphs.Kit.Hosting;

namespace ChildInfo.Subgraphs.EarlyYears;

public static class Program
{
    public static Task<int> Main(string[] args) => SubgraphHost.RunAsync(new EarlyYearsSubgraph(), args);
}
