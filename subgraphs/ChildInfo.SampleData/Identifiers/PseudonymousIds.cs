using System.Security.Cryptography;
using System.Text;

namespace ChildInfo.SampleData.Identifiers;

/// <summary>
/// Opaque, stable child ids: a keyed permutation (a small Feistel network) of the child's sequence number over
/// 40 bits, written as 8 characters of Crockford base32. Distinct sequences always give distinct ids, and without
/// the key (derived from the seed) the id says nothing about the sequence.
/// </summary>
public sealed class PseudonymousIds
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int HalfBits = 20;
    private const ulong HalfMask = (1UL << HalfBits) - 1;
    private const int Rounds = 6;

    private readonly ulong[] _roundKeys = new ulong[Rounds];

    public PseudonymousIds(int seed)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"childinfo:child-id:{seed}"));
        for (var i = 0; i < Rounds; i++)
        {
            _roundKeys[i] = BitConverter.ToUInt64(digest, (i * 5) % (digest.Length - 8));
        }
    }

    /// <summary>Largest sequence number that maps to an id (2^40 - 1).</summary>
    public const long MaxSequence = (1L << (2 * HalfBits)) - 1;

    /// <summary>The child id for <paramref name="sequence"/>, for example <c>CH-7F3K9Q2M</c>.</summary>
    public string ChildId(int sequence) => "CH-" + Encode(Permute((ulong)sequence));

    /// <summary>The 40-bit permuted value (exposed for tests of the bijection).</summary>
    public ulong Permute(ulong value)
    {
        if (value > MaxSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Sequence out of range for a 40-bit id.");
        }

        var left = value >> HalfBits;
        var right = value & HalfMask;
        for (var round = 0; round < Rounds; round++)
        {
            var next = left ^ (Mix(right ^ _roundKeys[round]) & HalfMask);
            left = right;
            right = next;
        }
        return (left << HalfBits) | right;
    }

    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser: cheap and well distributed.
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static string Encode(ulong value) => string.Create(8, value, static (span, v) =>
    {
        for (var i = 7; i >= 0; i--)
        {
            span[i] = Crockford[(int)(v & 31)];
            v >>= 5;
        }
    });
}
