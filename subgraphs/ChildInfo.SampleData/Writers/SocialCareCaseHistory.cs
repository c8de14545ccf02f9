using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// A child's social care history, consistent with their <see cref="Circumstances"/>: referral and assessment
/// (with factors that fit the need and any category of abuse), CIN plan, section 47 enquiry, conference and
/// child protection plan, periods of care with legal status and placements, early help, and the workers
/// allocated along the way. Every date falls between birth and the reference date.
/// </summary>
internal static class SocialCareCaseHistory
{
    /// <summary>What the voice and preference records need to know about the case.</summary>
    internal readonly record struct CaseFacts(DateOnly KnownSince, Worker Worker);

    private static readonly Weighted<(string Code, string Description)> ReferralSources = new(
        (("6", "Police"), 29), (("2A", "Schools"), 18), (("2B", "Education services"), 3), (("3A", "GP"), 4),
        (("3B", "Health visitor"), 2), (("3C", "School nurse"), 1), (("3D", "Other primary health services"), 4),
        (("3E", "A&E"), 3), (("3F", "Other health services"), 2), (("4", "Housing"), 2), (("5A", "Social care"), 3),
        (("5B", "Other internal"), 2), (("5C", "Other council department"), 3), (("5D", "Early help"), 5),
        (("1A", "Individual: family member"), 3), (("1B", "Individual: acquaintance"), 2), (("1C", "Individual: self"), 1),
        (("1D", "Individual: other"), 1), (("7", "Other legal agency"), 2), (("8", "Other, including voluntary organisations"), 5),
        (("9", "Anonymous"), 1), (("10", "Unknown"), 2));

    private static readonly Weighted<string> ClosureReasons = new(("RC7", 45), ("RC8", 22), ("RC9", 18), ("RC5", 8), ("RC3", 4), ("RC4", 3));
    private static readonly Weighted<string> EarlyHelpReasons = new(("Parenting support", 25), ("Child's behaviour", 18), ("School attendance", 15),
        ("Family relationships", 14), ("Parental mental health", 10), ("Domestic abuse", 8), ("Housing and money worries", 6), ("Young carer support", 4));
    private static readonly Weighted<string> EarlyHelpEndReasons = new(("Outcomes met", 55), ("Family withdrew consent", 12), ("Step-up to social care", 10),
        ("Moved out of area", 8), ("Transferred to universal services", 15));
    private static readonly Weighted<string> FosterPlacements = new(("U1", 8), ("U2", 3), ("U3", 12), ("U4", 25), ("U5", 8), ("U6", 30), ("K2", 10), ("R1", 4));
    private static readonly Weighted<string> PlacementChangeReasons = new(("CARPL", 30), ("LAREQ", 25), ("CLIRQ", 15), ("PLACE", 15), ("OTHER", 15));
    private static readonly string[] ExtraFactors = ["3A", "4B", "1B", "2B", "16A", "17A", "4A", "3B"];

