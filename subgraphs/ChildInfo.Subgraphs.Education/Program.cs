using ChildInfo.Subgraphs.Kit.Hosting;

namespace ChildInfo.Subgraphs.Education;

public static class Program
{
    public static Task<int> Main(string[] args) => SubgraphHost.RunAsync(new EducationSubgraph(), args);
}
