using System.Text.RegularExpressions;
using ChildInfo.Gateway.Identity;
using Microsoft.Extensions.Options;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Binds <see cref="ServeSettings"/>, <see cref="IdentityOptions"/> and <see cref="WebSignInSettings"/> from the configuration through the options
/// framework, with their validators, so that <c>serve</c> refuses a bad setting before anything starts. A value
/// that does not convert (a word for a number) and a value a validator refuses both come back as one
/// <see cref="ServeConfigurationException"/> naming the setting, never as a stack trace.
/// </summary>
public sealed partial class ServeSettingsLoader : IDisposable
{
    private readonly ServiceProvider _services;

    public ServeSettingsLoader(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var services = new ServiceCollection();
        services.AddOptions<ServeSettings>().Bind(configuration.GetSection(ServeSettings.Section));
        services.AddSingleton<IValidateOptions<ServeSettings>, ServeSettingsValidator>();
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section));
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentitySettingsValidator>();
        services.AddOptions<WebSignInSettings>().Bind(configuration.GetSection(WebSignInSettings.Section));
        services.AddSingleton<IValidateOptions<WebSignInSettings>, WebSignInSettingsValidator>();
        _services = services.BuildServiceProvider();
    }

    /// <exception cref="ServeConfigurationException">A setting under <c>ChildInfo</c> is not usable.</exception>
    public ServeSettings Settings => Value<ServeSettings>();

    /// <summary>Checked only when asked for: only a gateway serving a supergraph needs an identity provider.</summary>
    /// <exception cref="ServeConfigurationException">A setting under <c>Identity</c> is missing or not usable.</exception>
    public IdentityOptions Identity => Value<IdentityOptions>();

    /// <exception cref="ServeConfigurationException">A setting under <c>Web:OpenIdConnect</c> is missing or not usable.</exception>
    public WebSignInSettings WebSignIn => Value<WebSignInSettings>();

    public void Dispose() => _services.Dispose();

    private T Value<T>()
        where T : class
    {
        try
        {
            return _services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new ServeConfigurationException([.. ex.Failures]);
        }
        catch (InvalidOperationException ex) when (NotConverted().Match(ex.Message) is { Success: true } match)
        {
            throw new ServeConfigurationException([$"{match.Groups["path"].Value} is '{match.Groups["value"].Value}', which is not {Expected(match.Groups["type"].Value)}."]);
        }
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "a duration such as 12:00:00",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a value of the right form",
    };

    // The binder's message for a value it cannot convert (Microsoft.Extensions.Configuration.Binder).
    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex NotConverted();
}
