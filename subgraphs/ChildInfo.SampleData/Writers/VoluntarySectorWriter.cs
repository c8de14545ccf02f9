using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.SampleData.Voice;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.VoluntarySector;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// Writes the voluntary sector's shared case-recording database for children using VCS services: the young
/// person as registered, one engagement per service with a fitting organisation and keyworker, session notes,
/// outcome measures (SDQ from 4, WEMWBS at 13–16, Star readings), their own words and their data-use wishes.
/// </summary>
public sealed class VoluntarySectorWriter : IAgencyWriter
{
    private static readonly Weighted<string> Routes = new(("SELF", 22), ("FAMILY", 20), ("SCHOOL", 28), ("HEALTH", 8), ("OTHER_VCS", 10), ("POLICE", 2), ("EARLY_HELP", 6), ("SOCIAL_CARE", 4));
    private static readonly Weighted<string> EndReasons = new(("Goals achieved", 40), ("Moved on to other activities", 20), ("Disengaged", 18),
        ("Moved out of area", 8), ("Referred to another service", 14));
    private static readonly string[] MyStarScales = ["Physical health", "Where you live", "Being safe", "Relationships", "Feelings and behaviour",
        "Friends", "Confidence and self-esteem", "Education and learning"];
    private static readonly string[] FamilyStarScales = ["Physical health", "Your well-being", "Meeting emotional needs", "Keeping your children safe",
        "Social networks", "Education and learning", "Boundaries and behaviour", "Family routine", "Home and money", "Progress to work"];
    private static readonly string[] VoiceTopics = ["friends", "activities", "support", "future", "school", "home", "health"];

    private readonly VoluntarySectorTables _tables = new();
    private Dictionary<string, Organisation[]>? _organisationsByService;
    private Dictionary<string, Worker[]>? _workersByOrganisation;

    public string Agency => Population.Agency.VoluntarySector;

    public AgencySchema Schema => VoluntarySectorSubgraph.Schema;

