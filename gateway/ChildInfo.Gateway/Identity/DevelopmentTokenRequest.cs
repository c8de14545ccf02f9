namespace ChildInfo.Gateway.Identity;

/// <summary>What a development token says about its holder.</summary>
public sealed record DevelopmentTokenRequest(string Role, string User)
{
    public string? Organisation { get; init; }
    public string? Team { get; init; }
    public string? School { get; init; }
    public string? Setting { get; init; }
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(8);
    public DateTimeOffset? NotBefore { get; init; }
}
