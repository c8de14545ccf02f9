using ChildInfo.Subgraphs.Kit.Hosting;

namespace ChildInfo.Subgraphs.VoluntarySector;

public static class Program
{
    public static Task<int> Main(string[] args) => SubgraphHost.RunAsync(new VoluntarySectorSubgraph(), args);
}
