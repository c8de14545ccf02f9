using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Loading;

/// <summary>One problem in the policy files: a stable code, a plain message and where it was written.</summary>
public sealed record PolicyError(string Code, string Message, SourceLocation Location)
{
    public override string ToString() => $"{Location}: {Code}: {Message}";
}
