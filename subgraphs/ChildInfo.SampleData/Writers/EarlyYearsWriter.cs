using System.Globalization;
using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Voice;
using ChildInfo.Subgraphs.EarlyYears;
using ChildInfo.Subgraphs.EarlyYears.Eyfsp;
using ChildInfo.Subgraphs.EarlyYears.HealthVisiting;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// Writes the early years database: children, setting spells, termly funded entitlement (disadvantaged two-year-olds
/// with their basis, universal 15 hours, working-parent 30 and expanded hours, EYPP, DAF), the EYFS profile for
/// children who have finished reception, health visiting reviews with ASQ-3 for children who have reached 2½,
/// what the child showed or said, and the family's data-use wishes.
/// </summary>
public sealed class EarlyYearsWriter : IAgencyWriter
{
    private static readonly string[] SettingColumns = ["URN", "SettingName", "SettingType", "Postcode"];
    private static readonly string[] ChildColumns = ["EYChildId", "NHSNumber", "Surname", "Forename", "MiddleNames", "Sex", "DOB", "Ethnicity", "Language", "Postcode"];
    private static readonly string[] SpellColumns = ["EYChildId", "URN", "StartDate", "LeavingDate"];
    private static readonly string[] FundingColumns = ["EYChildId", "AcademicYear", "Term", "TermStart", "URN", "FundedHours", "ExtendedHours", "ExpandedHours",
        "EligibilityCode", "TwoYearOldBasis", "EYPPR", "DAFIndicator"];
    private static readonly string[] ReviewColumns = ["ReviewId", "EYChildId", "ReviewType", "ReviewDate", "Practitioner", "Venue", "ASQ3_Months",
        "ASQ3_COM_Score", "ASQ3_COM_Zone", "ASQ3_GM_Score", "ASQ3_GM_Zone", "ASQ3_FM_Score", "ASQ3_FM_Zone", "ASQ3_PS_Score", "ASQ3_PS_Zone",
        "ASQ3_PSE_Score", "ASQ3_PSE_Zone"];
    private static readonly string[] VoiceColumns = ["VoiceId", "EYChildId", "RecordedOn", "Words", "WishesAndFeelings", "RecordedBy", "Setting", "Method"];
    private static readonly string[] PreferenceColumns = ["PreferenceId", "EYChildId", "Code", "DataCategory", "WithheldFromPurposes", "WithheldFromAgencies",
        "ExpressedBy", "Statement", "RecordedOn", "RecordedBy"];
    private static readonly string[] EyfspColumns = ["EYChildId", "AssessmentYear", "URN", .. EarlyLearningGoals.All.Select(g => g.Code)];

    /// <summary>Approximate ASQ-3 cut-offs for the five domains (communication, gross motor, fine motor, problem solving, personal-social).</summary>
    private static readonly int[] CutOffs = [25, 38, 35, 30, 32];
    private static readonly string[] Venues = ["HOME", "HOME", "HOME", "CLINIC", "CLINIC", "FAMILY_HUB", "SETTING", "VIRTUAL"];
    private static readonly string[] VoiceTopics = ["home", "friends", "activities", "activities", "health", "safety", "support"];
    private static readonly string[] VoiceRoles = ["Key person", "Key person", "Key person", "Room leader", "Health visitor", "Family hub practitioner"];

    public string Agency => Population.Agency.EarlyYears;

    public AgencySchema Schema => EarlyYearsSubgraph.TableDefinitions;

