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

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(pseudonymousChildKey), mac);
        return mac[0] % CellKey.Range;
    }
}
