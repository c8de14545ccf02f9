using System.Security.Cryptography;
using System.Text;

namespace ChildInfo.Disclosure.Keys;

/// <summary>
/// Derives each child's record key from its pseudonymous key with a secret (HMAC-SHA256), so the library never sees an
/// identity and nobody without the secret can predict a cell's key from the children in it (and so cannot predict its
/// perturbation). The same secret must be used for every question: rotating it changes every published answer, which
/// lets old and new answers be averaged, so rotate only with the outputs published under the old one retired.
/// </summary>
public sealed class RecordKeys
{
    /// <summary>Shortest secret accepted, in bytes (the HMAC-SHA256 block of security).</summary>
    public const int MinimumSecretLength = 32;

    private readonly byte[] _secret;

    // The last keyed HMAC of each thread: keying one again for every child cost about three times the hash itself.
    [ThreadStatic]
    private static (byte[] Secret, HMACSHA256 Hmac)? _keyed;

    public RecordKeys(byte[] secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            throw new DisclosureInputException(DisclosureErrorCodes.InvalidRules, $"The record key secret must be at least {MinimumSecretLength} bytes.");
        }

        _secret = (byte[])secret.Clone();
    }

    /// <summary>The record key (0..255) of the child with this pseudonymous key.</summary>
    public int For(string pseudonymousChildKey)
    {
        if (string.IsNullOrEmpty(pseudonymousChildKey))
        {
            throw new DisclosureInputException(DisclosureErrorCodes.InvalidTable, "A child's pseudonymous key must not be empty.");
        }

        var length = Encoding.UTF8.GetMaxByteCount(pseudonymousChildKey.Length);
        Span<byte> text = length <= 256 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(pseudonymousChildKey, text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hmac().TryComputeHash(text[..written], mac, out _);
        return mac[0] % CellKey.Range;
    }

    private HMACSHA256 Hmac()
    {
        if (_keyed is { } keyed && ReferenceEquals(keyed.Secret, _secret))
        {
            return keyed.Hmac;
        }

        _keyed?.Hmac.Dispose();
        var hmac = new HMACSHA256(_secret);
        _keyed = (_secret, hmac);
        return hmac;
    }
}
