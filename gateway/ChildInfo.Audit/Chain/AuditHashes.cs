using System.Security.Cryptography;
using System.Text;

namespace ChildInfo.Audit.Chain;

/// <summary>SHA-256 as lower-case hex, the one hash of the audit chain.</summary>
public static class AuditHashes
{
    /// <summary>The predecessor of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>SHA-256 of bytes already encoded (UTF-8 text written by the canonical form).</summary>
    public static string Sha256(ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static bool EqualsFixedTime(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
