using ChildInfo.Linkage.Records;

namespace ChildInfo.Linkage.Store;

/// <summary>
/// A child's best-known demographics from the records linked to them: for each field, the value most of the records
/// hold, ties going to the source listed first in <see cref="SourcePriority"/> (schools' census data is the most
/// checked), then to the ordinal order of the values.
/// </summary>
internal sealed record BestKnownIdentity(string Forename, string? MiddleName, string Surname, string Sex, DateOnly DateOfBirth, string Postcode, string? NhsNumber, string? Upn)
{
    private static readonly string[] SourcePriority = ["education", "early-years", "social-care", "voluntary-sector", "youth-justice"];

    /// <exception cref="LinkageStoreException">No record of the child holds a date of birth, which the index requires.</exception>
    public static BestKnownIdentity Of(IReadOnlyList<LinkageRecord> records)
    {
        var ordered = records.OrderBy(r => Rank(r.Source)).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var dob = Most(ordered, r => r.DateOfBirth?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new LinkageStoreException($"No record of the child holding {string.Join(", ", records.Select(r => r.Key))} gives a date of birth; the child index needs one for every child.");
        return new BestKnownIdentity(
            Most(ordered, r => r.Forename) ?? "",
            Most(ordered, r => r.MiddleName),
            Most(ordered, r => r.Surname) ?? "",
            Most(ordered, r => r.Sex?.ToString()) ?? "U",
            DateOnly.ParseExact(dob, "O", System.Globalization.CultureInfo.InvariantCulture),
            Most(ordered, r => r.Postcode) ?? "",
            Most(ordered, r => r.NhsNumber),
            Most(ordered, r => r.Upn));
    }

    private static int Rank(string source)
    {
        var index = Array.IndexOf(SourcePriority, source);
        return index < 0 ? SourcePriority.Length : index;
    }

    private static string? Most(List<LinkageRecord> ordered, Func<LinkageRecord, string?> field)
    {
        string? best = null;
        var bestCount = 0;
        foreach (var group in ordered.Select(field).Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v!, StringComparer.Ordinal))
        {
            // Groups come in the order their first value appears, which is source priority: a tie keeps the earlier.
            var count = group.Count();
            if (count > bestCount)
            {
                (best, bestCount) = (group.Key, count);
            }
        }

        return best;
    }
}
