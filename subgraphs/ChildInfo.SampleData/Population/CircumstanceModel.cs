namespace ChildInfo.SampleData.Population;

/// <summary>
/// Draws a child's <see cref="Circumstances"/> with prevalences close to published national figures (children in
/// need census, school census, absence and exclusion statistics, early years census), correlated the way they are in
/// life: low income raises social care involvement, absence and exclusion; child protection is within child in need.
/// </summary>
internal static class CircumstanceModel
{
    private static readonly Weighted<string> NeedForProtection = new(("N1", 0.90), ("N4", 0.04), ("N5", 0.06));
    private static readonly Weighted<string> NeedForLookedAfter = new(
        ("N1", 0.64), ("N2", 0.04), ("N3", 0.03), ("N4", 0.08), ("N5", 0.10), ("N6", 0.02), ("N8", 0.08), ("N9", 0.01));
    private static readonly Weighted<string> NeedForChildInNeed = new(
        ("N1", 0.40), ("N2", 0.16), ("N3", 0.05), ("N4", 0.12), ("N5", 0.18), ("N6", 0.03), ("N7", 0.01), ("N8", 0.02), ("N9", 0.02), ("N0", 0.01));

    private static readonly Weighted<string> LegalStatuses = new(("C2", 0.58), ("V2", 0.18), ("C1", 0.12), ("E1", 0.07), ("D1", 0.03), ("J2", 0.01), ("L2", 0.01));
    private static readonly Weighted<string> Placements = new(
        ("U1", 0.05), ("U2", 0.04), ("U3", 0.08), ("U4", 0.12), ("U5", 0.18), ("U6", 0.27),
        ("K2", 0.12), ("R1", 0.03), ("P1", 0.07), ("A6", 0.03), ("K1", 0.01));
    private static readonly Weighted<string> FosterPlacements = new(("U1", 0.05), ("U2", 0.04), ("U3", 0.08), ("U4", 0.12), ("U5", 0.18), ("U6", 0.27));

    private static readonly Weighted<string> SupportTypes = new(
        ("SLCN", 24), ("SEMH", 21), ("MLD", 16), ("SPLD", 13), ("ASD", 8), ("OTH", 4), ("PD", 3), ("HI", 2), ("VI", 1), ("NSA", 4), ("SLD", 0.5), ("MSI", 0.3));
    private static readonly Weighted<string> PlanTypes = new(
        ("ASD", 33), ("SLCN", 21), ("SEMH", 14), ("MLD", 7), ("SLD", 6), ("PD", 5), ("SPLD", 3), ("OTH", 3), ("PMLD", 2), ("HI", 2), ("VI", 1), ("MSI", 0.3));
    private static readonly Weighted<string> EarlySupportTypes = new(("SLCN", 60), ("ASD", 12), ("PD", 8), ("SEMH", 6), ("HI", 3), ("VI", 2), ("OTH", 5), ("NSA", 4));

