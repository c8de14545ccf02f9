using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Gateway.Identity;

/// <summary>Plain words for why a bearer token was refused.</summary>
public static class TokenFailure
{
    public static string Describe(Exception? failure) => failure switch
    {
        null => "A bearer token is required: send 'Authorization: Bearer <token>'.",
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        TokenLifetimeTooLongException => failure.Message,
        SecurityTokenInvalidLifetimeException => "The bearer token's lifetime is not valid (it expires before it starts).",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The bearer token's signature is not valid (wrong signing key).",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by an issuer this gateway does not trust.",
        SecurityTokenInvalidAudienceException => "The bearer token is not meant for this gateway (wrong audience).",
        SecurityTokenNoExpirationException => "The bearer token has no expiry.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is malformed.",
        _ => "The bearer token is not valid.",
    };
}
