using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Gateway.Identity;

/// <summary>Registers JWT bearer validation for <see cref="IdentityOptions"/>.</summary>
public static class IdentityRegistration
{
    public static void AddBearerTokens(this IServiceCollection services, IdentityOptions identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!identity.IsConfigured)
        {
            throw new InvalidOperationException(
                "Identity is not configured: set Identity:Issuer, Identity:Audience and either Identity:Authority (OIDC, JWKS) or Identity:SigningKeys.");
        }

        if (identity.MaxTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Identity:MaxTokenLifetime must be a positive time span, for example 12:00:00.");
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.Authority = identity.Authority;
            if (identity.MetadataAddress is not null)
            {
                options.MetadataAddress = identity.MetadataAddress;
            }

            options.RequireHttpsMetadata = identity.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? true;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = identity.Issuer,
                ValidateAudience = true,
                ValidAudience = identity.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = identity.ClockSkew,
                NameClaimType = ChildInfoClaims.User,
                RoleClaimType = ChildInfoClaims.Role,
                IssuerSigningKeys = identity.SigningKeys.Select(k => (SecurityKey)new SymmetricSecurityKey(Key(k))).ToList(),
            };
            options.Events = new JwtBearerEvents
            {
                // After signature, issuer, audience and expiry: a token otherwise valid is still refused if it lives too long.
                OnTokenValidated = context =>
                {
                    var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
                    if (TokenLifetime.Problem(context.SecurityToken, identity.MaxTokenLifetime, identity.ClockSkew, now) is { } problem)
                    {
                        context.Fail(new TokenLifetimeTooLongException(problem));
                    }

                    return Task.CompletedTask;
                },
            };
        });
    }

    private static byte[] Key(string configured)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            key = Encoding.UTF8.GetBytes(configured);
        }

        return key.Length >= 32 ? key : throw new InvalidOperationException("An Identity:SigningKeys entry is shorter than 256 bits.");
    }
}
