using ChildInfo.Subgraphs.YouthJustice.Cases;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// One child's cases: one or two, each with an offence after the child's tenth birthday (the age of criminal
/// responsibility in England) and within the two years before the seed's today, an outcome some days or weeks later,
/// an AssetPlus assessment except for community resolutions, and a status that follows the length of the order.
/// </summary>
internal static class CasePlanner
{
    private const int LookBackDays = 730;

    public static IReadOnlyList<YouthJusticeCase> Plan(IndexChild child, string personId, Func<string> nextCaseId, DateOnly asOf, StableDraws draws)
    {
        var earliest = Max(child.DateOfBirth.AddYears(10), asOf.AddDays(-LookBackDays));
        var latest = asOf.AddDays(-7);
        if (earliest > latest)
        {
            return [];
        }

        var span = latest.DayNumber - earliest.DayNumber;
        var twoCases = draws.Chance(CaseDistributions.SecondCase) && span >= 240;
        var first = Case(child, personId, nextCaseId(), earliest.AddDays(draws.Next(0, (twoCases ? span / 2 : span) + 1)), CaseDistributions.FirstOutcome, asOf, draws);
        var secondEarliest = first.OutcomeDate.AddDays(30);
        if (!twoCases || secondEarliest > latest)
        {
            return [first];
        }

        var offence = secondEarliest.AddDays(draws.Next(0, latest.DayNumber - secondEarliest.DayNumber + 1));
        return [first, Case(child, personId, nextCaseId(), offence, CaseDistributions.RepeatOutcome, asOf, draws)];
    }

    private static YouthJusticeCase Case(IndexChild child, string personId, string caseId, DateOnly offenceDate,
        IReadOnlyList<(string, int)> outcomes, DateOnly asOf, StableDraws draws)
    {
        var outcome = draws.Pick(outcomes);
        var tier = OutcomeTypes.TierOf(outcome)!;
        var outcomeDate = Min(offenceDate.AddDays(tier == OutcomeTypes.PreCourt ? draws.Next(7, 46) : draws.Next(30, 121)), asOf);
        var offence = draws.Pick(tier == OutcomeTypes.Custody ? CaseDistributions.CustodyOffence : CaseDistributions.Offence);
        var (min, max) = CaseDistributions.Duration(outcome);
        var closes = outcomeDate.AddDays(draws.Next(min, max));
        var assessed = outcome != OutcomeTypes.CommunityResolution;
        DateOnly? assessedOn = assessed
            ? Max(offenceDate, outcomeDate.AddDays(-(tier == OutcomeTypes.PreCourt ? draws.Next(0, 11) : draws.Next(3, 22))))
            : null;
        return new YouthJusticeCase
        {
            CaseId = caseId,
            PersonId = personId,
            ChildIndexId = child.ChildId,
            Forename = child.Forename,
            Surname = child.Surname,
            DateOfBirth = child.DateOfBirth,
            Sex = child.Sex,
            OutcomeType = outcome,
            OffenceCategory = offence,
            OffenceDate = offenceDate,
            OutcomeDate = outcomeDate,
            CaseWorker = CaseStaffing.For(tier, draws),
            AssessedOn = assessedOn,
            LikelihoodOfReoffending = assessed ? draws.Pick(CaseDistributions.LikelihoodOfReoffending(tier)) : null,
            RiskOfSeriousHarm = assessed ? draws.Pick(CaseDistributions.RiskOfSeriousHarm(tier)) : null,
            SafetyAndWellbeing = assessed ? draws.Pick(CaseDistributions.SafetyAndWellbeing(tier)) : null,
            Status = closes <= asOf ? "CLOSED" : "OPEN",
            ClosedOn = closes <= asOf ? closes : null,
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
