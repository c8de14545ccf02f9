using Microsoft.Extensions.Options;

namespace ChildInfo.Gateway.Cli;

/// <summary>Checks <see cref="WebSignInSettings"/>: none of it, or an https authority with a client id.</summary>
public sealed class WebSignInSettingsValidator : IValidateOptions<WebSignInSettings>
{
    private const string Section = WebSignInSettings.Section;

    public ValidateOptionsResult Validate(string? name, WebSignInSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = new[] { options.Authority, options.ClientId, options.ClientSecret, options.ApiScope, options.CallbackPath }.Any(v => !string.IsNullOrWhiteSpace(v));
        if (!given)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            problems.Add($"{Section}:Authority is required when any {Section} setting is given: the organisation's OpenID Connect provider.");
        }
        else if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{Section}:Authority must be an https:// address, such as https://login.microsoftonline.com/TENANT/v2.0.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add($"{Section}:ClientId is required when any {Section} setting is given: the gateway's client id at the provider.");
        }

        if (options.CallbackPath is { Length: > 0 } path && !path.StartsWith('/'))
        {
            problems.Add($"{Section}:CallbackPath must be a path starting with /, such as /signin-oidc.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
