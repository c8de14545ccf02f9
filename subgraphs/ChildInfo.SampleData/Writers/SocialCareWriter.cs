using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Voice;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.SocialCare;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// Writes the social care database (Standard Safeguarding Dataset tables) for children known to social care:
/// the person as social care recorded them, their case history (<see cref="SocialCareCaseHistory"/>), the
/// child's own words and questionnaire answers, and the family's data-use wishes held by social care.
/// </summary>
public sealed class SocialCareWriter : IAgencyWriter
{
    private static readonly string[] VoiceTopicsProtection = ["safety", "home", "school", "friends", "support"];
    private static readonly string[] VoiceTopicsCare = ["home", "future", "friends", "school", "support", "activities"];
    private static readonly string[] VoiceTopicsEarlyHelp = ["school", "home", "friends", "support", "activities", "health"];

    private readonly SocialCareTables _tables = new();
    private SocialCareStaff? _staff;

    public string Agency => Population.Agency.SocialCare;

    public AgencySchema Schema => SocialCareSubgraph.Schema;

    public async Task WriteReferenceDataAsync(BulkWriter writer, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        var departments = new TableRows("ssd_department", "dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name");
        var professionals = new TableRows("ssd_professionals", "prof_professional_id", "prof_staff_id", "prof_professional_name",
            "prof_social_worker_registration_no", "prof_professional_job_title", "prof_professional_department", "prof_full_time_equivalency",
            "prof_agency_worker_flag");
        var parentName = context.Reference.LaName + " Children's Services";
        foreach (var team in context.Reference.Teams)
        {
            departments.Add(team.TeamId, team.Name, "CS", parentName);
            var rng = new Random(GenerationContext.StableHash(team.TeamId));
            foreach (var worker in context.Reference.WorkersIn(team.TeamId))
            {
                var title = SocialCareStaff.JobTitle(team, worker);
                var registered = title is "Social Worker" or "Team Manager";
                professionals.Add(worker.WorkerId, "S" + worker.WorkerId[1..], worker.Name,
                    registered ? "SW" + rng.Next(10_000, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    title, team.TeamId, rng.NextDouble() < 0.8 ? 1.0m : 0.8m, rng.NextDouble() < 0.12 ? 'Y' : 'N');
            }
        }
        await departments.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
        await professionals.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteChildrenAsync(BulkWriter writer, IReadOnlyList<SyntheticChild> children, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(context);
        _staff ??= new SocialCareStaff(context.Reference);
        foreach (var child in children)
        {
            if (child.SocialCare is { } record)
            {
                WriteChild(child, record, context, _staff);
            }
        }
        await _tables.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    private void WriteChild(SyntheticChild child, AgencyRecord record, GenerationContext context, SocialCareStaff staff)
    {
        var t = _tables;
        var rng = context.RandomFor(child, Agency);
        var today = context.ReferenceDate;
        var id = record.LocalId;
        var who = record.Recorded;
        var c = child.Circumstances;
        var age = child.AgeOn(today);

        t.Person.Add(id, rng.NextDouble() < 0.2 ? "SWIFT" + id[2..] : null, who.Forename, who.Surname, who.Sex.ToString(),
            who.Sex switch { 'M' => "01", 'F' => "02", _ => "00" }, child.Ethnicity, who.DateOfBirth, who.NhsNumber,
            who.Upn is not null ? null : age < 5 ? "UN1" : "UN4", c.SenProvision == 'E' ? 'Y' : 'N');

        var born = child.Truth.DateOfBirth;
        t.Address.Add(id + "-AD1", id, "HOME", SynthDates.Between(rng, SynthDates.Clamp(today.AddDays(-3000), born, today), today), null, who.Postcode.Replace(" ", "", StringComparison.Ordinal));
        if (who.Upn is { } upn)
        {
            t.LinkedIdentifiers.Add(id + "-LI1", id, "Unique Pupil Number", upn, SynthDates.Clamp(born.AddYears(4), born, today), null);
        }

        if (c.ChildInNeed)
        {
            var disability = c.SenProvision is 'E' or 'K' && rng.NextDouble() < 0.45 ? DisabilityFor(c.PrimarySenType) : "NONE";
            t.Disability.Add(id + "-D1", id, disability);
        }

        var facts = SocialCareCaseHistory.Write(t, staff, child, id, rng, today);
        var recordedBy = staff.Signature(facts.Worker);
        WriteVoice(child, id, rng, today, facts.KnownSince, recordedBy);

        var preferenceNumber = 0;
        foreach (var wish in child.Preferences)
        {
            if (wish.HeldBy != Population.Agency.SocialCare)
            {
                continue;
            }

            preferenceNumber++;
            t.Preferences.Add(id + "-DP" + preferenceNumber, id, wish.Code, wish.DataCategory, wish.WithheldFromPurposes, wish.WithheldFromAgencies,
                wish.ExpressedBy, wish.Statement, wish.RecordedOn, recordedBy);
        }
    }

    private void WriteVoice(SyntheticChild child, string id, Random rng, DateOnly today, DateOnly knownSince, string recordedBy)
    {
        var c = child.Circumstances;
        var born = child.Truth.DateOfBirth;
        var topics = c.ChildProtectionPlan ? VoiceTopicsProtection : c.LookedAfter ? VoiceTopicsCare : VoiceTopicsEarlyHelp;
        var count = c.ChildProtectionPlan || c.LookedAfter ? rng.Next(1, 4) : c.ChildInNeed ? rng.Next(1, 3) : rng.Next(0, 2);
        var from = SynthDates.Clamp(knownSince, born, today);
        for (var i = 1; i <= count; i++)
        {
            var on = SynthDates.Between(rng, from, today);
            var ageThen = SynthDates.AgeOn(born, on);
            _tables.Voice.Add(id + "-CV" + i, id, on, VoiceBank.Say(rng, ageThen, topics[rng.Next(topics.Length)]),
                rng.NextDouble() < 0.6 ? VoiceBank.Wish(rng, ageThen) : null, recordedBy, Setting(rng, c), VoiceBank.Method(rng, ageThen));
        }

        // The SSD's draft voice questions, asked of children old enough on a plan or in care.
        if ((c.ChildProtectionPlan || c.LookedAfter) && child.AgeOn(today) >= 5)
        {
            _tables.VoiceQuestionnaire.Add(id + "-VQ1", id, YesNo(rng, 0.75), YesNo(rng, 0.6), YesNo(rng, 0.65), YesNo(rng, 0.7),
                rng.NextDouble() < 0.5 ? YesNo(rng, 0.7) : null);
        }
    }

    /// <summary>Where the child was heard; care reviews and placement visits only for a child in care, conferences only on a plan.</summary>
    private static string Setting(Random rng, Circumstances c)
    {
        var setting = VoiceBank.Setting(rng, Population.Agency.SocialCare);
        for (var attempt = 0; attempt < 4 && !Fits(setting, c); attempt++)
        {
            setting = VoiceBank.Setting(rng, Population.Agency.SocialCare);
        }

        return Fits(setting, c) ? setting : "Home visit";

        static bool Fits(string setting, Circumstances c) =>
            (c.LookedAfter || !(setting.Contains("care review", StringComparison.Ordinal) || setting.Contains("Placement", StringComparison.Ordinal)))
            && (c.ChildProtectionPlan || !setting.Contains("protection conference", StringComparison.Ordinal));
    }

    private static object YesNo(Random rng, double yes) => rng.NextDouble() < yes ? 'Y' : 'N';

    private static string DisabilityFor(string? senType) => senType switch
    {
        "ASD" => "AUT",
        "SLCN" => "COMM",
        "HI" => "HEAR",
        "VI" => "VIS",
        "PD" => "MOB",
        "SEMH" => "BEH",
        "MSI" => "HEAR",
        _ => "LD",
    };
}
