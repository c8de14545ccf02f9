namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>A case's <c>options.json</c>.</summary>
internal sealed record CaseOptions
{
    public string? OperationName { get; init; }

    public string[] Fail { get; init; } = [];

    public string[] Hang { get; init; } = [];

    public bool RecordCalls { get; init; }

    /// <summary>Runs the case under a <see cref="FlagGuard"/> that fetches these fields per type.</summary>
    public Dictionary<string, string>? Guard { get; init; }
}
