using System.ComponentModel.DataAnnotations;

namespace ChildInfo.Gateway.Cli;

/// <summary>Requests per user and window (<c>ChildInfo:RateLimit</c>); off unless <see cref="PermitLimit"/> is set.</summary>
public sealed class RateLimitSettings
{
    [Range(1, int.MaxValue, ErrorMessage = "ChildInfo:RateLimit:PermitLimit must be a whole number of at least 1.")]
    public int? PermitLimit { get; set; }

    [Range(1, 86_400, ErrorMessage = "ChildInfo:RateLimit:WindowSeconds must be a whole number of seconds from 1 to 86400.")]
    public int WindowSeconds { get; set; } = 60;
}
