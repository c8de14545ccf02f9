using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Gateway.Identity;

/// <summary>
/// Development tokens for the embedded demo: a signing key generated once into the demo's data folder (never a key in
/// source), a fixed development issuer and audience, and the tokens <c>childinfo token</c> prints.
/// </summary>
public static class DevelopmentIdentity
{
    public const string Issuer = "urn:childinfo:development";
    public const string Audience = "urn:childinfo:gateway";
    public const string KeyFileName = "development-signing.key";

    /// <summary>The development signing key of <paramref name="dataDirectory"/>, generated on first use.</summary>
    public static byte[] EnsureKey(string dataDirectory) => EnsureKeyFile(Path.Combine(dataDirectory, KeyFileName));

    /// <summary>
    /// The 256-bit key in <paramref name="path"/> (base64, readable by its owner only), generated there the first time:
    /// the demo's keys that must outlive a restart.
    /// </summary>
    public static byte[] EnsureKeyFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path) && Convert.FromBase64String(File.ReadAllText(path).Trim()) is { Length: >= 32 } existing)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
        return key;
    }

    /// <summary>Identity options that accept tokens signed with <paramref name="key"/>.</summary>
    public static IdentityOptions Options(byte[] key) => new()
    {
        Issuer = Issuer,
        Audience = Audience,
        SigningKeys = [Convert.ToBase64String(key)],
    };

    /// <summary>A signed development token, valid for no longer than the gateway accepts.</summary>
    public static string CreateToken(byte[] key, DevelopmentTokenRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Lifetime > IdentityOptions.DefaultMaxTokenLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Lifetime,
                $"A development token may be valid for at most {IdentityOptions.DefaultMaxTokenLifetime.TotalHours} hours: the gateway refuses longer ones.");
        }

        var claims = new List<Claim>
        {
            new(ChildInfoClaims.User, request.User),
            new(ChildInfoClaims.Role, request.Role),
        };
        void Add(string type, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                claims.Add(new Claim(type, value));
            }
        }

        Add(ChildInfoClaims.Organisation, request.Organisation);
        Add(ChildInfoClaims.Team, request.Team);
        Add(ChildInfoClaims.School, request.School);
        Add(ChildInfoClaims.Setting, request.Setting);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = request.NotBefore?.UtcDateTime ?? now.UtcDateTime.AddSeconds(-5),
            Expires = (now + request.Lifetime).UtcDateTime,
            IssuedAt = now.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
