using System.Globalization;
using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Voice;
using ChildInfo.Subgraphs.Education;
using ChildInfo.Subgraphs.Education.Attendance;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// Writes the education database as a school MIS / census would hold it: pupils, enrolments, the last three
/// collected terms of attendance (one term in arrears), suspensions and exclusions, SEN, FSM, pupil voice and the
/// family's data-use wishes. Every detail follows the child's <see cref="Circumstances"/>.
/// </summary>
public sealed class EducationWriter : IAgencyWriter
{
    private static readonly string[] SchoolColumns = ["URN", "LAEstab", "SchoolName", "Phase", "Postcode"];
    private static readonly string[] PupilColumns = ["UPN", "FormerUPN", "Surname", "Forename", "MiddleNames", "PreferredSurname", "FormerSurname",
        "Sex", "DOB", "Ethnicity", "Language", "FSMeligible", "EVERFSM_6", "NCyearActual", "ServiceChild", "SENprovision", "Postcode"];
    private static readonly string[] EnrolmentColumns = ["EnrolmentId", "UPN", "URN", "EntryDate", "LeavingDate", "EnrolStatus"];
    private static readonly string[] AttendanceColumns = ["UPN", "AcademicYear", "Term", "TermStart", "URN", "SessionsPossible", "SessionsPresent",
        "SessionsApprovedActivity", "SessionsAuthorisedAbsence", "SessionsUnauthorisedAbsence"];
    private static readonly string[] CodeColumns = ["UPN", "AcademicYear", "Term", "AttendanceCode", "Sessions"];
    private static readonly string[] ExclusionColumns = ["ExclusionId", "UPN", "URN", "StartDate", "Category", "Sessions", "Reason1", "Reason2", "Reason3"];
    private static readonly string[] SenColumns = ["UPN", "SENtypeRanking", "SENtype"];
    private static readonly string[] FsmColumns = ["UPN", "FSMStartDate", "FSMEndDate"];
    private static readonly string[] VoiceColumns = ["VoiceId", "UPN", "RecordedOn", "Words", "WishesAndFeelings", "RecordedBy", "Setting", "Method"];
    private static readonly string[] PreferenceColumns = ["PreferenceId", "UPN", "Code", "DataCategory", "WithheldFromPurposes", "WithheldFromAgencies",
        "ExpressedBy", "Statement", "RecordedOn", "RecordedBy"];

    /// <summary>Reasons weighted roughly as the national suspension statistics: disruptive behaviour far ahead.</summary>
    private static readonly string[] Reasons = ["DB", "DB", "DB", "DB", "DB", "PA", "PA", "VA", "VA", "VA", "PP", "PP", "VP", "VP", "DA", "OW", "BU", "DM", "TH", "MT", "RA", "SM", "LG", "DS", "PH"];
    private static readonly string[] SecondaryTypes = ["SEMH", "SLCN", "SPLD", "MLD", "ASD", "OTH", "PD", "HI", "VI"];
    private static readonly string[] VoiceTopics = ["school", "school", "friends", "support", "future", "activities", "safety", "home", "health"];
    private static readonly string[] VoiceRoles = ["Learning mentor", "School council lead", "Class teacher", "Form tutor", "Pastoral lead", "SENCo"];

    public string Agency => Population.Agency.Education;

    public AgencySchema Schema => EducationSubgraph.TableDefinitions;

    public Task WriteReferenceDataAsync(BulkWriter writer, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        var la = context.Reference.LaCode.ToString("000", CultureInfo.InvariantCulture);
        return writer.InsertAsync("SCHOOL", SchoolColumns, context.Reference.Schools.Select(s => new object?[]
        {
            s.Urn, la + s.Establishment.ToString("0000", CultureInfo.InvariantCulture), s.Name, PhaseCode(s.Phase), s.Postcode,
        }), cancellationToken);
    }

