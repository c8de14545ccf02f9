using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ChildInfo.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ChildInfo.Benchmarks.ColdPlanningBenchmarks).Assembly).Run(args);