    /// <param name="phase">P primary, S secondary, N not on a school roll.</param>
    public static Circumstances Draw(Random rng, HouseholdProfile household, int age, char sex, char phase)
    {
        // Social care: most, not all, children of a known household are children in need themselves.
        var inNeed = household.SocialCare && rng.NextDouble() < 0.85;
        var protection = inNeed && household.SocialCareLevel == 'P';
        var lookedAfter = inNeed && household.SocialCareLevel == 'L';
        string? need = null, legalStatus = null, placement = null;
        if (inNeed)
        {
            need = protection ? NeedForProtection.Pick(rng) : lookedAfter ? NeedForLookedAfter.Pick(rng) : NeedForChildInNeed.Pick(rng);
        }
        if (lookedAfter)
        {
            legalStatus = LegalStatuses.Pick(rng);
            placement = Placements.Pick(rng);
            if ((placement is "K2" or "K1" && age < 11) || (placement == "A6" && age > 7))
            {
                placement = FosterPlacements.Pick(rng);
            }

            if (placement == "A6")
            {
                legalStatus = "E1";
            }
        }

        // Special educational needs: boys about twice as often as girls; more with low income or social care.
        var senFactor = (sex == 'M' ? 1.35 : 0.65) * (household.Disadvantaged ? 1.5 : 0.84) * (inNeed ? 2.2 : 0.96);
        var ageFactor = age switch { < 2 => 0.0, < 4 => 0.4, _ => 1.0 };
        var senRoll = rng.NextDouble();
        var provision = 'N';
        string? senType = null;
        if (senRoll < 0.05 * senFactor * ageFactor * 0.98)
        {
            provision = 'E';
            senType = PlanTypes.Pick(rng);
        }
        else if (senRoll < (0.05 + 0.13) * senFactor * ageFactor * 0.98)
        {
            provision = 'K';
            senType = age < 4 ? EarlySupportTypes.Pick(rng) : SupportTypes.Pick(rng);
        }

        var youngCarer = household.CaringNeeds && age >= 5 && rng.NextDouble() < (age >= 8 ? 0.55 : 0.25);

        // Absence: log-normal, persistent (>= 10%) for about 15% in primary and 20% in secondary.
        double absence = 0;
        var suspensions = 0;
        var excluded = false;
        if (phase != 'N')
        {
            var z = Normal(rng)
                + (household.Disadvantaged ? 0.42 : -0.13)
                + (inNeed ? 0.5 : 0) - (lookedAfter ? 0.4 : 0)
                + (provision == 'E' ? 0.3 : provision == 'K' ? 0.15 : 0)
                + (youngCarer ? 0.3 : 0);
            var median = phase == 'S' ? 0.0505 : 0.0437;
            absence = Math.Min(0.95, median * Math.Exp(0.75 * z));
            absence = Math.Round(absence, 4);

            var risk = (household.Disadvantaged ? 2.0 : 0.67) * (provision == 'K' ? 2.2 : provision == 'E' ? 1.8 : 0.8) * (inNeed ? 2.5 : 1.0);
            var suspendedRate = (phase == 'S' ? 0.058 : 0.011) * risk / 1.15;
            if (rng.NextDouble() < suspendedRate)
            {
                suspensions = 1;
                while (suspensions < 12 && rng.NextDouble() < 0.45)
                {
                    suspensions++;
                }

                excluded = rng.NextDouble() < (phase == 'S' ? 0.022 : 0.015) * Math.Min(3, suspensions) / 1.6;
            }
        }

        var earlyYearsAge = age <= 4 && phase == 'N';
        string? twoYearOld = null;
        if (age == 2)
        {
            if (lookedAfter)
            {
                twoYearOld = "LAA";
            }
            else if (provision != 'N' && rng.NextDouble() < 0.6)
            {
                twoYearOld = "HSD";
            }
            else if (household.Disadvantaged || rng.NextDouble() < 0.17)
            {
                twoYearOld = "ECO";
            }
        }
        var threeOrFour = earlyYearsAge && age >= 3;
        var extended = threeOrFour && rng.NextDouble() < (household.Disadvantaged ? 0.08 : 0.50);
        var eypp = threeOrFour && (lookedAfter || (household.Disadvantaged && rng.NextDouble() < 0.75));
        var daf = threeOrFour && (provision == 'E' || (provision == 'K' && rng.NextDouble() < 0.1));

        var services = VcsServices(rng, household, age, inNeed, youngCarer, suspensions > 0);

        return new Circumstances
        {
            LowIncomeHousehold = household.Disadvantaged,
            FsmEligible = household.Disadvantaged && age >= 4,
            SenProvision = provision,
            PrimarySenType = senType,
            AbsenceRate = absence,
            Suspensions = suspensions,
            PermanentlyExcluded = excluded,
            ChildInNeed = inNeed,
            PrimaryNeedCode = need,
            ChildProtectionPlan = protection,
            CategoryOfAbuse = protection ? household.CategoryOfAbuse : null,
            LookedAfter = lookedAfter,
            LegalStatus = legalStatus,
            PlacementType = placement,
            EarlyHelp = household.EarlyHelp && rng.NextDouble() < 0.9,
            YoungCarer = youngCarer,
            TwoYearOldBasis = twoYearOld,
            ExtendedHours = extended,
            EarlyYearsPupilPremium = eypp,
            DisabilityAccessFund = daf,
            VcsServices = services,
        };
    }

    private static IReadOnlyList<string> VcsServices(Random rng, HouseholdProfile household, int age, bool inNeed, bool youngCarer, bool suspended)
    {
        List<string>? services = null;
        if (age >= 11 && rng.NextDouble() < 0.075 * (household.Disadvantaged ? 1.5 : 0.85) * (inNeed ? 2 : 1))
        {
            (services ??= []).Add("YOUTH_WORK");
        }

        if (youngCarer && rng.NextDouble() < 0.7)
        {
            (services ??= []).Add("YOUNG_CARERS");
        }

        if (age >= 8 && rng.NextDouble() < 0.022 * (inNeed || household.EarlyHelp || suspended ? 3 : 1))
        {
            (services ??= []).Add("MENTORING");
        }

        if (household.FamilySupport)
        {
            (services ??= []).Add("FAMILY_SUPPORT");
        }

        return services is null ? [] : services;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Normal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
