using ChildInfo.Gateway.Cli;

namespace ChildInfo.Gateway.Demo;

internal static class Program
{
    private static Task<int> Main(string[] args) => CommandLine.RunAsync(args, Console.Out, Console.Error, DemoCommandLine.Extensions);
}
