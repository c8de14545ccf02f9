using ChildInfo.SampleData.Identifiers;
using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Population;

/// <summary>
/// Places pupils in Northshire's schools (spells with entry and leaving dates) and allocates their UPNs as the
/// authority would: LA code, the establishment where they first joined, the year they joined and a serial. Stateful
/// (serials are counted), so one placer serves one generation run, in sequence.
/// </summary>
internal sealed class SchoolPlacer
{
    private readonly ReferenceData _reference;
    private readonly DateOnly _today;
    private readonly School[][] _primariesByDistrict;
    private readonly School[] _secondaryByDistrict;
    private readonly School[] _primaries;
    private readonly School[] _secondaries;
    private readonly School[] _specials;
    private readonly School _pupilReferralUnit;
    private readonly Dictionary<int, int> _serials = [];
    private readonly Dictionary<int, int> _temporarySerials = [];

    public SchoolPlacer(ReferenceData reference, DateOnly today)
    {
        _reference = reference;
        _today = today;
        _primaries = reference.Schools.Where(s => s.Phase == ReferenceDataFactory.Primary).ToArray();
        _secondaries = reference.Schools.Where(s => s.Phase == ReferenceDataFactory.Secondary).ToArray();
        _specials = reference.Schools.Where(s => s.Phase == ReferenceDataFactory.Special).ToArray();
        _pupilReferralUnit = reference.Schools.FirstOrDefault(s => s.Phase == ReferenceDataFactory.AlternativeProvision) ?? _specials[0];
        _primariesByDistrict = new School[NorthshirePostcodes.Districts + 1][];
        _secondaryByDistrict = new School[NorthshirePostcodes.Districts + 1];
        for (var d = 1; d <= NorthshirePostcodes.Districts; d++)
        {
            var local = _primaries.Where(s => NorthshirePostcodes.DistrictOf(s.Postcode) == d).ToArray();
            _primariesByDistrict[d] = local.Length > 0 ? local : _primaries;
            _secondaryByDistrict[d] = _secondaries.OrderBy(s => Math.Abs(NorthshirePostcodes.DistrictOf(s.Postcode) - d)).First();
        }
    }

    /// <summary>A household's usual primary school: usually one in its district.</summary>
    public School ChoosePrimary(Random rng, int district) => rng.NextDouble() < 0.8
        ? _primariesByDistrict[district][rng.Next(_primariesByDistrict[district].Length)]
        : _primaries[rng.Next(_primaries.Length)];

    public School ChooseSecondary(Random rng, int district) => rng.NextDouble() < 0.75
        ? _secondaryByDistrict[district]
        : _secondaries[rng.Next(_secondaries.Length)];

