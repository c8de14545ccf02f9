namespace ChildInfo.Gateway.Cli;

/// <summary>
/// The practitioner pages' sign-in through the organisation's OpenID Connect provider (<c>Web:OpenIdConnect</c>), as
/// the pages' sign-in (<c>Web/OrganisationSignIn</c>) reads it; checked at start by <see cref="WebSignInSettingsValidator"/> so that a
/// half-given provider is refused rather than silently leaving the pages without organisation sign-in.
/// </summary>
public sealed class WebSignInSettings
{
    /// <summary>The section the pages read (named here too, so that the command line does not depend on the pages).</summary>
    public const string Section = "Web:OpenIdConnect";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? ApiScope { get; set; }

    public string? CallbackPath { get; set; }
}
