namespace ChildInfo.Gateway.Tests.Deployment;

/// <summary>
/// Runs alone, after the tests that run in parallel: it loads the machine with three gateway processes, and other
/// tests' load would only blur its two-second convergence assertion. For the same reason <c>tests/run.sh</c> runs it
/// after the other test projects, which <c>dotnet test</c> runs beside each other.
/// </summary>
[CollectionDefinition(nameof(ThreeReplicaCollection), DisableParallelization = true)]
public sealed class ThreeReplicaCollection;