    public async Task WriteReferenceDataAsync(BulkWriter writer, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        var organisations = new TableRows("tblOrganisation", "OrgID", "OrgName", "CharityNo", "OrgPostcode");
        var services = new TableRows("tblOrgService", "OrgID", "ServiceCode");
        foreach (var organisation in context.Reference.Organisations)
        {
            organisations.Add(organisation.OrganisationId, organisation.Name, organisation.CharityNumber,
                NorthshirePostcodes.Create(new Random(GenerationContext.StableHash(organisation.OrganisationId))));
            foreach (var service in organisation.Services.Distinct(StringComparer.Ordinal))
            {
                services.Add(organisation.OrganisationId, service);
            }
        }
        await organisations.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
        await services.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteChildrenAsync(BulkWriter writer, IReadOnlyList<SyntheticChild> children, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(context);
        _organisationsByService ??= context.Reference.Organisations
            .SelectMany(o => o.Services.Select(s => (Service: s, Organisation: o)))
            .GroupBy(p => p.Service, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Organisation).ToArray(), StringComparer.Ordinal);
        _workersByOrganisation ??= context.Reference.Organisations
            .ToDictionary(o => o.OrganisationId, o => context.Reference.WorkersIn(o.OrganisationId).ToArray(), StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (child.VoluntarySector is { } record)
            {
                WriteChild(child, record, context);
            }
        }
        await _tables.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    private void WriteChild(SyntheticChild child, AgencyRecord record, GenerationContext context)
    {
        var t = _tables;
        var rng = context.RandomFor(child, Agency);
        var today = context.ReferenceDate;
        var id = record.LocalId;
        var who = record.Recorded;
        var c = child.Circumstances;
        var born = child.Truth.DateOfBirth;

        DateOnly? registered = null;
        string? registeredBy = null;
        string? firstKeyworker = null;
        var engagementNumber = 0;
        foreach (var service in c.VcsServices)
        {
            engagementNumber++;
            var engagementId = id + "-E" + engagementNumber;
            var organisation = PickOrganisation(rng, service, context.Reference);
            var keyworker = PickKeyworker(rng, organisation);
            var start = StartDate(rng, born, today, service);
            var ended = today.DayNumber - start.DayNumber > 120 && rng.NextDouble() < 0.45;
            DateOnly? end = ended ? SynthDates.Clamp(start.AddDays(rng.Next(60, 400)), start.AddDays(1), today.AddDays(-1)) : null;
            var weeks = Math.Max(1, ((end ?? today).DayNumber - start.DayNumber) / 7);
            var offered = Math.Min(weeks, 60);
            var attended = (int)Math.Round(offered * (0.35 + 0.65 * rng.NextDouble()));
            t.Engagements.Add(engagementId, id, organisation.OrganisationId, service, start, end, offered, attended,
                keyworker?.WorkerId, keyworker?.Name, Route(rng, c), end is null ? null : EndReasons.Pick(rng));
            if (registered is null || start < registered)
            {
                registered = start;
                registeredBy = organisation.OrganisationId;
            }
            firstKeyworker ??= keyworker is null ? null : Signature(service, keyworker);

            var last = end ?? today;
            var notes = rng.Next(1, 5);
            for (var n = 1; n <= notes; n++)
            {
                t.Notes.Add(engagementId + "-N" + n, engagementId, id, SynthDates.Between(rng, start, last), KeyworkerNotePhrases.SessionType(rng, service),
                    keyworker?.Name ?? organisation.Name, KeyworkerNotePhrases.Compose(rng, service, SynthDates.AgeOn(born, start)));
            }
            WriteStar(rng, id, engagementId, service, born, start, last);
        }

        t.Participants.Add(id, who.Forename, who.MiddleName, who.Surname, record.IdentityIssues.Contains(IdentityIssues.PreferredForename) ? who.Forename : null,
            who.DateOfBirth, who.Sex, who.Postcode, who.NhsNumber, null, registered, registeredBy);

        var since = registered ?? today.AddDays(-30);
        WriteMeasures(rng, id, c, born, since, today);

        var recordedBy = firstKeyworker ?? "Keyworker";
        var voices = rng.Next(1, 4);
        for (var v = 1; v <= voices; v++)
        {
            var on = SynthDates.Between(rng, SynthDates.Clamp(since, born, today), today);
            var ageThen = SynthDates.AgeOn(born, on);
            t.Voice.Add(id + "-V" + v, id, on, VoiceBank.Say(rng, ageThen, VoiceTopics[rng.Next(VoiceTopics.Length)]),
                rng.NextDouble() < 0.5 ? VoiceBank.Wish(rng, ageThen) : null, recordedBy,
                ageThen < 5 ? KeyworkerNotePhrases.YoungChildSetting(rng) : VoiceBank.Setting(rng, Population.Agency.VoluntarySector),
                VoiceBank.Method(rng, ageThen));
        }

        var preferenceNumber = 0;
        foreach (var wish in child.Preferences)
        {
            if (wish.HeldBy != Population.Agency.VoluntarySector)
            {
                continue;
            }

            preferenceNumber++;
            t.Preferences.Add(id + "-P" + preferenceNumber, id, wish.Code, wish.DataCategory, wish.WithheldFromPurposes, wish.WithheldFromAgencies,
                wish.ExpressedBy, wish.Statement, wish.RecordedOn, recordedBy);
        }
    }

    /// <summary>SDQ (ages 4–17: self-report from 11, else a parent) and WEMWBS (ages 13–16): a baseline and, after six months, a review.</summary>
    private void WriteMeasures(Random rng, string id, Circumstances c, DateOnly born, DateOnly since, DateOnly today)
    {
        var pressure = (c.ChildInNeed ? 3 : 0) + (c.ChildProtectionPlan || c.LookedAfter ? 2 : 0) + (c.YoungCarer ? 2 : 0)
            + (c.PrimarySenType == "SEMH" ? 3 : 0);
        var baseline = SynthDates.Clamp(since.AddDays(rng.Next(7, 29)), since, today);
        var review = baseline.AddDays(rng.Next(170, 200));
        var hasReview = review <= today;

        var ageAtBaseline = SynthDates.AgeOn(born, baseline);
        if (ageAtBaseline is >= 4 and <= 17)
        {
            var respondent = ageAtBaseline >= 11 ? "SELF" : "PARENT";
            WriteSdq(rng, id + "-SDQ1", id, baseline, respondent, pressure, 0);
            if (hasReview && SynthDates.AgeOn(born, review) <= 17)
            {
                WriteSdq(rng, id + "-SDQ2", id, review, respondent, pressure, rng.Next(0, 4));
            }

            if (rng.NextDouble() < 0.15)
            {
                WriteSdq(rng, id + "-SDQ3", id, SynthDates.Clamp(baseline.AddDays(rng.Next(1, 21)), baseline, today), "TEACHER", pressure, 0);
            }
        }

        if (ageAtBaseline is >= 13 and <= 16)
        {
            var score = Math.Clamp(47 - pressure * 2 + rng.Next(-8, 9), 14, 70);
            _tables.Wemwbs.Add(id + "-W1", id, baseline, score);
            if (hasReview && SynthDates.AgeOn(born, review) <= 16)
            {
                _tables.Wemwbs.Add(id + "-W2", id, review, Math.Clamp(score + rng.Next(-3, 9), 14, 70));
            }
        }
    }

    private void WriteSdq(Random rng, string sdqId, string id, DateOnly on, string respondent, int pressure, int improvement)
    {
        int Scale(int typical) => Math.Clamp(typical + pressure / 3 + rng.Next(-2, 3) - improvement / 2, 0, 10);
        _tables.Sdq.Add(sdqId, id, on, respondent, Scale(3), Scale(2), Scale(4), Scale(2), Math.Clamp(8 - pressure / 4 + rng.Next(-2, 3), 0, 10));
    }

    /// <summary>Journey-of-change readings on four scales: a baseline within four weeks, then reviews about every twelve.</summary>
    private void WriteStar(Random rng, string id, string engagementId, string service, DateOnly born, DateOnly start, DateOnly last)
    {
        var ageAtStart = SynthDates.AgeOn(born, start);
        string star;
        string[] scales;
        if (service == "FAMILY_SUPPORT")
        {
            (star, scales) = ("FAMILY_STAR_PLUS", FamilyStarScales);
        }
        else if (ageAtStart is >= 7 and <= 14)
        {
            (star, scales) = ("MY_STAR", MyStarScales);
        }
        else
        {
            return;
        }

        var first = rng.Next(scales.Length);
        var when = SynthDates.Clamp(start.AddDays(rng.Next(3, 29)), start, last);
        Span<int> scores = stackalloc int[4];
        for (var s = 0; s < 4; s++)
        {
            scores[s] = rng.Next(2, 7);
        }

        for (var reading = 0; reading < 4 && when <= last; reading++)
        {
            var type = reading == 0 ? "BASELINE" : "REVIEW";
            for (var s = 0; s < 4; s++)
            {
                if (reading > 0)
                {
                    scores[s] = Math.Clamp(scores[s] + rng.Next(-1, 3), 1, 10);
                }

                _tables.Star.Add(engagementId + "-S" + reading + s, id, engagementId, star, scales[(first + s) % scales.Length], scores[s], when, type);
            }
            when = when.AddDays(rng.Next(77, 99));
        }
    }

    private static string Signature(string service, Worker keyworker) => service switch
    {
        "YOUTH_WORK" => "Youth Worker, ",
        "YOUNG_CARERS" => "Young Carers Worker, ",
        "MENTORING" => "Mentor, ",
        _ => "Family Support Worker, ",
    } + keyworker.Name;

    private Organisation PickOrganisation(Random rng, string service, ReferenceData reference)
    {
        if (_organisationsByService!.TryGetValue(service, out var running) && running.Length > 0)
        {
            return running[rng.Next(running.Length)];
        }

        return reference.Organisations[rng.Next(reference.Organisations.Count)];
    }

    private Worker? PickKeyworker(Random rng, Organisation organisation) =>
        _workersByOrganisation!.TryGetValue(organisation.OrganisationId, out var workers) && workers.Length > 0
            ? workers[rng.Next(workers.Length)]
            : null;

    /// <summary>When the young person started: youth work and mentoring from 8, young carers from 5, family support at any age.</summary>
    private static DateOnly StartDate(Random rng, DateOnly born, DateOnly today, string service)
    {
        var minimumAge = service switch { "YOUTH_WORK" or "MENTORING" => 8, "YOUNG_CARERS" => 5, _ => 0 };
        var earliest = SynthDates.Clamp(born.AddYears(minimumAge), born, today.AddDays(-1));
        var lo = SynthDates.Clamp(today.AddDays(-900), earliest, today.AddDays(-1));
        return SynthDates.Between(rng, lo, SynthDates.Clamp(today.AddDays(-14), lo, today.AddDays(-1)));
    }

    private static string Route(Random rng, Circumstances c) =>
        c.ChildInNeed && rng.NextDouble() < 0.35 ? "SOCIAL_CARE"
        : c.EarlyHelp && rng.NextDouble() < 0.35 ? "EARLY_HELP"
        : Routes.Pick(rng);
}