    private const string ReferralToAssessment = """{"SINGLE_ASSESSMENT_FLAG":"Y","NFA_FLAG":"N","STRATEGY_DISCUSSION_FLAG":"N","CLA_REQUEST_FLAG":"N","NON_AGENCY_ADOPTION_FLAG":"N","PRIVATE_FOSTERING_FLAG":"N","CP_TRANSFER_IN_FLAG":"N","CP_CONFERENCE_FLAG":"N","CARE_LEAVER_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string ReferralToStrategy = """{"SINGLE_ASSESSMENT_FLAG":"Y","NFA_FLAG":"N","STRATEGY_DISCUSSION_FLAG":"Y","CLA_REQUEST_FLAG":"N","NON_AGENCY_ADOPTION_FLAG":"N","PRIVATE_FOSTERING_FLAG":"N","CP_TRANSFER_IN_FLAG":"N","CP_CONFERENCE_FLAG":"N","CARE_LEAVER_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string ReferralNfa = """{"SINGLE_ASSESSMENT_FLAG":"N","NFA_FLAG":"Y","STRATEGY_DISCUSSION_FLAG":"N","CLA_REQUEST_FLAG":"N","NON_AGENCY_ADOPTION_FLAG":"N","PRIVATE_FOSTERING_FLAG":"N","CP_TRANSFER_IN_FLAG":"N","CP_CONFERENCE_FLAG":"N","CARE_LEAVER_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string AssessmentToServices = """{"NFA_FLAG":"N","NFA_S47_END_FLAG":"N","STRATEGY_DISCUSSION_FLAG":"N","CLA_REQUEST_FLAG":"N","PRIVATE_FOSTERING_FLAG":"N","LEGAL_ACTION_FLAG":"N","PROV_OF_SERVICES_FLAG":"Y","PROV_OF_SB_CARE_FLAG":"N","SPECIALIST_ASSESSMENT_FLAG":"N","REFERRAL_TO_OTHER_AGENCY_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string AssessmentNfa = """{"NFA_FLAG":"Y","NFA_S47_END_FLAG":"N","STRATEGY_DISCUSSION_FLAG":"N","CLA_REQUEST_FLAG":"N","PRIVATE_FOSTERING_FLAG":"N","LEGAL_ACTION_FLAG":"N","PROV_OF_SERVICES_FLAG":"N","PROV_OF_SB_CARE_FLAG":"N","SPECIALIST_ASSESSMENT_FLAG":"N","REFERRAL_TO_OTHER_AGENCY_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string S47ToConference = """{"NFA_FLAG":"N","LEGAL_ACTION_FLAG":"N","PROV_OF_SERVICES_FLAG":"N","PROV_OF_SB_CARE_FLAG":"N","CP_CONFERENCE_FLAG":"Y","NFA_CONTINUE_SINGLE_FLAG":"N","MONITOR_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string S47ToServices = """{"NFA_FLAG":"N","LEGAL_ACTION_FLAG":"N","PROV_OF_SERVICES_FLAG":"Y","PROV_OF_SB_CARE_FLAG":"N","CP_CONFERENCE_FLAG":"N","NFA_CONTINUE_SINGLE_FLAG":"N","MONITOR_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string S47Nfa = """{"NFA_FLAG":"Y","LEGAL_ACTION_FLAG":"N","PROV_OF_SERVICES_FLAG":"N","PROV_OF_SB_CARE_FLAG":"N","CP_CONFERENCE_FLAG":"N","NFA_CONTINUE_SINGLE_FLAG":"N","MONITOR_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}""";
    private const string ConferenceToPlan = """{"NFA_FLAG":"N","REFERRAL_TO_OTHER_AGENCY_FLAG":"N","SINGLE_ASSESSMENT_FLAG":"N","PROV_OF_SERVICES_FLAG":"N","CP_FLAG":"Y","OTHER_OUTCOMES_EXIST_FLAG":"N","TOTAL_NO_OF_OUTCOMES":"1","COMMENTS":""}""";

    public static CaseFacts Write(SocialCareTables t, SocialCareStaff staff, SyntheticChild child, string personId, Random rng, DateOnly today)
    {
        var c = child.Circumstances;
        var dob = child.Truth.DateOfBirth;
        var born = SynthDates.Clamp(dob, DateOnly.MinValue, today.AddDays(-1));
        DateOnly? knownSince = null;
        Worker? current = null;
        Worker? any = null;

        DateOnly? entryToCare = null;
        if (c.LookedAfter)
        {
            var lo = SynthDates.Clamp(today.AddDays(-2000), born.AddDays(1), today.AddDays(-1));
            entryToCare = SynthDates.Between(rng, lo, SynthDates.Clamp(today.AddDays(-7), lo, today.AddDays(-1)));
        }

        string? referralId = null;
        if (c.ChildInNeed)
        {
            var (id, referralDate, worker) = WriteChildInNeed(t, staff, child, personId, rng, today, born, entryToCare, ref current);
            referralId = id;
            knownSince = referralDate;
            any = worker;
        }

        if (entryToCare is { } entry)
        {
            var (_, carer) = WriteCare(t, staff, child, personId, rng, today, entry, referralId);
            current = carer;
            knownSince = knownSince is { } k && k < entry ? k : entry;
        }

        if (c.EarlyHelp)
        {
            var (start, worker, open) = WriteEarlyHelp(t, staff, personId, rng, today, born, knownSince);
            knownSince = knownSince is { } k && k < start ? k : start;
            any ??= worker;
            if (open)
            {
                current ??= worker;
            }
        }

        var fallback = current ?? any ?? staff.Pick(rng, SocialCareStaff.Assessment).Worker;
        return new CaseFacts(knownSince ?? born, fallback);
    }

    private static (string ReferralId, DateOnly ReferralDate, Worker Worker) WriteChildInNeed(
        SocialCareTables t, SocialCareStaff staff, SyntheticChild child, string personId, Random rng, DateOnly today,
        DateOnly born, DateOnly? entryToCare, ref Worker? current)
    {
        var c = child.Circumstances;
        var protection = c.ChildProtectionPlan;
        var open = protection || c.LookedAfter || rng.NextDouble() < 0.6;
        DateOnly referralDate;
        if (entryToCare is { } careStart)
        {
            referralDate = SynthDates.Clamp(careStart.AddDays(-rng.Next(1, 200)), born, careStart);
        }
        else
        {
            var lo = SynthDates.Clamp(today.AddDays(protection ? -800 : -900), born, today.AddDays(-1));
            var hi = SynthDates.Clamp(today.AddDays(protection ? -60 : -3), lo, today.AddDays(-1));
            referralDate = SynthDates.Between(rng, lo, hi);
        }

        var source = ReferralSources.Pick(rng);
        if (c.VcsServices.Count > 0 && rng.NextDouble() < 0.25)
        {
            source = ("8", "Other, including voluntary organisations");
        }
        else if (c.EarlyHelp && rng.NextDouble() < 0.3)
        {
            source = ("5D", "Early help");
        }

        var need = c.PrimaryNeedCode ?? "N1";
        var (assessTeam, assessWorker) = staff.Pick(rng, SocialCareStaff.Assessment);
        var referralId = personId + "-R1";

        var nfa = !open && rng.NextDouble() < 0.15;
        var closeDate = open ? (DateOnly?)null : SynthDates.Clamp(referralDate.AddDays(nfa ? rng.Next(1, 10) : rng.Next(45, 400)), referralDate.AddDays(1), today);
        var closeReason = open ? null : nfa ? "RC8" : ClosureReasons.Pick(rng);
        var strategy = protection || (!nfa && rng.NextDouble() < 0.15);
        t.Referrals.Add(referralId, personId, referralDate, need, source.Code, source.Description,
            nfa ? ReferralNfa : strategy ? ReferralToStrategy : ReferralToAssessment, nfa ? 'Y' : 'N', closeReason, closeDate,
            assessTeam.TeamId, assessWorker.WorkerId);

        if (nfa)
        {
            t.Involvements.Add(personId + "-I1", assessWorker.WorkerId, "Duty Social Worker", assessTeam.TeamId, referralDate, closeDate, null, personId, referralId);
            return (referralId, referralDate, assessWorker);
        }

        // Assessment with the factors that fit the need.
        var assessmentId = personId + "-A1";
        var assessmentStart = SynthDates.Clamp(referralDate.AddDays(rng.Next(0, 6)), referralDate, today);
        var authorised = assessmentStart.AddDays(rng.Next(10, 46));
        DateOnly? authDate = authorised <= today && (closeDate is null || authorised <= closeDate) ? authorised : closeDate;
        var assessmentNfa = closeReason == "RC8";
        t.Assessments.Add(assessmentId, personId, referralId, assessmentStart, rng.NextDouble() < 0.95 ? 'Y' : 'N', authDate,
            assessmentNfa ? AssessmentNfa : AssessmentToServices, assessmentNfa ? 'Y' : 'N', assessTeam.TeamId, assessWorker.WorkerId);
        t.AssessmentFactors.Add(assessmentId + "-F", assessmentId, FactorsJson(rng, c));

        var (safeTeam, safeWorker) = staff.Pick(rng, SocialCareStaff.Safeguarding);
        t.Involvements.Add(personId + "-I1", assessWorker.WorkerId, "Allocated Social Worker", assessTeam.TeamId, referralDate, authDate,
            null, personId, referralId);
        if (authDate is not { } allocatedFrom)
        {
            current = assessWorker;
        }
        else if (entryToCare is { } entry)
        {
            if (entry > allocatedFrom)
            {
                t.Involvements.Add(personId + "-I2", safeWorker.WorkerId, "Allocated Social Worker", safeTeam.TeamId, allocatedFrom, entry,
                    "TSPROC", personId, referralId);
            }
        }
        else
        {
            t.Involvements.Add(personId + "-I2", safeWorker.WorkerId, "Allocated Social Worker", safeTeam.TeamId, allocatedFrom, closeDate,
                "TSPROC", personId, referralId);
            if (open)
            {
                current = safeWorker;
            }
        }

        if (protection)
        {
            WriteProtection(t, child, personId, rng, today, referralId, referralDate, safeTeam, safeWorker);
        }
        else if (strategy)
        {
            var s47Start = SynthDates.Clamp(referralDate.AddDays(rng.Next(0, 8)), referralDate, today);
            var s47End = SynthDates.Clamp(s47Start.AddDays(rng.Next(5, 25)), s47Start, today);
            var nfaS47 = rng.NextDouble() < 0.45;
            t.Section47.Add(personId + "-S1", referralId, personId, s47Start, s47End, nfaS47 ? 'Y' : 'N', nfaS47 ? S47Nfa : S47ToServices,
                safeTeam.TeamId, safeWorker.WorkerId);
        }

        if (!protection && !assessmentNfa && authDate is { } planStart && (closeDate is null || planStart < closeDate) && rng.NextDouble() < 0.75)
        {
            var start = SynthDates.Clamp(planStart.AddDays(rng.Next(1, 15)), planStart, closeDate ?? today);
            t.CinPlans.Add(personId + "-P1", referralId, personId, start, closeDate, safeTeam.TeamId, safeWorker.WorkerId);
        }

        return (referralId, referralDate, safeWorker);
    }

    private static void WriteProtection(SocialCareTables t, SyntheticChild child, string personId, Random rng, DateOnly today,
        string referralId, DateOnly referralDate, Team team, Worker worker)
    {
        var c = child.Circumstances;
        var s47Start = SynthDates.Clamp(referralDate.AddDays(rng.Next(0, 11)), referralDate, today.AddDays(-1));
        var target = s47Start.AddDays(21);
        var icpcDate = SynthDates.Clamp(target.AddDays(rng.Next(-6, 4)), s47Start.AddDays(1), today);
        var s47End = SynthDates.Clamp(s47Start.AddDays(rng.Next(7, 15)), s47Start, icpcDate);
        t.Section47.Add(personId + "-S1", referralId, personId, s47Start, s47End, 'N', S47ToConference, team.TeamId, worker.WorkerId);

        // Some children had an earlier plan, under an earlier, closed referral.
        var born = child.Truth.DateOfBirth;
        if (rng.NextDouble() < 0.18 && referralDate.DayNumber - born.DayNumber > 900)
        {
            var earlierReferral = SynthDates.Between(rng, born.AddDays(30), referralDate.AddDays(-700));
            var earlierStart = SynthDates.Clamp(earlierReferral.AddDays(rng.Next(20, 60)), earlierReferral, referralDate.AddDays(-400));
            var earlierEnd = SynthDates.Clamp(earlierStart.AddDays(rng.Next(180, 540)), earlierStart.AddDays(1), referralDate.AddDays(-30));
            var earlierId = personId + "-R0";
            t.Referrals.Add(earlierId, personId, earlierReferral, c.PrimaryNeedCode ?? "N1", "6", "Police", ReferralToStrategy, 'N', "RC7",
                SynthDates.Clamp(earlierEnd.AddDays(rng.Next(30, 120)), earlierEnd, referralDate.AddDays(-1)), team.TeamId, worker.WorkerId);
            var earlierCategory = rng.NextDouble() < 0.6 ? c.CategoryOfAbuse ?? "NEG" : "EMO";
            t.CpPlans.Add(personId + "-CP0", earlierId, null, personId, earlierStart, earlierEnd, 'N', earlierCategory, earlierCategory);
        }

        var initial = c.CategoryOfAbuse ?? "NEG";
        var latest = rng.NextDouble() < 0.85 ? initial : initial == "NEG" ? "EMO" : "NEG";
        var planId = personId + "-CP1";
        var icpcId = personId + "-IC1";
        t.Conferences.Add(icpcId, personId + "-M1", personId + "-S1", personId, planId, referralId, 'N', target, icpcDate, 'Y',
            ConferenceToPlan, team.TeamId, worker.WorkerId);
        t.CpPlans.Add(planId, referralId, icpcId, personId, icpcDate, null, 'N', initial, latest);
    }

    private static (DateOnly Entry, Worker Worker) WriteCare(SocialCareTables t, SocialCareStaff staff, SyntheticChild child, string personId,
        Random rng, DateOnly today, DateOnly entry, string? referralId)
    {
        var c = child.Circumstances;
        var finalStatus = c.LegalStatus ?? "C2";
        var finalPlace = c.PlacementType ?? "U4";
        var periodId = personId + "-PC1";
        var need = c.PrimaryNeedCode is { } n && n != "N0" && n != "N9" ? n : "N1";
        var span = today.DayNumber - entry.DayNumber;
        var count = span > 120 && rng.NextDouble() < 0.55 ? (span > 400 && rng.NextDouble() < 0.3 ? 3 : 2) : 1;

        // Start dates, legal statuses and whether each episode changed placement.
        var starts = new DateOnly[count];
        var statuses = new string[count];
        var reasons = new string[count];
        starts[0] = entry;
        statuses[0] = count > 1 && finalStatus == "C2" ? (rng.NextDouble() < 0.6 ? "C1" : "V2") : finalStatus;
        reasons[0] = "S";
        var placementsNeeded = 1;
        for (var i = 1; i < count; i++)
        {
            starts[i] = SynthDates.Between(rng, SynthDates.Clamp(starts[i - 1].AddDays(14), starts[i - 1].AddDays(1), today.AddDays(-1)),
                SynthDates.Clamp(today.AddDays(-7), starts[i - 1].AddDays(1), today.AddDays(-1)));
            if (statuses[i - 1] != finalStatus)
            {
                statuses[i] = finalStatus;
                reasons[i] = rng.NextDouble() < 0.6 ? "L" : "B";
            }
            else
            {
                statuses[i] = finalStatus;
                reasons[i] = rng.NextDouble() < 0.6 ? "P" : "T";
            }
            if (reasons[i] != "L")
            {
                placementsNeeded++;
            }
        }

        var placementIds = new string[count];
        var placement = 0;
        for (var i = 0; i < count; i++)
        {
            var isNew = i == 0 || reasons[i] != "L";
            if (!isNew)
            {
                placementIds[i] = placementIds[i - 1];
                continue;
            }
            placement++;
            var id = personId + "-PL" + placement;
            placementIds[i] = id;
            var place = placement == placementsNeeded ? finalPlace : FosterPlacements.Pick(rng);
            DateOnly? end = null;
            for (var j = i + 1; j < count; j++)
            {
                if (reasons[j] != "L")
                {
                    end = starts[j];
                    break;
                }
            }
            var provider = Provider(rng, place);
            string? urn = place is "K1" or "K2" ? "SC" + rng.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            string? postcode = place.StartsWith('T') || place.StartsWith('Z') ? null : NorthshirePostcodes.Create(rng);
            t.Placements.Add(id, periodId, personId, starts[i], place, urn, provider, postcode, end, end is null ? null : PlacementChangeReasons.Pick(rng));
        }

        for (var i = 0; i < count; i++)
        {
            DateOnly? ceased = i + 1 < count ? starts[i + 1] : null;
            var iro = i + 1 < count ? (DateOnly?)null : SynthDates.Clamp(today.AddDays(-rng.Next(5, 120)), starts[i], today);
            t.CareEpisodes.Add(personId + "-E" + (i + 1), personId, placementIds[i], starts[i], reasons[i], need, ceased, ceased is null ? null : "X1",
                periodId, referralId, entry, iro);
        }

        var statusStart = 0;
        var statusNumber = 0;
        for (var i = 1; i <= count; i++)
        {
            if (i < count && statuses[i] == statuses[statusStart])
            {
                continue;
            }

            statusNumber++;
            t.LegalStatus.Add(personId + "-LS" + statusNumber, personId, statuses[statusStart], starts[statusStart], i < count ? starts[i] : null);
            statusStart = i;
        }

        var (team, worker) = staff.Pick(rng, SocialCareStaff.ChildrenInCare);
        t.Involvements.Add(personId + "-I3", worker.WorkerId, "Allocated Social Worker", team.TeamId, entry, null, "TSPROC", personId, referralId);
        return (entry, worker);
    }

    private static (DateOnly Start, Worker Worker, bool Open) WriteEarlyHelp(SocialCareTables t, SocialCareStaff staff, string personId, Random rng,
        DateOnly today, DateOnly born, DateOnly? knownSince)
    {
        var lo = SynthDates.Clamp(today.AddDays(-900), born, today.AddDays(-1));
        var hi = SynthDates.Clamp(knownSince?.AddDays(-1) ?? today.AddDays(-7), lo, today.AddDays(-1));
        var start = SynthDates.Between(rng, lo, hi);
        var open = knownSince is null && today.DayNumber - start.DayNumber < 300 && rng.NextDouble() < 0.6;
        DateOnly? end = open ? null : SynthDates.Clamp(start.AddDays(rng.Next(60, 300)), start.AddDays(1), knownSince ?? today);
        var (team, worker) = staff.Pick(rng, SocialCareStaff.EarlyHelp);
        var endReason = end is null ? null : knownSince is not null ? "Step-up to social care" : EarlyHelpEndReasons.Pick(rng);
        t.EarlyHelp.Add(personId + "-EH1", personId, start, end, EarlyHelpReasons.Pick(rng), endReason, team.Name, worker.WorkerId);
        t.Involvements.Add(personId + "-I4", worker.WorkerId, "Early Help Practitioner", team.TeamId, start, end, null, personId, null);
        return (start, worker, open);
    }

    private static string? Provider(Random rng, string place) => place switch
    {
        ['U', ..] => rng.NextDouble() switch { < 0.6 => "PR1", < 0.9 => "PR4", _ => "PR5" },
        "K1" or "K2" or "K3" => rng.NextDouble() < 0.35 ? "PR1" : "PR4",
        "R1" => "PR0",
        ['T', ..] or ['Z', ..] => null,
        _ => "PR1",
    };

    /// <summary>CIN assessment factors (1A–24A) that fit the child's need, category of abuse and caring role, as a JSON array.</summary>
    private static string FactorsJson(Random rng, Circumstances c)
    {
        var factors = new List<string>(4);
        switch (c.CategoryOfAbuse)
        {
            case "NEG": factors.Add("16A"); break;
            case "EMO": factors.Add("17A"); break;
            case "PHY": factors.Add("18C"); break;
            case "SAB": factors.Add("19C"); break;
            case "MUL": factors.Add("16A"); factors.Add("17A"); break;
        }
        if (c.YoungCarer)
        {
            factors.Add("7A");
        }

        switch (c.PrimaryNeedCode)
        {
            case "N1": if (rng.NextDouble() < 0.5) { factors.Add("3A"); } break;
            case "N2": factors.Add(rng.NextDouble() < 0.5 ? "6A" : "5A"); break;
            case "N3": factors.Add(rng.NextDouble() < 0.6 ? "4B" : "6B"); break;
            case "N4": factors.Add(rng.NextDouble() < 0.5 ? "4B" : "2B"); break;
            case "N5": factors.Add(rng.NextDouble() < 0.5 ? "3A" : "1B"); break;
            case "N6": factors.Add(rng.NextDouble() switch { < 0.4 => "14A", < 0.7 => "13A", _ => "24A" }); break;
        }
        var extra = rng.Next(0, 3);
        for (var i = 0; i < extra; i++)
        {
            var f = ExtraFactors[rng.Next(ExtraFactors.Length)];
            if (!factors.Contains(f))
            {
                factors.Add(f);
            }
        }
        if (factors.Count == 0)
        {
            factors.Add("21");
        }

        return "[\"" + string.Join("\",\"", factors) + "\"]";
    }
}
