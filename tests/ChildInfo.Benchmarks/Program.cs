using BenchmarkDotNet.Running;
using ChildInfo.Benchmarks;

// dotnet run -c Release --project tests/ChildInfo.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/ChildInfo.Benchmarks -- gateway --supergraph FILE --audit on|off   (load/audit.sh)
if (args is ["gateway", ..])
{
    return await LoadGateway.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ColdPlanningBenchmarks).Assembly).Run(args);
return 0;
