namespace ChildInfo.Gateway.Registry;

/// <summary>One reason a change cannot take effect, in words a system owner can act on.</summary>
public sealed record RegistryProblem(string Code, string Message);
