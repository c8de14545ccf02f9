using System.Runtime.InteropServices;
using ChildInfo.Linkage.Comparison;

namespace ChildInfo.Linkage.Blocking;

/// <summary>
/// The pairs a run compares: records of different sources that share a blocking key, each pair once. Every key is
/// hashed to 64 bits with its rule in the top byte (a collision merges two blocks: it adds pairs to compare, and loses
/// pairs only if the merged block then exceeds the limit, which neither block alone did); the (hash, record) entries
/// are sorted, each run of one hash is a block, and a block of more than the limit is left out and counted, not
/// compared whole. Pairs are packed into one <see cref="long"/> each
/// (<c>a &lt;&lt; 32 | b</c>, a &lt; b), sorted and made distinct: 8 bytes a pair and no hash set. (A hash set of
/// packed pairs hashes them to <c>a ^ b</c>, and one child's records are numbered next to each other, so its pairs all
/// share the codes 1, 3, 7…: chains that grow with the population made each insert cost as much as the population.)
/// </summary>
internal sealed class CandidatePairs
{
    private readonly long[] _pairs;

    private CandidatePairs(long[] pairs, IReadOnlyList<BlockingRuleCount> rules)
    {
        _pairs = pairs;
        Rules = rules;
    }

    public int Count => _pairs.Length;

    /// <summary>What each rule brought together, in <see cref="BlockingKeys.Rules"/> order.</summary>
    public IReadOnlyList<BlockingRuleCount> Rules { get; }

    /// <summary>The <paramref name="i"/>-th pair's record indexes (ascending pairs, A &lt; B).</summary>
    public (int A, int B) this[int i] => ((int)(_pairs[i] >> 32), (int)(uint)_pairs[i]);

    public bool Contains(int a, int b) => Array.BinarySearch(_pairs, Pack(a, b)) >= 0;

    public static CandidatePairs Find(PreparedRecord[] records, int maxBlockSize)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sources = SourceNumbers(records);
        var hashes = new List<ulong>(records.Length * 6);
        var members = new List<int>(records.Length * 6);
        foreach (var record in records)
        {
            foreach (var (rule, key) in BlockingKeys.RuledKeysOf(record))
            {
                hashes.Add((Fnv1a(key) >>> 8) | ((ulong)rule << 56));
                members.Add(record.Index);
            }
        }

        var hashSpan = CollectionsMarshal.AsSpan(hashes);
        var memberSpan = CollectionsMarshal.AsSpan(members);
        hashSpan.Sort(memberSpan);
        var ruleCount = BlockingKeys.Rules.Count;
        var (blocks, pairsOf, largest, skipped, skippedRecords) = (new long[ruleCount], new long[ruleCount], new int[ruleCount], new int[ruleCount], new long[ruleCount]);
        var pairs = new List<long>(records.Length * 2);
        for (var start = 0; start < hashSpan.Length;)
        {
            var end = start + 1;
            while (end < hashSpan.Length && hashSpan[end] == hashSpan[start])
            {
                end++;
            }

            var rule = (int)(hashSpan[start] >> 56);
            var size = end - start;
            blocks[rule]++;
            if (size > maxBlockSize)
            {
                skipped[rule]++;
                skippedRecords[rule] += size;
            }
            else if (size > 1)
            {
                largest[rule] = Math.Max(largest[rule], size);
                var block = memberSpan[start..end];
                for (var i = 0; i < block.Length; i++)
                {
                    for (var j = i + 1; j < block.Length; j++)
                    {
                        if (sources[block[i]] != sources[block[j]])
                        {
                            pairs.Add(Pack(Math.Min(block[i], block[j]), Math.Max(block[i], block[j])));
                            pairsOf[rule]++;
                        }
                    }
                }
            }

            start = end;
        }

        var pairSpan = CollectionsMarshal.AsSpan(pairs);
        pairSpan.Sort();
        var distinct = 0;
        for (var i = 0; i < pairSpan.Length; i++)
        {
            if (distinct == 0 || pairSpan[i] != pairSpan[distinct - 1])
            {
                pairSpan[distinct++] = pairSpan[i];
            }
        }

        var counts = BlockingKeys.Rules.Select((r, i) => new BlockingRuleCount(r.Prefix, r.Description, blocks[i], pairsOf[i], largest[i], skipped[i], skippedRecords[i])).ToList();
        return new CandidatePairs(pairSpan[..distinct].ToArray(), counts);
    }

    private static long Pack(int a, int b) => ((long)a << 32) | (uint)b;

    private static int[] SourceNumbers(PreparedRecord[] records)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var source = records[i].Record.Source;
            if (!numbers.TryGetValue(source, out var number))
            {
                numbers[source] = number = numbers.Count;
            }

            result[records[i].Index] = number;
        }

        return result;
    }

    /// <summary>64-bit FNV-1a of the key's characters: the same on every machine and run, so runs are repeatable.</summary>
    private static ulong Fnv1a(string key)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1_099_511_628_211UL;
        }

        return hash;
    }
}
