namespace ChildInfo.SampleData.Population;

/// <summary>
/// Turns a child's true identity into one agency's record of it, introducing realistic identifier problems at
/// published-ish rates and listing each one that was applied. Each agency draws its own problems.
/// </summary>
internal static class IdentityRecorder
{
    /// <summary>What an agency records and how careful it tends to be.</summary>
    internal sealed record Habits(bool HoldsNhs, bool HoldsUpn, double MissingNhs, double MissingUpn, double HoldsOldSurname, double HoldsOldPostcode, double KnownAs);

    public static readonly Habits Education = new(HoldsNhs: false, HoldsUpn: true, 0, 0, HoldsOldSurname: 0.6, HoldsOldPostcode: 0.4, KnownAs: 0.035);
    public static readonly Habits EarlyYears = new(HoldsNhs: true, HoldsUpn: false, MissingNhs: 0.05, 0, HoldsOldSurname: 0.5, HoldsOldPostcode: 0.35, KnownAs: 0.025);
    public static readonly Habits SocialCare = new(HoldsNhs: true, HoldsUpn: true, MissingNhs: 0.09, MissingUpn: 0.12, HoldsOldSurname: 0.35, HoldsOldPostcode: 0.45, KnownAs: 0.03);
    public static readonly Habits VoluntarySector = new(HoldsNhs: false, HoldsUpn: false, 0, 0, HoldsOldSurname: 0.45, HoldsOldPostcode: 0.5, KnownAs: 0.06);

    private const double TypoRate = 0.02;
    private const double TransposedDobRate = 0.01;

    /// <param name="formerSurname">The surname the child had before a change, if any.</param>
    /// <param name="previousPostcode">The household's postcode before a recent move, if any.</param>
    public static AgencyRecord Record(Random rng, string localId, Identity truth, Habits habits, string? formerSurname, string? previousPostcode)
    {
        List<string>? issues = null;
        var forename = truth.Forename;
        var surname = truth.Surname;
        var dob = truth.DateOfBirth;
        var postcode = truth.Postcode;

        string? nhs = null;
        if (habits.HoldsNhs && truth.NhsNumber is not null)
        {
            if (rng.NextDouble() < habits.MissingNhs)
            {
                (issues ??= []).Add(IdentityIssues.MissingNhs);
            }
            else
            {
                nhs = truth.NhsNumber;
            }
        }
        string? upn = null;
        if (habits.HoldsUpn && truth.Upn is not null)
        {
            if (rng.NextDouble() < habits.MissingUpn)
            {
                (issues ??= []).Add(IdentityIssues.MissingUpn);
            }
            else
            {
                upn = truth.Upn;
            }
        }

        if (formerSurname is not null && rng.NextDouble() < habits.HoldsOldSurname)
        {
            surname = formerSurname;
            (issues ??= []).Add(IdentityIssues.ChangedSurname);
        }
        if (rng.NextDouble() < habits.KnownAs)
        {
            var knownAs = NameBank.KnownAs(forename, truth.MiddleName);
            if (knownAs is not null && knownAs != forename)
            {
                forename = knownAs;
                (issues ??= []).Add(IdentityIssues.PreferredForename);
            }
        }
        if (rng.NextDouble() < TypoRate)
        {
            if (rng.NextDouble() < 0.5)
            {
                surname = Typo(rng, surname);
            }
            else
            {
                forename = Typo(rng, forename);
            }

            (issues ??= []).Add(IdentityIssues.NameTypo);
        }
        // Only days 1–12 other than the month itself can be swapped; scale so about 1% of all records are.
        if (dob.Day <= 12 && dob.Day != dob.Month && rng.NextDouble() < TransposedDobRate * 365.0 / 132.0)
        {
            dob = new DateOnly(dob.Year, dob.Day, dob.Month);
            (issues ??= []).Add(IdentityIssues.DobTransposed);
        }
        if (previousPostcode is not null && previousPostcode != postcode && rng.NextDouble() < habits.HoldsOldPostcode)
        {
            postcode = previousPostcode;
            (issues ??= []).Add(IdentityIssues.OldPostcode);
        }

        var recorded = new Identity(forename, truth.MiddleName, surname, truth.Sex, dob, postcode, nhs, upn);
        return new AgencyRecord(localId, recorded, issues is null ? [] : issues);
    }

    private static readonly string Keyboard = "qwertyuiopasdfghjklzxcvbnm";

    /// <summary>A typing mistake: swapped, dropped, doubled or mistyped letter; always differs from the original.</summary>
    internal static string Typo(Random rng, string name)
    {
        if (name.Length < 2)
        {
            return name + name;
        }

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var chars = name.ToCharArray();
            var i = rng.Next(1, name.Length);
            string result;
            switch (rng.Next(4))
            {
                case 0:
                    (chars[i - 1], chars[i]) = (chars[i], chars[i - 1]);
                    if (i == 1)
                    {
                        chars[0] = char.ToUpperInvariant(chars[0]);
                        chars[1] = char.ToLowerInvariant(chars[1]);
                    }
                    result = new string(chars);
                    break;
                case 1:
                    result = name.Length > 3 ? name.Remove(i, 1) : name.Insert(i, name[i].ToString());
                    break;
                case 2:
                    result = name.Insert(i, name[i].ToString());
                    break;
                default:
                    chars[i] = Keyboard[rng.Next(Keyboard.Length)];
                    result = new string(chars);
                    break;
            }
            if (!string.Equals(result, name, StringComparison.Ordinal))
            {
                return result;
            }
        }
        return name + "e";
    }
}
