using System.Security.Cryptography;
using System.Text;

namespace ChildInfo.Audit.Chain;

/// <summary>SHA-256 as lower-case hex, the one hash of the audit chain.</summary>
public static class AuditHashes
{
    /// <summary>The predecessor of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static bool EqualsFixedTime(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
