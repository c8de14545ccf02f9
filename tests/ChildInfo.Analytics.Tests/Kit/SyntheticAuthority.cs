using System.Collections.Concurrent;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;

namespace ChildInfo.Analytics.Tests.Kit;

/// <summary>
/// A small synthetic local authority served as an in-memory <see cref="ICohortSource"/>: children in a child index
/// (some over 18, some with no ward), education and social-care records (some children with two, some records not
/// linked to any child), and the agencies' facts evaluated record by record as their SQL would. It is a data source
/// for tests, answering the contract's calls from its own records, and it records the calls made to it.
/// </summary>
internal sealed class SyntheticAuthority : ICohortSource
{
    public const string Education = "education";
    public const string SocialCare = "social-care";

    public static readonly string[] Needs = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"];
    public static readonly string[] AgeBands = ["under 1", "1-4", "5-9", "10-15", "16-17"];
    public static readonly string[] Sexes = ["M", "F", "U"];
    public static readonly string[] Ethnicities = ["White", "Mixed", "Asian", "Black", "Other", "Unknown"];

    /// <summary>Shares of the primary needs, with the skew of the children in need census (abuse or neglect commonest).</summary>
    private static readonly double[] NeedShares = [0.55, 0.1, 0.04, 0.12, 0.1, 0.04, 0.02, 0.03];

    /// <summary>The first day records can start on; the test questions ask about 2023 to 2026.</summary>
    public static readonly DateOnly Epoch = new(2022, 1, 1);

    private readonly Dictionary<string, IReadOnlyList<SyntheticFact>> _facts;
    private readonly Dictionary<string, Dictionary<string, SyntheticRecord>> _recordsByLocalId;
    private readonly ILookup<string, SyntheticRecord> _recordsByChild;
    private readonly ConcurrentDictionary<(string, string, string?, CohortWindow), IReadOnlyList<CohortMember>> _answered = new();
    private readonly ConcurrentDictionary<(DateOnly, string), CohortPopulation> _populations = new();
    private int _inFlight;