    public Task WriteReferenceDataAsync(BulkWriter writer, GenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        return writer.InsertAsync("EY_SETTING", SettingColumns,
            context.Reference.Settings.Select(s => new object?[] { s.Urn, s.Name, s.SettingType, s.Postcode }), cancellationToken);
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
            if (child.EarlyYears is { } record)
            {
                AddChild(rows, child, record, terms, context);
            }
        }
        await writer.InsertAsync("EY_CHILD", ChildColumns, rows.Children, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("EY_CHILD_SETTING", SpellColumns, rows.Spells, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("EY_FUNDING", FundingColumns, rows.Funding, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("EYFSP", EyfspColumns, rows.Profiles, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("HV_REVIEW", ReviewColumns, rows.Reviews, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("EY_VOICE", VoiceColumns, rows.Voice, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("EY_DATA_PREFERENCE", PreferenceColumns, rows.Preferences, cancellationToken).ConfigureAwait(false);
    }

    private static void AddChild(Rows rows, SyntheticChild child, AgencyRecord record, IReadOnlyList<SchoolTerm> terms, GenerationContext context)
    {
        var rng = context.RandomFor(child, Population.Agency.EarlyYears);
        var today = context.ReferenceDate;
        var c = child.Circumstances;
        var id = record.LocalId;
        var recorded = record.Recorded;
        var dob = child.Truth.DateOfBirth;
        var age = child.AgeOn(today);
        var receptionYear = SchoolCalendar.ReceptionYear(dob);
        var receptionStart = SchoolCalendar.FirstDayOfAutumnTerm(receptionYear);

        rows.Children.Add([id, recorded.NhsNumber, recorded.Surname, recorded.Forename, recorded.MiddleName, recorded.Sex, recorded.DateOfBirth,
            child.Ethnicity, child.Language, recorded.Postcode]);

        // The setting: the one the child attends now, or (for children now at school) one they left for reception.
        var urn = child.EarlyYearsSettingUrn;
        DateOnly? left = null;
        if (urn is null && receptionStart <= today && rng.NextDouble() < 0.85)
        {
            urn = context.Reference.Settings[rng.Next(context.Reference.Settings.Count)].Urn;
            left = new DateOnly(receptionYear, 7, 20);
        }
        DateOnly? started = null;
        if (urn is { } settingUrn)
        {
            var startAgeDays = c.TwoYearOldBasis is not null || c.ExtendedHours ? rng.Next(300, 900) : rng.Next(700, 1200);
            var start = SchoolCalendar.NextWeekday(dob.AddDays(startAgeDays));
            if (start > today)
            {
                start = SchoolCalendar.NextWeekday(today.AddDays(-rng.Next(7, 60)));
            }

            if (start < dob)
            {
                start = dob.AddDays(1);
            }

            started = start;
            rows.Spells.Add([id, settingUrn, start, left]);
            AddFunding(rows, rng, id, c, dob, settingUrn, start, left, receptionStart, terms);
        }

        AddProfile(rows, rng, child, id, receptionYear, today);
        AddReviews(rows, rng, id, c, dob, today);

        var voices = started is null ? (rng.NextDouble() < 0.3 ? 1 : 0) : 1 + rng.Next(2);
        var voiceAge = Math.Min(age, 5);
        for (var v = 0; v < voices; v++)
        {
            var earliest = Math.Max((started ?? dob.AddDays(200)).DayNumber, dob.AddDays(200).DayNumber);
            var latest = (left ?? today).DayNumber;
            var recordedOn = SchoolCalendar.NextWeekday(DateOnly.FromDayNumber(earliest + rng.Next(Math.Max(1, latest - earliest))));
            if (recordedOn > today)
            {
                recordedOn = today;
            }

            var ageThen = Math.Clamp(AgeOn(dob, recordedOn), 0, voiceAge);
            rows.Voice.Add([id + "-V" + v.ToString(CultureInfo.InvariantCulture), id, recordedOn,
                VoiceBank.Say(rng, ageThen, VoiceTopics[rng.Next(VoiceTopics.Length)]),
                rng.NextDouble() < 0.4 ? VoiceBank.Wish(rng, ageThen) : null,
                VoiceRoles[rng.Next(VoiceRoles.Length)], VoiceBank.Setting(rng, Population.Agency.EarlyYears), VoiceBank.Method(rng, ageThen)]);
        }

        var p = 0;
        foreach (var wish in child.Preferences)
        {
            if (wish.HeldBy != Population.Agency.EarlyYears)
            {
                continue;
            }

            rows.Preferences.Add([id + "-P" + (p++).ToString(CultureInfo.InvariantCulture), id, wish.Code, wish.DataCategory, wish.WithheldFromPurposes,
                wish.WithheldFromAgencies, wish.ExpressedBy, wish.Statement, wish.RecordedOn, "Setting manager"]);
        }
    }

    /// <summary>
    /// One row a term while at the setting, from the term after the relevant birthday: disadvantaged two-year-olds
    /// (basis codes), universal 15 hours at three and four, working-parent extended hours at three and four, and
    /// expanded hours from nine months to under three.
    /// </summary>
    private static void AddFunding(Rows rows, Random rng, string id, Circumstances c, DateOnly dob, int urn, DateOnly start, DateOnly? left,
        DateOnly receptionStart, IReadOnlyList<SchoolTerm> terms)
    {
        var eligibilityCode = c.ExtendedHours ? "5" + rng.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture) : null;
        foreach (var term in terms)
        {
            if (term.End < start || (left is { } l && term.Start > l) || term.Start >= receptionStart)
            {
                continue;
            }

            var ageMonths = MonthsBetween(dob, term.Start);
            decimal funded = 0, extended = 0, expanded = 0;
            string? basis = null;
            if (ageMonths >= 36)
            {
                funded = 15m;
                if (c.ExtendedHours)
                {
                    extended = 15m;
                }
            }
            else if (ageMonths >= 24 && c.TwoYearOldBasis is not null)
            {
                funded = 15m;
                basis = c.TwoYearOldBasis;
            }
            else if (ageMonths >= 9 && c.ExtendedHours)
            {
                expanded = 15m;
            }
            if (funded == 0 && extended == 0 && expanded == 0)
            {
                continue;
            }

            rows.Funding.Add([id, term.AcademicYear, term.Code, term.Start, urn, funded, extended, expanded,
                extended > 0 || expanded > 0 ? eligibilityCode : null, basis,
                Flag(c.EarlyYearsPupilPremium && ageMonths >= 36), Flag(c.DisabilityAccessFund && ageMonths >= 36)]);
        }
    }

    /// <summary>The EYFS profile, for children whose reception year ended (profiles are returned in June) before today.</summary>
    private static void AddProfile(Rows rows, Random rng, SyntheticChild child, string id, int receptionYear, DateOnly today)
    {
        if (today < new DateOnly(receptionYear + 1, 7, 1))
        {
            return;
        }

        var c = child.Circumstances;
        var gldChance = c.SenProvision switch { 'E' => 0.04, 'K' => 0.24, _ => 0.72 } - (c.FsmEligible ? 0.17 : 0);
        var gld = rng.NextDouble() < gldChance;
        var row = new object?[3 + EarlyLearningGoals.All.Count];
        row[0] = id;
        row[1] = receptionYear.ToString(CultureInfo.InvariantCulture) + "/" + ((receptionYear + 1) % 100).ToString("00", CultureInfo.InvariantCulture);
        row[2] = child.Enrolments.Count > 0 ? child.Enrolments[0].SchoolUrn : 0;
        var missedGld = gld ? -1 : rng.Next(12);
        for (var g = 0; g < EarlyLearningGoals.All.Count; g++)
        {
            var goal = EarlyLearningGoals.All[g];
            bool expected;
            if (goal.CountsTowardsGld)
            {
                expected = gld || (g != missedGld && rng.NextDouble() < 0.7);
            }
            else
            {
                expected = rng.NextDouble() < (gld ? 0.93 : 0.6);
            }

            row[3 + g] = expected ? EarlyLearningGoals.Expected : EarlyLearningGoals.Emerging;
        }
        rows.Profiles.Add(row);
    }

    /// <summary>The five mandated reviews that are due by today, most of them done; ASQ-3 once the child has reached 2½.</summary>
    private static void AddReviews(Rows rows, Random rng, string id, Circumstances c, DateOnly dob, DateOnly today)
    {
        var practitioner = "Health visitor (team " + (char)('A' + rng.Next(6)) + ")";
        AddReview(rows, rng, id, "-AN", ReviewCodes.Antenatal, dob.AddDays(-rng.Next(56, 84)), today, 0.85, practitioner);
        AddReview(rows, rng, id, "-NB", ReviewCodes.NewBirth, dob.AddDays(rng.Next(10, 15)), today, 0.97, practitioner);
        AddReview(rows, rng, id, "-68", ReviewCodes.SixToEightWeeks, dob.AddDays(rng.Next(42, 57)), today, 0.88, practitioner);
        AddReview(rows, rng, id, "-12", ReviewCodes.TwelveMonths, dob.AddMonths(12).AddDays(rng.Next(-14, 70)), today, 0.82, practitioner);
        if (today < dob.AddMonths(30) || rng.NextDouble() >= 0.76)
        {
            return;
        }

        var months = rng.NextDouble() < 0.5 ? 27 : rng.NextDouble() < 0.5 ? 24 : 30;
        var date = SchoolCalendar.NextWeekday(dob.AddMonths(months).AddDays(rng.Next(-10, 40)));
        if (date > today)
        {
            date = today;
        }

        var row = new object?[ReviewColumns.Length];
        row[0] = id + "-2Y";
        row[1] = id;
        row[2] = ReviewCodes.TwoYears;
        row[3] = date;
        row[4] = rng.NextDouble() < 0.3 ? "Nursery nurse (health visiting team)" : practitioner;
        row[5] = Venues[rng.Next(Venues.Length)];
        row[6] = months;
        // Lower scores where the child has an identified need, especially speech and language in communication.
        var need = c.SenProvision != 'N' || c.DisabilityAccessFund;
        for (var d = 0; d < 5; d++)
        {
            var drop = need && (d == 0 || rng.NextDouble() < 0.4) ? rng.Next(15, 40) : 0;
            var score = Math.Clamp((int)Math.Round((CutOffs[d] + 12 + (rng.NextDouble() * 20) - (rng.NextDouble() < 0.08 ? 25 : 0) - drop) / 5.0) * 5, 0, 60);
            row[7 + (2 * d)] = score;
            row[8 + (2 * d)] = score < CutOffs[d] ? 'B' : score < CutOffs[d] + 10 ? 'M' : 'A';
        }
        rows.Reviews.Add(row);
    }

    private static void AddReview(Rows rows, Random rng, string id, string suffix, string type, DateOnly date, DateOnly today, double coverage, string practitioner)
    {
        if (date > today || rng.NextDouble() >= coverage)
        {
            return;
        }

        rows.Reviews.Add([id + suffix, id, type, SchoolCalendar.NextWeekday(date), practitioner, type == ReviewCodes.NewBirth ? "HOME" : Venues[rng.Next(Venues.Length)],
            null, null, null, null, null, null, null, null, null, null, null]);
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) =>
        ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);

    private static int AgeOn(DateOnly dob, DateOnly on) => MonthsBetween(dob, on) / 12;

    private static char Flag(bool value) => value ? 'Y' : 'N';

    private sealed class Rows
    {
        public List<object?[]> Children { get; } = [];
        public List<object?[]> Spells { get; } = [];
        public List<object?[]> Funding { get; } = [];
        public List<object?[]> Profiles { get; } = [];
        public List<object?[]> Reviews { get; } = [];
        public List<object?[]> Voice { get; } = [];
        public List<object?[]> Preferences { get; } = [];
    }
}
