using System.Security.Cryptography;
using System.Text;

namespace ChildInfo.Registry;

/// <summary>
/// One registered subgraph as a system owner last left it. <see cref="Classifications"/> is the YAML text of a policy
/// classification document for its fields, or null when the subgraph is classified in the policy folder.
/// <see cref="SdlHash"/> lets replicas and dry runs tell "same schema" without comparing the text.
/// </summary>
public sealed record SubgraphEntry(
    string Name,
    string Url,
    string Sdl,
    string SdlHash,
    string? Classifications,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    string ChangedBy)
{
    /// <summary>Longest accepted subgraph name; names end up in enum values, metrics and log lines.</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// Builds an entry, hashing the SDL and keeping the first registration time of <paramref name="previous"/> so an
    /// update does not pretend the subgraph is new.
    /// </summary>
    /// <exception cref="ArgumentException">The name, URL or author is not acceptable.</exception>
    public static SubgraphEntry Create(string name, string url, string sdl, string? classifications, DateTimeOffset now, string changedBy, SubgraphEntry? previous = null)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"Subgraph name '{name}' is not allowed: use 1 to {MaxNameLength} letters, digits, '-' or '_', starting with a letter.", nameof(name));
        }

        if (!IsValidUrl(url))
        {
            throw new ArgumentException(UrlProblem, nameof(url));
        }

        if (string.IsNullOrWhiteSpace(changedBy))
        {
            throw new ArgumentException("A change to the registry must name who made it.", nameof(changedBy));
        }

        if (previous is not null && !string.Equals(previous.Name, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The previous entry is for subgraph '{previous.Name}', not '{name}'.", nameof(previous));
        }

        return new SubgraphEntry(name, url, sdl, Hash(sdl), classifications, previous?.RegisteredAt ?? now, now, changedBy);
    }

    /// <summary>Lowercase hex SHA-256 of the SDL text as UTF-8.</summary>
    public static string Hash(string sdl) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sdl)));

    /// <summary>Letters, digits, '-' and '_', starting with a letter: safe in URLs, keys, enum values and file names.</summary>
    /// <summary>What <see cref="IsValidUrl"/> asks for, in words a system owner can act on.</summary>
    public const string UrlProblem = "A subgraph URL must be an absolute http:// or https:// address with a host, at most 2,048 characters, without spaces, control characters or a user name and password.";

    /// <summary>
    /// An absolute http or https address with a host, no user information (a password would be stored and listed),
    /// no whitespace or control characters (nothing that could end a header line), at most 2,048 characters.
    /// </summary>
    public static bool IsValidUrl(string? url) =>
        url is { Length: > 0 and <= 2048 }
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0;

    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength }
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
