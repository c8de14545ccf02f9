using System.Globalization;
using ChildInfo.SampleData.Identifiers;
using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Population;

/// <summary>
/// Generates a synthetic population of children aged 0–17 on the reference date, household by household, as a
/// stream (never the whole population in memory). The same seed, reference date and count always give the same
/// children; each child is drawn from its household's own random source, so the population does not depend on
/// how it is chunked.
/// </summary>
public sealed class PopulationGenerator
{
    /// <summary>The default reference date: a census day.</summary>
    public static readonly DateOnly DefaultReferenceDate = new(2026, 10, 1);

    private static readonly Weighted<int> HouseholdSizes = new((1, 0.44), (2, 0.40), (3, 0.12), (4, 0.04));

    private readonly PseudonymousIds _childIds;
    private readonly LocalIds _localIds;
    private readonly SyntheticNhsNumbers _nhsNumbers;

    public PopulationGenerator(int seed, DateOnly? referenceDate = null, ReferenceData? reference = null)
    {
        Seed = seed;
        ReferenceDate = referenceDate ?? DefaultReferenceDate;
        Reference = reference ?? ReferenceDataFactory.Create();
        _childIds = new PseudonymousIds(seed);
        _localIds = new LocalIds(seed);
        _nhsNumbers = new SyntheticNhsNumbers(seed);
    }

    public int Seed { get; }

    public DateOnly ReferenceDate { get; }

    public ReferenceData Reference { get; }