    /// <summary>The placement of one pupil: spells (oldest first) and the UPN.</summary>
    public (IReadOnlyList<Enrolment> Spells, string? Upn) Place(
        Random rng, DateOnly dateOfBirth, char phase, Circumstances circumstances, School householdPrimary, School householdSecondary)
    {
        var receptionYear = SchoolCalendar.ReceptionYear(dateOfBirth);
        if (SchoolCalendar.NcYear(dateOfBirth, _today) < 0)
        {
            return ([], null);
        }

        // Where the child first joined a Northshire school, and when: most from reception; some moved in later.
        var joinedLater = rng.NextDouble() < 0.06;
        var phaseStartYear = phase == 'S' ? receptionYear + 7 : receptionYear;
        var phaseStart = SchoolCalendar.FirstDayOfAutumnTerm(phaseStartYear);
        var entry = phaseStart;
        if (joinedLater && _today.DayNumber - phaseStart.DayNumber > 90)
        {
            entry = SchoolCalendar.NextWeekday(phaseStart.AddDays(rng.Next(30, _today.DayNumber - phaseStart.DayNumber - 14)));
        }
        else
        {
            joinedLater = false;
        }

        var school = circumstances.SenProvision == 'E' && rng.NextDouble() < 0.4
            ? _specials[rng.Next(_specials.Length)]
            : phase == 'S' ? householdSecondary : householdPrimary;

        string? upn = null;
        if (phase != 'N')
        {
            var (allocatingSchool, allocationYear) = joinedLater
                ? (school, SchoolCalendar.AcademicYear(entry))
                : (phase == 'S' ? householdPrimary : school, receptionYear);
            upn = joinedLater && rng.NextDouble() < 0.05
                ? AllocateTemporary(allocatingSchool.Establishment, allocationYear)
                : Allocate(allocatingSchool.Establishment, allocationYear);
        }
        else
        {
            // Not on a school roll now (for example a college student): the UPN from their school days remains.
            upn = Allocate(householdPrimary.Establishment, receptionYear);
            return ([], upn);
        }

        var spells = new List<Enrolment>(2);
        var window = _today.DayNumber - entry.DayNumber;
        if (circumstances.PermanentlyExcluded && window > 40)
        {
            var left = SchoolCalendar.NextWeekday(entry.AddDays(Math.Max(20, window - rng.Next(10, Math.Min(window, 600)))));
            spells.Add(new Enrolment(school.Urn, entry, left, "C"));
            spells.Add(new Enrolment(_pupilReferralUnit.Urn, SchoolCalendar.NextWeekday(left.AddDays(rng.Next(3, 10))), null, "C"));
        }
        else if (circumstances.Suspensions >= 3 && phase == 'S' && rng.NextDouble() < 0.25)
        {
            // Dual registration: main school plus part-time alternative provision.
            spells.Add(new Enrolment(school.Urn, entry, null, "M"));
            spells.Add(new Enrolment(_pupilReferralUnit.Urn, SchoolCalendar.NextWeekday(_today.AddDays(-rng.Next(20, 200))), null, "S"));
        }
        else if (window > 120 && rng.NextDouble() < 0.095)
        {
            // A school move within the phase.
            var left = SchoolCalendar.NextWeekday(entry.AddDays(rng.Next(60, window - 30)));
            var next = OtherSchool(rng, school, phase);
            spells.Add(new Enrolment(school.Urn, entry, left, "C"));
            spells.Add(new Enrolment(next.Urn, SchoolCalendar.NextWeekday(left.AddDays(rng.Next(1, 15))), null, "C"));
        }
        else
        {
            spells.Add(new Enrolment(school.Urn, entry, null, "C"));
        }
        // A spell never starts after today.
        for (var i = 0; i < spells.Count; i++)
        {
            if (spells[i].EntryDate > _today)
            {
                spells[i] = spells[i] with { EntryDate = _today };
            }
        }
        return (spells, upn);
    }

    private School OtherSchool(Random rng, School current, char phase)
    {
        var pool = current.Phase == ReferenceDataFactory.Special ? _specials : phase == 'S' ? _secondaries : _primaries;
        for (var i = 0; i < 5; i++)
        {
            var candidate = pool[rng.Next(pool.Length)];
            if (candidate.Urn != current.Urn)
            {
                return candidate;
            }
        }
        return pool[0].Urn != current.Urn ? pool[0] : pool[^1];
    }

    /// <summary>
    /// The next permanent UPN for an establishment and year. A school has 1,000 serials a year; beyond that the
    /// authority uses spare establishment numbers (5000 + page × 100 + school index), so UPNs stay unique at any size.
    /// </summary>
    private string Allocate(int establishment, int year)
    {
        var key = establishment * 100 + year % 100;
        _serials.TryGetValue(key, out var count);
        _serials[key] = count + 1;
        var page = count / 1000;
        var estab = page == 0 ? establishment : 5000 + page * 100 + SchoolIndex(establishment);
        return Upn.Create(_reference.LaCode, estab, year, count % 1000);
    }

    /// <summary>A temporary UPN: eleven digits then a letter (never equal to a permanent one).</summary>
    private string AllocateTemporary(int establishment, int year)
    {
        var key = establishment * 100 + year % 100;
        _temporarySerials.TryGetValue(key, out var count);
        _temporarySerials[key] = count + 1;
        var page = count / 2300;
        var estab = page == 0 ? establishment : 5000 + page * 100 + SchoolIndex(establishment);
        var within = count % 2300;
        var body = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{_reference.LaCode:000}{estab % 10000:0000}{year % 100:00}{within / 23:00}{"ABCDEFGHJKLMNPQRTUVWXYZ"[within % 23]}");
        return Upn.CheckLetter(body) + body;
    }

    private int SchoolIndex(int establishment)
    {
        for (var i = 0; i < _reference.Schools.Count; i++)
        {
            if (_reference.Schools[i].Establishment == establishment)
            {
                return i;
            }
        }
        return 99;
    }
}
