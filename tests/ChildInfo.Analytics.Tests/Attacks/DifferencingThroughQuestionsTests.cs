using ChildInfo.Analytics.Evaluation;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Tests.Kit;
using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Tests.Kit;
using static ChildInfo.Analytics.Questions.CohortCondition;
using static ChildInfo.Analytics.Tests.Kit.SyntheticAuthority;

namespace ChildInfo.Analytics.Tests.Attacks;

/// <summary>
/// Differencing attacks through the question API on a synthetic authority of 6,000 children in 10 wards. The analyst
/// targets a child X with an open children-in-need case whose ward they know, and something about X that no other
/// child with an open case in that ward shares (an EHC plan, SEN support, persistent absence, having been looked after,
/// a neglect plan, or a referral in a given month); they want X's primary need (8 categories, the commonest 55%).
/// Every question is a legal one (whole-month windows, at most two dimensions) grouped by need and ward, and the
/// attacker reads X's ward column.
/// <para><b>Kinds:</b> cohorts differing by X (open cases, then open cases without the singling fact); a total minus
/// its parts (open cases without the fact, split by a second fact, added back up); complements (everyone without the
/// fact, then everyone except those with the fact and no open case); shifted windows (open cases referred in three
/// months ending in X's referral month, then the three months before).</para>
/// <para><b>Measure and margin:</b> as in ChildInfo.Disclosure's differencing tests, the attacker's accuracy against a
/// guess from the published rates (the commonest need in X's published column, or the cohort's when the column shows
/// nothing), kind by kind, the attacker taking the better of two readings (differences only, or the suppression
/// pattern too) for each kind; the attacker may beat the rates by at most <see cref="MarginPoints"/> points in any kind,
/// under the gateway's rules and under cell-key rounding alone (no suppression, to see what perturbation alone does
/// through questions). The same attacks on exact counts show they are real attacks.</para>
/// </summary>
public sealed class DifferencingThroughQuestionsTests(ITestOutputHelper output)
{
    /// <summary>The design figure of keyed rounding at base 5 (about 9 points) plus three standard errors of 250 attacks: the disclosure suite's margin.</summary>
    private const int MarginPoints = 15;

    private const int AttacksPerKind = 250;

    private static readonly DateOnly[] Dates = [.. Enumerable.Range(0, 10).Select(q => new DateOnly(2023, 4, 1).AddMonths(3 * q))];

    private sealed record Attack(string Kind, SyntheticChild Target, int Need, CohortQuestion With, CohortQuestion[] Without, CohortQuestion Broad);

    /// <summary>One attack's result: whether the attacker was right reading differences only, reading the suppression pattern too, and from the published rates.</summary>
    private sealed record Outcome(string Kind, bool DifferencesRight, bool PatternRight, bool BaselineRight);

    [Fact]
    public async Task DifferencingAttacks_ThroughQuestions_DoNoBetterThanPublishedRatesWithinMargin()
    {
        var authority = new SyntheticAuthority(6_000, seed: 2026, wards: 10);
        var attacks = Plan(authority);
        var answers = new Answers(Analysts.Evaluator(authority));

        var exact = await Run(attacks, answers, Analysts.Exact);
        var published = await Run(attacks, answers, Analysts.ServicePlanning);
        var rounded = await Run(attacks, answers, Analysts.RoundingOnly);
        output.WriteLine($"{attacks.Count} attacks asked {answers.Count / 3} distinct questions");

        Report("exact counts (no disclosure control)", exact);
        Report("published (service_planning: gateway default rules)", published);
        Report("cell-key rounding alone (no suppression)", rounded);
        Assert.True(published.Count >= 1_000, $"only {published.Count} attacks");
        Assert.True(Accuracy(exact).Attacker > 0.85, "the attacks should work on exact counts");
        foreach (var (setting, outcomes) in new[] { ("gateway rules", published), ("rounding alone", rounded) })
        {
            foreach (var kind in outcomes.GroupBy(o => o.Kind))
            {
                var (attacker, baseline) = Accuracy([.. kind]);
                Assert.True(attacker - baseline <= MarginPoints / 100.0, $"{setting}, {kind.Key}: attacker {attacker:P1} vs published rates {baseline:P1}, above the margin of {MarginPoints} points");
            }
        }
    }

