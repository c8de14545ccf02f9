namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Tests that bound the whole process's allocations around a request run with no other test at the same time, so
/// what they measure is their request's work.
/// </summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;
