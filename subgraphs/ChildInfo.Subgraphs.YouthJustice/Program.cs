using ChildInfo.Subgraphs.YouthJustice.Hosting;

namespace ChildInfo.Subgraphs.YouthJustice;

public static class Program
{
    public static Task<int> Main(string[] args) => YouthJusticeHost.RunAsync(args, Console.Out, Console.Error);
}