    /// <summary>The attacks, chosen with full knowledge of the data: only pairs that really differ by X alone in X's ward.</summary>
    private static List<Attack> Plan(SyntheticAuthority authority)
    {
        var random = new Random(99);
        var attacks = new List<Attack>();
        foreach (var asAt in Dates)
        {
            var now = CohortWindow.AsAt(asAt);
            var open = Has(SocialCare, "cin_open", now);
            var year = CohortWindow.During(asAt.AddYears(-1), asAt.AddDays(-1));
            CohortCondition[] known =
            [
                Has(Education, "sen_status", now, "EHCP"),
                Has(Education, "sen_status", now, "SEN_SUPPORT"),
                Has(Education, "persistently_absent", year),
                Has(SocialCare, "looked_after_ever", CohortWindow.None),
                Has(SocialCare, "cp_plan", now, "NEGLECT"),
                Has(SocialCare, "cp_plan", now, "PHYSICAL"),
                Has(SocialCare, "cp_plan", now, "EMOTIONAL"),
                Has(SocialCare, "cp_plan", now, "SEXUAL"),
            ];
            // What the attacker may know of X: one of these facts, or two together.
            CohortCondition[] singling = [.. known, .. known.Take(5).SelectMany((a, i) => known.Take(5).Skip(i + 1).Select(b => (CohortCondition)All(a, b)))];
            var split = Has(SocialCare, "referred", year);
            var cohort = authority.InPopulation(asAt).Where(c => c.Ward is not null && BruteForce.Holds(authority, open, c)).ToList();
            int NeedOf(SyntheticChild x) => Array.IndexOf(Needs, BruteForce.Group(authority, Need(asAt), x, asAt));
            CohortQuestion Ask(CohortCondition condition) => new() { AsAt = asAt, Condition = condition, Dimensions = [Need(asAt), CohortDimension.Index("ward")] };

            foreach (var fact in singling)
            {
                foreach (var x in AloneInTheirWard(cohort.Where(c => BruteForce.Holds(authority, fact, c))))
                {
                    var need = NeedOf(x);
                    attacks.Add(new("cohorts differing by one child", x, need, Ask(open), [Ask(All(open, Not(fact)))], Ask(open)));
                    attacks.Add(new("a total minus its parts", x, need, Ask(open), [Ask(All(open, Not(fact), split)), Ask(All(open, Not(fact), Not(split)))], Ask(open)));
                    attacks.Add(new("complements", x, need, Ask(Not(All(fact, Not(open)))), [Ask(Not(fact))], Ask(open)));
                }
            }

            for (var month = 1; month <= 12; month++)
            {
                var end = asAt.AddMonths(-month);
                var recent = Has(SocialCare, "referred", CohortWindow.During(end.AddMonths(-2), end.AddMonths(1).AddDays(-1)));
                var shifted = Has(SocialCare, "referred", CohortWindow.During(end.AddMonths(-3), end.AddDays(-1)));
                var inRecent = cohort.Where(c => BruteForce.Holds(authority, recent, c)).ToHashSet();
                var inShifted = cohort.Where(c => BruteForce.Holds(authority, shifted, c)).ToHashSet();
                // Narrowed by one fact the attacker knows of X, or not at all, so more wards differ by X alone.
                foreach (var narrowing in known.Prepend(null))
                {
                    foreach (var ward in cohort.Where(c => narrowing is null || BruteForce.Holds(authority, narrowing, c)).GroupBy(c => c.Ward))
                    {
                        var gained = ward.Where(c => inRecent.Contains(c) && !inShifted.Contains(c)).ToList();
                        if (gained.Count == 1 && !ward.Any(c => inShifted.Contains(c) && !inRecent.Contains(c)))
                        {
                            CohortCondition Within(CohortCondition window) => narrowing is null ? All(open, window) : All(open, narrowing, window);
                            attacks.Add(new("shifted windows", gained[0], NeedOf(gained[0]), Ask(Within(recent)), [Ask(Within(shifted))], Ask(open)));
                        }
                    }
                }
            }
        }

        return [.. attacks.GroupBy(a => a.Kind).SelectMany(kind => kind.OrderBy(_ => random.Next()).Take(AttacksPerKind))];
    }

