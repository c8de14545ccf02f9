using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Gateway.Identity;

/// <summary>
/// How long a bearer token may be trusted: from issue (<c>iat</c>, else <c>nbf</c>) to expiry (<c>exp</c>, required)
/// at most <see cref="IdentityOptions.MaxTokenLifetime"/>, and its expiry no further ahead of now than that. A stolen
/// token then works for one working session at most, however its issuer was configured.
/// </summary>
public static class TokenLifetime
{
    /// <summary>Why <paramref name="token"/> lives too long, or null when it does not.</summary>
    public static string? Problem(SecurityToken token, TimeSpan max, TimeSpan clockSkew, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.ValidTo == DateTime.MinValue)
        {
            return "The bearer token has no expiry.";
        }

        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        DateTime? issuedAt = token is JsonWebToken { IssuedAt: var iat } && iat != DateTime.MinValue ? iat
            : token.ValidFrom != DateTime.MinValue ? token.ValidFrom
            : null;
        if (issuedAt is null)
        {
            return "The bearer token says neither when it was issued (iat) nor when it starts (nbf), so its lifetime cannot be checked.";
        }

        var lifetime = expires - new DateTimeOffset(issuedAt.Value, TimeSpan.Zero);
        if (lifetime > max)
        {
            return $"The bearer token is valid for {Hours(lifetime)} from issue to expiry; this gateway accepts tokens valid for at most {Hours(max)}.";
        }

        return expires - now > max + clockSkew
            ? $"The bearer token expires {Hours(expires - now)} from now; this gateway accepts tokens valid for at most {Hours(max)}."
            : null;
    }

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + " h";
}

/// <summary>A bearer token refused because it lives longer than the gateway accepts (its message says by how much).</summary>
public sealed class TokenLifetimeTooLongException : SecurityTokenInvalidLifetimeException
{
    public TokenLifetimeTooLongException()
    {
    }

    public TokenLifetimeTooLongException(string message)
        : base(message)
    {
    }

    public TokenLifetimeTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
