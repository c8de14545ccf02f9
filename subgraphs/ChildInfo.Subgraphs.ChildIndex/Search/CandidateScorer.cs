namespace ChildInfo.Subgraphs.ChildIndex.Search;

/// <summary>
/// Scores a candidate against search criteria with Fellegi–Sunter style agreement weights (log2 of m/u), then
/// maps the total weight to 0–1. The weights reward the agreements that are rare by chance (date of birth,
/// surname) and tolerate the disagreements that real records have (a moved postcode, a nickname, a day and month
/// written the wrong way round).
/// </summary>
public static class CandidateScorer
{
    /// <summary>Candidates scoring below this are not shown: they would be guesses.</summary>
    public const double MinimumScore = 0.2;

    /// <summary>Total weight at which a candidate scores 0.5.</summary>
    private const double Midpoint = 8.0;

    public static ChildCandidate Score(Children.IndexedChild child, SearchCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(criteria);
        var weight = 0.0;
        var matched = new List<string>(5);

        if (criteria.Surname is { } surname)
        {
            weight += Compare(surname, child.Surname, "surname", exact: 4.5, close: 2.0, disagree: -3.0, matched);
        }

        if (criteria.Forename is { } forename)
        {
            weight += Compare(forename, child.Forename, "forename", exact: 4.0, close: 1.5, disagree: -2.5, matched);
        }

        if (criteria.DateOfBirth is { } dob)
        {
            var recorded = DateOnly.FromDateTime(child.Dob);
            if (recorded == dob)
            {
                weight += 6.0;
                matched.Add("dateOfBirth");
            }
            else if (recorded.Year == dob.Year && recorded.Month == dob.Day && recorded.Day == dob.Month)
            {
                weight += 3.0;
                matched.Add("dateOfBirth (day and month transposed)");
            }
            else
            {
                weight += recorded.Year == dob.Year && recorded.Month == dob.Month ? 0.5 : -4.0;
            }
        }
        if (NormalisePostcode(criteria.Postcode) is { } postcode)
        {
            var recorded = NormalisePostcode(child.Postcode)!;
            if (recorded == postcode)
            {
                weight += 3.0;
                matched.Add("postcode");
            }
            else if (Outward(recorded) == Outward(postcode))
            {
                weight += 1.0;
                matched.Add("postcode district");
            }
            else
            {
                weight -= 0.5;
            }
        }
        if (criteria.Sex is { } sex)
        {
            var agrees = child.Sex.Length > 0 && char.ToUpperInvariant(child.Sex[0]) == char.ToUpperInvariant(sex);
            weight += agrees ? 0.5 : -3.0;
            if (agrees)
            {
                matched.Add("sex");
            }
        }

        var score = 1.0 / (1.0 + Math.Pow(2, Midpoint - weight));
        return new ChildCandidate(child, Math.Round(score, 4), matched);
    }

    public static string? NormalisePostcode(string? postcode) =>
        string.IsNullOrWhiteSpace(postcode) ? null : postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string Outward(string normalisedPostcode) =>
        normalisedPostcode.Length > 3 ? normalisedPostcode[..^3] : normalisedPostcode;

    private static double Compare(string wanted, string recorded, string field, double exact, double close, double disagree, List<string> matched)
    {
        if (string.Equals(wanted.Trim(), recorded.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            matched.Add(field);
            return exact;
        }
        if (EditDistanceAtMostOne(wanted.Trim().ToUpperInvariant(), recorded.Trim().ToUpperInvariant()))
        {
            matched.Add(field + " (close)");
            return close;
        }
        return disagree;
    }

    /// <summary>True when one insertion, deletion, substitution or adjacent swap turns one into the other.</summary>
    internal static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length || i == b.Length)
        {
            return Math.Abs(a.Length - b.Length) <= 1;
        }

        if (a.Length == b.Length)
        {
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
            {
                return true;
            }

            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