    private static AgencyDimension Need(DateOnly asAt) => CohortDimension.AgencyFact(SocialCare, "cin_primary_need", CohortWindow.AsAt(asAt));

    private static IEnumerable<SyntheticChild> AloneInTheirWard(IEnumerable<SyntheticChild> children) =>
        children.GroupBy(c => c.Ward).Where(g => g.Count() == 1).Select(g => g.Single());

    private static async Task<List<Outcome>> Run(List<Attack> attacks, Answers answers, string purpose)
    {
        var outcomes = new List<Outcome>();
        foreach (var attack in attacks)
        {
            var with = Column(await answers.Get(attack.With, purpose), attack.Target);
            var without = new List<int[]>();
            foreach (var question in attack.Without)
            {
                without.Add(Column(await answers.Get(question, purpose), attack.Target));
            }

            var baseline = DifferencingAttacker.Baseline(with, RowTotals(await answers.Get(attack.With, purpose)), RowTotals(await answers.Get(attack.Broad, purpose)));
            var differences = DifferencingAttacker.Infer(false, with, [.. without]) ?? baseline;
            var pattern = DifferencingAttacker.Infer(true, with, [.. without]) ?? baseline;
            outcomes.Add(new Outcome(attack.Kind, differences == attack.Need, pattern == attack.Need, baseline == attack.Need));
        }
        return outcomes;
    }

    /// <summary>The published counts of the eight needs in the target's ward column.</summary>
    private static int[] Column(PublishedTable table, SyntheticChild target)
    {
        var ward = table.Dimensions[1].Categories.ToList().IndexOf(target.Ward!);
        return [.. Enumerable.Range(0, Needs.Length).Select(need => DifferencingAttacker.Figure(table.Cell(need, ward)))];
    }

    /// <summary>The published counts of the eight needs over all wards: the rates to fall back on when X's column shows nothing (then those of all open cases).</summary>
    private static int[] RowTotals(PublishedTable table) => [.. table.RowTotals.Take(Needs.Length).Select(DifferencingAttacker.Figure)];

    /// <summary>The attacker's accuracy with the better of their two readings for these attacks, and the baseline's.</summary>
    private static (double Attacker, double Baseline) Accuracy(IReadOnlyCollection<Outcome> outcomes) =>
        (Math.Max(outcomes.Average(o => o.DifferencesRight ? 1.0 : 0.0), outcomes.Average(o => o.PatternRight ? 1.0 : 0.0)), outcomes.Average(o => o.BaselineRight ? 1.0 : 0.0));

    private void Report(string title, List<Outcome> outcomes)
    {
        var (attacker, baseline) = Accuracy(outcomes);
        output.WriteLine($"{title}: {outcomes.Count} attacks, attacker right {attacker:P1}, published-rates guess right {baseline:P1}, advantage {attacker - baseline:+0.0%;-0.0%}");
        foreach (var kind in outcomes.GroupBy(o => o.Kind))
        {
            var (a, b) = Accuracy([.. kind]);
            output.WriteLine($"  {kind.Key}: {kind.Count()} attacks, attacker {a:P1}, baseline {b:P1}, advantage {a - b:+0.0%;-0.0%}");
        }
    }

    /// <summary>Answers by canonical text and purpose: attacks share questions, and the same question always gets the same answer.</summary>
    private sealed class Answers(CohortEvaluator evaluator)
    {
        private readonly Dictionary<(string, string), PublishedTable> _tables = [];

        public int Count => _tables.Count;

        public async Task<PublishedTable> Get(CohortQuestion question, string purpose)
        {
            var key = (question.ToCanonicalText(), purpose);
            if (!_tables.TryGetValue(key, out var table))
            {
                _tables[key] = table = (await evaluator.AnswerAsync(question, purpose, TestContext.Current.CancellationToken)).Table;
            }
            return table;
        }
    }
}
