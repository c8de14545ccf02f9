using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// A stream of draws that depends on nothing but a child's id: SplitMix64 seeded from a SHA-256 hash of the id, so
/// the same child gets the same cases on every machine and every .NET version (unlike an unseeded Random).
/// </summary>
internal sealed class StableDraws
{
    private ulong _state;

    private StableDraws(ulong seed) => _state = seed;

    public static StableDraws For(string childId) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("youth-justice:" + childId))));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) =>
        maxExclusive <= min ? min : min + (int)(NextUInt64() % (ulong)(maxExclusive - min));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>One of <paramref name="options"/>, in proportion to its weight.</summary>
    public T Pick<T>(IReadOnlyList<(T Value, int Weight)> options)
    {
        var total = 0;
        foreach (var option in options)
        {
            total += option.Weight;
        }

        var draw = Next(0, total);
        foreach (var (value, weight) in options)
        {
            if (draw < weight)
            {
                return value;
            }

            draw -= weight;
        }
        return options[^1].Value;
    }
}
