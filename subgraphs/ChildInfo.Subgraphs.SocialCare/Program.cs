using ChildInfo.Subgraphs.Kit.Hosting;

namespace ChildInfo.Subgraphs.SocialCare;

public static class Program
{
    public static Task<int> Main(string[] args) => SubgraphHost.RunAsync(new SocialCareSubgraph(), args);
}