    public SyntheticAuthority(int children, int seed, int wards = 20)
    {
        var random = new Random(seed);
        Wards = [.. Enumerable.Range(1, wards).Select(w => $"W{w:D3}")];
        var list = new List<SyntheticChild>(children);
        var records = new List<SyntheticRecord>();
        for (var i = 0; i < children; i++)
        {
            // Born over 20 years before 2026, so some are 18 or over on the dates asked and outside the population.
            var born = new DateOnly(2006, 6, 1).AddDays(random.Next(20 * 365));
            var child = new SyntheticChild(
                $"CH-{seed}-{i:D6}",
                born,
                Sexes[random.NextDouble() < 0.04 ? 2 : random.Next(2)],
                Ethnicities[random.Next(Ethnicities.Length)],
                random.NextDouble() < 0.03 ? null : Wards[random.Next(Wards.Count)]);
            list.Add(child);
            AddEducation(random, child, records);
            AddSocialCare(random, child, records);
        }

        // Records the index never linked (a child not yet matched): the agencies return them, the gateway drops them.
        for (var i = 0; i < children / 50; i++)
        {
            records.Add(new SyntheticRecord(Education, $"ED-U{i}", null, Epoch, null, "Primary", "EHCP", 70, [Epoch.AddDays(40)], false));
            records.Add(new SyntheticRecord(SocialCare, $"SC-U{i}", null, Epoch, null, "N2", "NEGLECT", 20, [Epoch.AddDays(40)], true));
        }

        Children = list;
        Records = records;
        _facts = new(StringComparer.Ordinal) { [Education] = EducationFacts(), [SocialCare] = SocialCareFacts() };
        _recordsByLocalId = records.GroupBy(r => r.Agency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.LocalId, StringComparer.Ordinal), StringComparer.Ordinal);
        _recordsByChild = records.Where(r => r.ChildId is not null).ToLookup(r => r.ChildId!, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Wards { get; }

    public IReadOnlyList<SyntheticChild> Children { get; }

    public IReadOnlyList<SyntheticRecord> Records { get; }

    /// <summary>Every call to <see cref="MembersAsync"/>: agency, fact, value, window.</summary>
    public ConcurrentQueue<(string Agency, string Fact, string? Value, CohortWindow Window)> MemberCalls { get; } = new();

    /// <summary>Every call to <see cref="LinksAsync"/>: agency and the ids asked.</summary>
    public ConcurrentQueue<(string Agency, IReadOnlyCollection<string> LocalIds)> LinkCalls { get; } = new();

    /// <summary>Records whose child's or family's wishes keep them out of questions, by agency: none unless a test says so.</summary>
    public Dictionary<string, HashSet<string>> WithheldRecords { get; } = new(StringComparer.Ordinal);

    /// <summary>Every call to <see cref="WithheldAsync"/>: agency and the labels the question reads from it.</summary>
    public ConcurrentQueue<(string Agency, IReadOnlyList<string> Labels)> WithheldCalls { get; } = new();

    /// <summary>Most member or link calls in flight at once.</summary>
    public int MostInFlight { get; private set; }

    public CohortCatalogue Catalogue => new()
    {
        Agencies = _facts.ToDictionary(p => p.Key, p => (IReadOnlyList<CohortFact>)[.. p.Value.Select(f => f.Definition)], StringComparer.Ordinal),
        IndexDimensions =
        [
            Dimension("age_band", "demographic", AgeBands),
            Dimension("sex", "identifying", Sexes),
            Dimension("ethnicity_group", "special_category", Ethnicities),
            Dimension("ward", "contact", [.. Wards]),
        ],
    };

    public Task<CohortCatalogue> CatalogueAsync(CancellationToken ct) => Task.FromResult(Catalogue);

    public async Task<IReadOnlyList<CohortMember>> MembersAsync(string agency, string fact, string? value, CohortWindow window, CancellationToken ct)
    {
        MemberCalls.Enqueue((agency, fact, value, window));
        Enter();
        try
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            var definition = FactOf(agency, fact) ?? throw new InvalidOperationException("COHORT_UNKNOWN_FACT");
            // The records never change, so the same call always has the same rows: kept to make attack tests quick.
            return _answered.GetOrAdd((agency, fact, value, window), _ => [.. Records.Where(r => r.Agency == agency).Select(r => definition.Evaluate(r, window, value)).OfType<CohortMember>()]);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async Task LinksAsync(string agency, IReadOnlyCollection<string> localIds, Action<string, string> link, CancellationToken ct)
    {
        LinkCalls.Enqueue((agency, [.. localIds]));
        Enter();
        try
        {
            await Task.Yield();
            var records = _recordsByLocalId[agency];
            foreach (var id in localIds)
            {
                if (records.TryGetValue(id, out var record) && record.ChildId is not null)
                {
                    link(record.LocalId, record.ChildId);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<IReadOnlyCollection<string>> WithheldAsync(string agency, IReadOnlyList<string> labels, CancellationToken ct)
    {
        WithheldCalls.Enqueue((agency, [.. labels]));
        return Task.FromResult<IReadOnlyCollection<string>>(WithheldRecords.TryGetValue(agency, out var ids) ? [.. ids] : []);
    }

    public Task<CohortPopulation> PopulationAsync(DateOnly asAt, IReadOnlyList<string> dimensions, CancellationToken ct) =>
        Task.FromResult(_populations.GetOrAdd((asAt, string.Join(',', dimensions)), _ =>
        {
            var children = InPopulation(asAt).ToList();
            return new CohortPopulation([.. children.Select(c => c.Id)], [.. dimensions.Select(d => (IReadOnlyList<string?>)[.. children.Select(c => IndexValue(c, d, asAt))])]);
        }));

    /// <summary>Children in the population as at a date: born on or before it, under 18 on it.</summary>
    public IEnumerable<SyntheticChild> InPopulation(DateOnly asAt) => Children.Where(c => c.Born <= asAt && asAt < c.Born.AddYears(18));

    public SyntheticFact? FactOf(string agency, string fact) =>
        _facts.TryGetValue(agency, out var facts) ? facts.FirstOrDefault(f => f.Definition.Name == fact) : null;

    /// <summary>The linked records of one child.</summary>
    public IEnumerable<SyntheticRecord> RecordsOf(SyntheticChild child, string agency) => _recordsByChild[child.Id].Where(r => r.Agency == agency);

    public static string? IndexValue(SyntheticChild child, string dimension, DateOnly asAt) => dimension switch
    {
        "age_band" => AgeBand(child.Born, asAt),
        "sex" => child.Sex,
        "ethnicity_group" => child.Ethnicity,
        "ward" => child.Ward,
        _ => throw new InvalidOperationException("COHORT_UNKNOWN_DIMENSION"),
    };

    private static string AgeBand(DateOnly born, DateOnly asAt)
    {
        var age = asAt.Year - born.Year - (asAt < born.AddYears(asAt.Year - born.Year) ? 1 : 0);
        return age switch { < 1 => "under 1", < 5 => "1-4", < 10 => "5-9", < 16 => "10-15", _ => "16-17" };
    }

    private void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        lock (MemberCalls)
        {
            MostInFlight = Math.Max(MostInFlight, now);
        }
    }

    private static CohortFact Dimension(string name, string label, IReadOnlyList<string> values) =>
        new(name, label, $"The child's {name.Replace('_', ' ')}.", CohortFactKind.Dimension, CohortWindowKind.AsAt, values);

    private static void AddEducation(Random random, SyntheticChild child, List<SyntheticRecord> records)
    {
        var count = random.NextDouble() switch { < 0.15 => 0, < 0.93 => 1, _ => 2 };
        for (var i = 0; i < count; i++)
        {
            var start = Epoch.AddDays(random.Next(3 * 365));
            DateOnly? end = random.NextDouble() < 0.3 ? start.AddDays(90 + random.Next(600)) : null;
            var phase = random.NextDouble() switch { < 0.02 => "Other", < 0.5 => "Primary", _ => "Secondary" };
            var sen = random.NextDouble() switch { < 0.04 => "EHCP", < 0.16 => "SEN_SUPPORT", _ => null };
            var attendance = Math.Round(random.NextDouble() < 0.2 ? 60 + (30 * random.NextDouble()) : 90 + (10 * random.NextDouble()), 1);
            var exclusions = Enumerable.Range(0, random.NextDouble() < 0.1 ? 1 + random.Next(3) : 0).Select(_ => start.AddDays(random.Next(700))).ToList();
            records.Add(new SyntheticRecord(Education, $"ED-{child.Id}-{i}", child.Id, start, end, phase, sen, attendance, exclusions, false));
        }
    }

    private static void AddSocialCare(Random random, SyntheticChild child, List<SyntheticRecord> records)
    {
        var count = random.NextDouble() switch { < 0.8 => 0, < 0.97 => 1, _ => 2 };
        for (var i = 0; i < count; i++)
        {
            var start = Epoch.AddDays(random.Next(4 * 365));
            DateOnly? end = random.NextDouble() < 0.5 ? start.AddDays(60 + random.Next(500)) : null;
            var need = Pick(random);
            var plan = random.NextDouble() < 0.3 ? new[] { "NEGLECT", "PHYSICAL", "EMOTIONAL", "SEXUAL" }[random.Next(4)] : null;
            var referrals = Enumerable.Range(0, random.Next(3)).Select(_ => start.AddDays(random.Next(400))).Prepend(start).ToList();
            var lookedAfter = random.NextDouble() < 0.15;
            records.Add(new SyntheticRecord(SocialCare, $"SC-{child.Id}-{i}", child.Id, start, end, need, plan, lookedAfter ? random.Next(41) : null, referrals, lookedAfter));
        }
    }

    private static string Pick(Random random)
    {
        var x = random.NextDouble();
        for (var i = 0; i < NeedShares.Length; i++)
        {
            x -= NeedShares[i];
            if (x < 0)
            {
                return Needs[i];
            }
        }
        return Needs[0];
    }

    private static IReadOnlyList<SyntheticFact> EducationFacts() =>
    [
        new(new("persistently_absent", "attendance_summary", "Attendance under 90% in a record overlapping the window.", CohortFactKind.Condition, CohortWindowKind.During, []),
            (r, w, _) => r.Value < 90 && r.Overlaps(w.From!.Value, w.To!.Value) ? new CohortMember(r.LocalId) : null),
        new(new("sen_status", "special_educational_needs", "SEN support or an EHC plan as at the date.", CohortFactKind.Condition, CohortWindowKind.AsAt, ["SEN_SUPPORT", "EHCP"]),
            (r, w, v) => r.Tag is not null && (v is null || r.Tag == v) && r.ActiveOn(w.To!.Value) ? new CohortMember(r.LocalId) : null),
        new(new("attendance_rate", "attendance_summary", "Attendance rate (%) of records in the window.", CohortFactKind.Measure, CohortWindowKind.During, []),
            (r, w, _) => r.Overlaps(w.From!.Value, w.To!.Value) ? new CohortMember(r.LocalId, Measure: r.Value) : null),
        new(new("exclusions", "exclusions", "Exclusions in the window.", CohortFactKind.Events, CohortWindowKind.During, []),
            (r, w, _) => r.EventsDuring(w.From!.Value, w.To!.Value) is > 0 and var n ? new CohortMember(r.LocalId, Measure: n) : null),
        new(new("school_phase", "education_summary", "Phase of the school as at the date.", CohortFactKind.Dimension, CohortWindowKind.AsAt, ["Primary", "Secondary"]),
            (r, w, _) => r.ActiveOn(w.To!.Value) ? new CohortMember(r.LocalId, Group: r.Category) : null),
    ];

    private static IReadOnlyList<SyntheticFact> SocialCareFacts() =>
    [
        new(new("cin_open", "protection", "An open children in need case as at the date.", CohortFactKind.Condition, CohortWindowKind.AsAt, []),
            (r, w, _) => r.ActiveOn(w.To!.Value) ? new CohortMember(r.LocalId) : null),
        new(new("cp_plan", "protection", "A child protection plan as at the date.", CohortFactKind.Condition, CohortWindowKind.AsAt, ["NEGLECT", "PHYSICAL", "EMOTIONAL", "SEXUAL"]),
            (r, w, v) => r.Tag is not null && (v is null || r.Tag == v) && r.ActiveOn(w.To!.Value) ? new CohortMember(r.LocalId) : null),
        new(new("referred", "protection", "A referral in the window.", CohortFactKind.Condition, CohortWindowKind.During, []),
            (r, w, _) => r.EventsDuring(w.From!.Value, w.To!.Value) > 0 ? new CohortMember(r.LocalId) : null),
        new(new("referrals", "protection", "Referrals in the window.", CohortFactKind.Events, CohortWindowKind.During, []),
            (r, w, _) => r.EventsDuring(w.From!.Value, w.To!.Value) is > 0 and var n ? new CohortMember(r.LocalId, Measure: n) : null),
        new(new("looked_after_ever", "looked_after", "Ever looked after.", CohortFactKind.Condition, CohortWindowKind.None, []),
            (r, _, _) => r.Flag ? new CohortMember(r.LocalId) : null),
        new(new("cin_primary_need", "protection", "Primary need of the case open at the date.", CohortFactKind.Dimension, CohortWindowKind.AsAt, Needs),
            (r, w, _) => r.ActiveOn(w.To!.Value) ? new CohortMember(r.LocalId, Group: r.Category) : null),
        new(new("sdq_total", "wellbeing", "SDQ total score of a looked-after child with a case open at the date.", CohortFactKind.Measure, CohortWindowKind.AsAt, []),
            (r, w, _) => r.Value is { } sdq && r.ActiveOn(w.To!.Value) ? new CohortMember(r.LocalId, Measure: sdq) : null),
    ];
}