    /// <summary>The children, in sequence order (brothers and sisters next to each other).</summary>
    public IEnumerable<SyntheticChild> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return GenerateIterator(count);
    }

    /// <summary>The children in chunks of at most <paramref name="chunkSize"/>.</summary>
    public IEnumerable<IReadOnlyList<SyntheticChild>> GenerateChunks(int count, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        return ChunkIterator(count, chunkSize);
    }

    private IEnumerable<IReadOnlyList<SyntheticChild>> ChunkIterator(int count, int chunkSize)
    {
        var chunk = new List<SyntheticChild>(Math.Min(chunkSize, count));
        foreach (var child in GenerateIterator(count))
        {
            chunk.Add(child);
            if (chunk.Count == chunkSize)
            {
                yield return chunk;
                chunk = new List<SyntheticChild>(chunkSize);
            }
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private IEnumerable<SyntheticChild> GenerateIterator(int count)
    {
        var placer = new SchoolPlacer(Reference, ReferenceDate);
        var sequence = 0;
        var household = 0;
        var buffer = new SyntheticChild[4];
        while (sequence < count)
        {
            var rng = new Random(MixSeed(Seed, household));
            var size = Math.Min(HouseholdSizes.Pick(rng), count - sequence);
            var made = MakeHousehold(rng, placer, household, sequence, size, buffer);
            for (var i = 0; i < made; i++)
            {
                yield return buffer[i];
            }

            sequence += made;
            household++;
        }
    }

    private int MakeHousehold(Random rng, SchoolPlacer placer, int householdIndex, int firstSequence, int size, SyntheticChild[] output)
    {
        var today = ReferenceDate;
        var householdId = "HH-" + householdIndex.ToString("0000000", CultureInfo.InvariantCulture);
        var ethnicity = EthnicityModel.PickCode(rng);
        var names = EthnicityModel.NameGroupFor(ethnicity, rng);
        var language = EthnicityModel.LanguageFor(ethnicity, names, rng);
        var surname = NameBank.Surname(rng, names);
        var district = rng.Next(1, NorthshirePostcodes.Districts + 1);
        var postcode = NorthshirePostcodes.Create(rng, district);
        string? previousPostcode = null;
        if (rng.NextDouble() < 0.12)
        {
            var from = rng.NextDouble() < 0.6 ? district : rng.Next(1, NorthshirePostcodes.Districts + 1);
            previousPostcode = NorthshirePostcodes.Create(rng, from);
        }
        var profile = HouseholdProfile.Draw(rng);
        var familySaysNoResearch = rng.NextDouble() < 0.02;
        var primary = placer.ChoosePrimary(rng, district);
        var secondary = placer.ChooseSecondary(rng, district);
        var setting = ChooseSetting(rng, district);
        // Step-families: older children keep the surname of a previous relationship.
        var stepChildren = size >= 2 && rng.NextDouble() < 0.15 ? rng.Next(1, size) : 0;
        var stepSurname = stepChildren > 0 ? OtherSurname(rng, names, surname) : surname;

        Span<DateOnly> births = stackalloc DateOnly[size];
        DrawBirthDates(rng, births);
        births.Sort();

        var ids = new string[size];
        for (var i = 0; i < size; i++)
        {
            ids[i] = _childIds.ChildId(firstSequence + i);
        }

        var forenames = new string[size];
        for (var i = 0; i < size; i++)
        {
            var sequence = firstSequence + i;
            var dob = births[i];
            var age = AgeOn(dob, today);
            var sex = rng.NextDouble() < 0.512 ? 'M' : 'F';
            var forename = NameBank.Forename(rng, names, sex);
            for (var attempt = 0; attempt < 4 && Array.IndexOf(forenames, forename, 0, i) >= 0; attempt++)
            {
                forename = NameBank.Forename(rng, names, sex);
            }

            forenames[i] = forename;
            var middle = NameBank.MiddleName(rng, names, sex, forename);
            var childSurname = i < stepChildren ? stepSurname : surname;
            // A surname that changed (a parent's new relationship, adoption): some agencies still hold the old one.
            string? formerSurname = age >= 2 && rng.NextDouble() < 0.03 ? OtherSurname(rng, names, childSurname) : null;

            var nc = SchoolCalendar.NcYear(dob, today);
            var phase = nc switch
            {
                < 0 => 'N',
                <= 6 => 'P',
                <= 11 => 'S',
                <= 13 => rng.NextDouble() < 0.45 ? 'S' : 'N',
                _ => 'N',
            };
            var circumstances = CircumstanceModel.Draw(rng, profile, age, sex, phase);
            IReadOnlyList<Enrolment> enrolments = [];
            string? upn = null;
            if (nc >= 0)
            {
                (enrolments, upn) = placer.Place(rng, dob, phase, circumstances, primary, secondary);
            }

            int? settingUrn = null;
            if (nc < 0 && AttendsEarlyYears(rng, age, circumstances))
            {
                settingUrn = rng.NextDouble() < 0.8 ? setting.Urn : Reference.Settings[rng.Next(Reference.Settings.Count)].Urn;
            }

            var truth = new Identity(forename, middle, childSurname, sex, dob, postcode, _nhsNumbers.For(sequence), upn);

            AgencyRecord? education = enrolments.Count > 0
                ? IdentityRecorder.Record(rng, upn!, truth, IdentityRecorder.Education, formerSurname, previousPostcode)
                : null;
            AgencyRecord? earlyYears = age <= 5 && (settingUrn is not null || rng.NextDouble() < 0.93)
                ? IdentityRecorder.Record(rng, _localIds.EarlyYears(sequence), truth, IdentityRecorder.EarlyYears, formerSurname, previousPostcode)
                : null;
            AgencyRecord? socialCare = circumstances.ChildInNeed || circumstances.EarlyHelp
                ? IdentityRecorder.Record(rng, _localIds.SocialCare(sequence), truth, IdentityRecorder.SocialCare, formerSurname, previousPostcode)
                : null;
            AgencyRecord? voluntary = circumstances.VcsServices.Count > 0
                ? IdentityRecorder.Record(rng, _localIds.VoluntarySector(sequence), truth, IdentityRecorder.VoluntarySector, formerSurname, previousPostcode)
                : null;

            string[] siblings = size == 1 ? [] : new string[size - 1];
            for (int j = 0, k = 0; j < size; j++)
            {
                if (j != i)
                {
                    siblings[k++] = ids[j];
                }
            }

            var child = new SyntheticChild
            {
                Sequence = sequence,
                ChildId = ids[i],
                HouseholdId = householdId,
                SiblingIds = siblings,
                Truth = truth,
                Ethnicity = ethnicity,
                Language = language,
                Circumstances = circumstances,
                Enrolments = enrolments,
                EarlyYearsSettingUrn = settingUrn,
                Education = education,
                EarlyYears = earlyYears,
                SocialCare = socialCare,
                VoluntarySector = voluntary,
            };
            var wishes = PreferenceModel.Draw(rng, child, age, today, familySaysNoResearch);
            output[i] = wishes.Count == 0 ? child : child with { Preferences = wishes };
        }
        return size;
    }

    private void DrawBirthDates(Random rng, Span<DateOnly> births)
    {
        var today = ReferenceDate;
        var oldest = today.AddYears(-18).AddDays(1).DayNumber;
        var newest = today.DayNumber;
        births[0] = DateOnly.FromDayNumber(newest - rng.Next(0, newest - oldest + 1));
        for (var i = 1; i < births.Length; i++)
        {
            if (rng.NextDouble() < 0.03)
            {
                births[i] = births[i - 1]; // twins
                continue;
            }
            // A gap of one to seven years from a brother or sister, reflected at the ends of the 0–17 range so that
            // ages stay evenly spread across the population, and never within ten months of another child.
            var day = -1;
            for (var attempt = 0; attempt < 12 && day < 0; attempt++)
            {
                var gap = rng.Next(450, 2600) * (rng.NextDouble() < 0.5 ? -1 : 1);
                var candidate = births[rng.Next(i)].DayNumber + gap;
                if (candidate < oldest)
                {
                    candidate = 2 * oldest - candidate;
                }

                if (candidate > newest)
                {
                    candidate = 2 * newest - candidate;
                }

                if (candidate >= oldest && candidate <= newest && FarFromOthers(births[..i], candidate))
                {
                    day = candidate;
                }
            }
            births[i] = day >= 0 ? DateOnly.FromDayNumber(day) : births[i - 1]; // no room left: twins
        }
    }

    private static bool FarFromOthers(ReadOnlySpan<DateOnly> others, int day)
    {
        foreach (var other in others)
        {
            if (Math.Abs(other.DayNumber - day) < 300)
            {
                return false;
            }
        }
        return true;
    }

    private EarlyYearsSetting ChooseSetting(Random rng, int district)
    {
        var settings = Reference.Settings;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = settings[rng.Next(settings.Count)];
            if (NorthshirePostcodes.DistrictOf(candidate.Postcode) == district)
            {
                return candidate;
            }
        }
        return settings[rng.Next(settings.Count)];
    }

    private static bool AttendsEarlyYears(Random rng, int age, Circumstances circumstances)
    {
        var p = age switch
        {
            0 => 0.12,
            1 => 0.55,
            2 => circumstances.TwoYearOldBasis is not null ? 0.8 : 0.6,
            _ => 0.94,
        };
        return rng.NextDouble() < p;
    }

    private static string OtherSurname(Random rng, NameGroup names, string current)
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var candidate = NameBank.Surname(rng, rng.NextDouble() < 0.8 ? names : NameGroup.British);
            if (candidate != current)
            {
                return candidate;
            }
        }
        return current == "Smith" ? "Jones" : "Smith";
    }

    private static int AgeOn(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        return dob.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>A well-mixed 32-bit seed for one household, the same on every machine.</summary>
    internal static int MixSeed(int seed, int index)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed << 32) | (uint)index;
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (int)(x & 0x7FFFFFFF);
        }
    }
}
