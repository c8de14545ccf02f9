using ChildInfo.Gateway.Identity;
using Microsoft.Extensions.Options;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Checks the <c>Identity</c> section a gateway serving a supergraph needs: issuer, audience, and an authority or
/// signing keys of at least 256 bits, and a positive longest token lifetime. The embedded demo does not use it (it
/// accepts the development tokens of its own key).
/// </summary>
public sealed class IdentitySettingsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            problems.Add("Identity:Issuer is required: the issuer (iss) of the bearer tokens the gateway accepts.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            problems.Add("Identity:Audience is required: the audience (aud) the bearer tokens must name.");
        }

        if (string.IsNullOrWhiteSpace(options.Authority) && string.IsNullOrWhiteSpace(options.MetadataAddress) && options.SigningKeys.Count == 0)
        {
            problems.Add("Identity:Authority (an OpenID Connect provider) or Identity:SigningKeys:0 (a key of at least 256 bits) is required.");
        }

        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            if (!IsLongEnough(options.SigningKeys[i]))
            {
                problems.Add($"Identity:SigningKeys:{i} is shorter than 256 bits.");
            }
        }

        if (options.MaxTokenLifetime <= TimeSpan.Zero)
        {
            problems.Add("Identity:MaxTokenLifetime must be a positive duration, for example 12:00:00.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>As the bearer validation reads a key: base64, or else its UTF-8 bytes.</summary>
    private static bool IsLongEnough(string key)
    {
        var bytes = new byte[key.Length];
        var length = Convert.TryFromBase64String(key.Trim(), bytes, out var decoded) ? decoded : System.Text.Encoding.UTF8.GetByteCount(key);
        return length >= 32;
    }
}