    public async Task WriteChildrenAsync(BulkWriter writer, IReadOnlyList<SyntheticChild> children, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(context);
        var rows = new Rows();
        var terms = SchoolTerm.Collected(context.ReferenceDate, 3);
        foreach (var child in children)
        {
            if (child.Education is { } record && child.Enrolments.Count > 0)
            {
                AddPupil(rows, child, record, terms, context);
            }
        }
        await writer.InsertAsync("PUPIL", PupilColumns, rows.Pupils, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_ENROLMENT", EnrolmentColumns, rows.Enrolments, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_ATTENDANCE", AttendanceColumns, rows.Attendance, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_ATTENDANCE_CODE", CodeColumns, rows.Codes, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_EXCLUSION", ExclusionColumns, rows.Exclusions, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_SEN_TYPE", SenColumns, rows.Sen, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_FSM", FsmColumns, rows.Fsm, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_VOICE", VoiceColumns, rows.Voice, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("PUPIL_DATA_PREFERENCE", PreferenceColumns, rows.Preferences, cancellationToken).ConfigureAwait(false);
    }

    private static void AddPupil(Rows rows, SyntheticChild child, AgencyRecord record, IReadOnlyList<SchoolTerm> terms, GenerationContext context)
    {
        var rng = context.RandomFor(child, Population.Agency.Education);
        var today = context.ReferenceDate;
        var c = child.Circumstances;
        var upn = record.LocalId;
        var id = record.Recorded;
        var age = child.AgeOn(today);
        var nc = SchoolCalendar.NcYear(child.Truth.DateOfBirth, today);
        var everFsm = c.FsmEligible || rng.NextDouble() < 0.07;
        // A surname change the school knows about: the legal surname now, the old one kept as former.
        string? formerSurname = null;
        string? preferredSurname = null;
        if (record.IdentityIssues.Contains(IdentityIssues.ChangedSurname) && child.Truth.Surname != id.Surname)
        {
            preferredSurname = child.Truth.Surname;
        }
        else if (rng.NextDouble() < 0.02)
        {
            formerSurname = child.Truth.Surname + (rng.NextDouble() < 0.5 ? "-Smith" : "-Jones");
        }

        var formerUpn = rng.NextDouble() < 0.01 ? string.Concat(upn.AsSpan(0, 12), "A") : null;

        rows.Pupils.Add([upn, formerUpn, id.Surname, id.Forename, id.MiddleName, preferredSurname, formerSurname, id.Sex, id.DateOfBirth,
            child.Ethnicity, child.Language, Flag(c.FsmEligible), Flag(everFsm), nc == 0 ? "R" : nc.ToString(CultureInfo.InvariantCulture),
            Flag(rng.NextDouble() < 0.012), c.SenProvision, id.Postcode]);

        var enrolments = child.Enrolments;
        for (var i = 0; i < enrolments.Count; i++)
        {
            var e = enrolments[i];
            rows.Enrolments.Add([upn + "-" + i.ToString(CultureInfo.InvariantCulture), upn, e.SchoolUrn, e.EntryDate, e.LeavingDate, e.EnrolStatus[0]]);
        }

        AddAttendance(rows, rng, upn, c, enrolments, terms);
        AddExclusions(rows, rng, upn, c, enrolments, today);

        if (c.SenProvision is 'K' or 'E')
        {
            var primary = c.PrimarySenType ?? (c.SenProvision == 'K' ? "NSA" : "SEMH");
            rows.Sen.Add([upn, 1, primary]);
            if (primary != "NSA" && rng.NextDouble() < 0.3)
            {
                var secondary = SecondaryTypes[rng.Next(SecondaryTypes.Length)];
                if (secondary != primary)
                {
                    rows.Sen.Add([upn, 2, secondary]);
                }
            }
        }

        if (everFsm)
        {
            var firstEntry = enrolments[0].EntryDate;
            var start = firstEntry.AddDays(rng.Next(0, Math.Max(1, today.DayNumber - firstEntry.DayNumber)));
            DateOnly? end = c.FsmEligible ? null : start.AddDays(rng.Next(90, 900));
            if (end > today)
            {
                end = today.AddDays(-rng.Next(1, 60));
            }

            rows.Fsm.Add([upn, start, end < start ? start : end]);
        }

        var voices = rng.NextDouble() < 0.55 ? 1 + rng.Next(c.SenProvision == 'N' ? 2 : 3) : 0;
        for (var v = 0; v < voices; v++)
        {
            var recordedOn = SchoolCalendar.NextWeekday(today.AddDays(-rng.Next(7, 365)));
            var role = c.SenProvision != 'N' && v == 0 ? "SENCo" : VoiceRoles[rng.Next(VoiceRoles.Length - 1)];
            rows.Voice.Add([upn + "-V" + v.ToString(CultureInfo.InvariantCulture), upn, recordedOn,
                VoiceBank.Say(rng, age, VoiceTopics[rng.Next(VoiceTopics.Length)]),
                rng.NextDouble() < 0.5 ? VoiceBank.Wish(rng, age) : null,
                role, VoiceBank.Setting(rng, Population.Agency.Education), VoiceBank.Method(rng, age)]);
        }

        var p = 0;
        foreach (var wish in child.Preferences)
        {
            if (wish.HeldBy != Population.Agency.Education)
            {
                continue;
            }

            rows.Preferences.Add([upn + "-P" + (p++).ToString(CultureInfo.InvariantCulture), upn, wish.Code, wish.DataCategory, wish.WithheldFromPurposes,
                wish.WithheldFromAgencies, wish.ExpressedBy, wish.Statement, wish.RecordedOn, wish.ExpressedBy == "CHILD" ? "Designated safeguarding lead" : "School office"]);
        }
    }

    /// <summary>Absence drawn around the child's yearly rate; a persistently absent child misses more without leave.</summary>
    private static void AddAttendance(Rows rows, Random rng, string upn, Circumstances c, IReadOnlyList<Enrolment> enrolments, IReadOnlyList<SchoolTerm> terms)
    {
        foreach (var term in terms)
        {
            var school = OnRollAt(enrolments, term.End);
            if (school is null)
            {
                continue;
            }

            var possible = term.Sessions;
            if (school.EntryDate > term.Start)
            {
                possible = possible * (term.End.DayNumber - school.EntryDate.DayNumber) / Math.Max(1, term.End.DayNumber - term.Start.DayNumber);
            }

            if (possible <= 0)
            {
                continue;
            }

            var absent = Math.Min(possible, (int)Math.Round(possible * c.AbsenceRate * (0.75 + (rng.NextDouble() * 0.5))));
            var unauthorisedShare = c.PersistentlyAbsent ? 0.35 + (rng.NextDouble() * 0.3) : rng.NextDouble() * 0.3;
            var unauthorised = (int)Math.Round(absent * unauthorisedShare);
            var authorised = absent - unauthorised;
            var approved = rng.NextDouble() < 0.15 ? Math.Min(possible - absent, rng.Next(1, 5)) : 0;
            var year = term.AcademicYear;
            rows.Attendance.Add([upn, year, term.Code, term.Start, school.SchoolUrn, possible, possible - absent - approved, approved, authorised, unauthorised]);
            Split(rows, rng, upn, year, term.Code, authorised, AttendanceCodes.AuthorisedAbsence, 4);
            Split(rows, rng, upn, year, term.Code, unauthorised, AttendanceCodes.UnauthorisedAbsence, 3);
        }
    }

    /// <summary>Puts sessions under one code, now and then two (fewer rows keep generation fast); the commonest code most likely.</summary>
    private static void Split(Rows rows, Random rng, string upn, string year, string term, int sessions, IReadOnlyList<string> codes, int spread)
    {
        if (sessions <= 0)
        {
            return;
        }

        var first = codes[rng.NextDouble() < 0.7 ? 0 : rng.Next(Math.Min(spread, codes.Count))];
        var second = codes[rng.Next(Math.Min(spread, codes.Count))];
        if (second == first || sessions < 3 || rng.NextDouble() < 0.75)
        {
            rows.Codes.Add([upn, year, term, first, sessions]);
            return;
        }
        var part = 1 + rng.Next(sessions / 2);
        rows.Codes.Add([upn, year, term, first, sessions - part]);
        rows.Codes.Add([upn, year, term, second, part]);
    }

    private static void AddExclusions(Rows rows, Random rng, string upn, Circumstances c, IReadOnlyList<Enrolment> enrolments, DateOnly today)
    {
        var first = enrolments[0].EntryDate;
        var from = Math.Max(first.DayNumber, today.AddYears(-2).DayNumber);
        for (var s = 0; s < c.Suspensions; s++)
        {
            var date = SchoolCalendar.NextWeekday(DateOnly.FromDayNumber(from + rng.Next(Math.Max(1, today.DayNumber - from))));
            if (date > today)
            {
                date = today;
            }

            var school = OnRollAt(enrolments, date) ?? enrolments[^1];
            var sessions = rng.NextDouble() < 0.6 ? 2 : rng.Next(1, 11);
            AddExclusion(rows, rng, upn + "-S" + s.ToString(CultureInfo.InvariantCulture), upn, school.SchoolUrn, date, "SUSPENSION", sessions);
        }
        if (c.PermanentlyExcluded)
        {
            // The spell that ended with a move to the pupil referral unit (or the latest that ended).
            Enrolment? ended = null;
            foreach (var e in enrolments)
            {
                if (e.LeavingDate is not null)
                {
                    ended = e;
                }
            }
            if (ended is not null)
            {
                AddExclusion(rows, rng, upn + "-PX", upn, ended.SchoolUrn, SchoolCalendar.NextWeekday(ended.LeavingDate!.Value.AddDays(-rng.Next(5, 20))), "PERMANENT", rng.Next(1, 4));
            }
        }
    }

    private static void AddExclusion(Rows rows, Random rng, string id, string upn, int urn, DateOnly date, string category, int sessions)
    {
        var reason1 = Reasons[rng.Next(Reasons.Length)];
        string? reason2 = rng.NextDouble() < 0.3 ? Reasons[rng.Next(Reasons.Length)] : null;
        if (reason2 == reason1)
        {
            reason2 = null;
        }

        string? reason3 = reason2 is not null && rng.NextDouble() < 0.25 ? Reasons[rng.Next(Reasons.Length)] : null;
        if (reason3 == reason1 || reason3 == reason2)
        {
            reason3 = null;
        }

        rows.Exclusions.Add([id, upn, urn, date, category, sessions, reason1, reason2, reason3]);
    }

    private static Enrolment? OnRollAt(IReadOnlyList<Enrolment> enrolments, DateOnly date)
    {
        Enrolment? found = null;
        foreach (var e in enrolments)
        {
            if (e.EntryDate <= date && (e.LeavingDate is null || e.LeavingDate >= date) && (found is null || e.EnrolStatus != "S"))
            {
                found = e;
            }
        }
        return found;
    }

    private static char Flag(bool value) => value ? 'Y' : 'N';

    private static string PhaseCode(string phase) => phase switch
    {
        "Alternative provision" => "PRU",
        _ => phase.ToUpperInvariant().Replace(' ', '_'),
    };

    private sealed class Rows
    {
        public List<object?[]> Pupils { get; } = [];
        public List<object?[]> Enrolments { get; } = [];
        public List<object?[]> Attendance { get; } = [];
        public List<object?[]> Codes { get; } = [];
        public List<object?[]> Exclusions { get; } = [];
        public List<object?[]> Sen { get; } = [];
        public List<object?[]> Fsm { get; } = [];
        public List<object?[]> Voice { get; } = [];
        public List<object?[]> Preferences { get; } = [];
    }
}
