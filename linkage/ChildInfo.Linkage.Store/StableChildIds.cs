using System.Security.Cryptography;

namespace ChildInfo.Linkage.Store;

/// <summary>
/// Gives each child of a run its id: the existing child id most of its records were linked to (the largest children
/// choose first, so a child split in two keeps its id in its larger part), or, when none is free, a new pseudonymous
/// id (<c>CH-</c> and 8 random Crockford base32 characters) never used before in this index.
/// </summary>
internal static class StableChildIds
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <returns>Each cluster's child id, in the clusters' order.</returns>
    public static string[] Assign(IReadOnlyList<IReadOnlyList<string>> clusters, IReadOnlyDictionary<string, string> previousChildOf, IReadOnlySet<string> previousChildren)
    {
        var ids = new string[clusters.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        var order = Enumerable.Range(0, clusters.Count)
            .OrderByDescending(i => clusters[i].Count)
            .ThenBy(i => clusters[i][0], StringComparer.Ordinal);
        foreach (var i in order)
        {
            var kept = clusters[i]
                .Select(key => previousChildOf.GetValueOrDefault(key))
                .OfType<string>()
                .GroupBy(id => id, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .FirstOrDefault(id => !used.Contains(id));
            ids[i] = kept ?? NewId(used, previousChildren);
            used.Add(ids[i]);
        }

        return ids;
    }

    private static string NewId(HashSet<string> used, IReadOnlySet<string> previous)
    {
        while (true)
        {
            var id = NewId();
            if (!used.Contains(id) && !previous.Contains(id))
            {
                return id;
            }
        }
    }

    /// <summary>A fresh random child id; the caller checks it is not taken.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return "CH-" + string.Create(8, bytes.ToArray(), (chars, b) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Crockford[b[i] & 31];
            }
        });
    }
}
