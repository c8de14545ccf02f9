using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Analytics.Validation;

/// <summary>
/// Checks a question against the catalogue in one walk and collects every problem (unknown names, facts used as the
/// wrong kind, windows that are missing, extra, inverted, not whole months or too long, trees too deep or too wide,
/// too many dimensions or cells) before anything is fetched. A question with any problem throws
/// <see cref="CohortQuestionException"/> with all of them; a good one becomes a <see cref="CohortPlan"/>.
/// </summary>
public static class CohortQuestionValidator
{
    /// <summary>The dimension of a question grouped by nothing: one group of every child in the cohort.</summary>
    public static readonly Dimension WholeCohort = new("cohort", ["All"]);

    public static CohortPlan Validate(CohortQuestion question, CohortCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var walk = new Walk(catalogue);
        if (question is null)
        {
            throw new CohortQuestionException([new CohortProblem(CohortErrorCodes.Malformed, "question", "No question was given.")]);
        }

        if (question.AsAt.Day != 1)
        {
            walk.Problem(CohortErrorCodes.UnalignedWindow, "as_at", "The question's as-at date must be the 1st of a month.");
        }

        if (question.Condition is not null)
        {
            walk.Condition(question.Condition, "condition", 0);
            if (walk.Facts > CohortLimits.MaxFacts)
            {
                walk.Problem(CohortErrorCodes.TooManyFacts, "condition", $"A condition may use at most {CohortLimits.MaxFacts} facts.");
            }
        }

        var dimensions = walk.Dimensions(question.Dimensions);
        walk.Measure(question.Measure);
        if (walk.Problems.Count > 0)
        {
            throw new CohortQuestionException(walk.Problems);
        }

        var frozen = Freeze(question);
        return new CohortPlan
        {
            Question = frozen,
            CanonicalText = frozen.ToCanonicalText(),
            Agencies = [.. walk.Agencies.Order(StringComparer.Ordinal)],
            AgencyLabels = walk.AgencyLabels.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal),
            Labels = [.. walk.Labels.Append(CohortCatalogue.LinkageLabel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            TableDimensions = dimensions.Count == 0 ? [WholeCohort] : dimensions,
            IndexDimensions = walk.IndexDimensions,
            Requests = [.. walk.Requests],
        };
    }

    /// <summary>The question with every list copied, so the plan cannot change after it was checked.</summary>
    private static CohortQuestion Freeze(CohortQuestion question) => question with
    {
        Condition = question.Condition is null ? null : Freeze(question.Condition),
        Dimensions = [.. question.Dimensions],
    };

    private static CohortCondition Freeze(CohortCondition condition) => condition switch
    {
        AllCondition all => new AllCondition([.. all.Conditions.Select(Freeze)]),
        AnyCondition any => new AnyCondition([.. any.Conditions.Select(Freeze)]),
        NotCondition not => new NotCondition(Freeze(not.Condition)),
        _ => condition,
    };

    /// <summary>The state of one validation: problems found and what a good question would need.</summary>
    private sealed class Walk(CohortCatalogue catalogue)
    {
        public List<CohortProblem> Problems { get; } = [];

        public HashSet<string> Agencies { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Labels { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<string>> AgencyLabels { get; } = new(StringComparer.Ordinal);

        public List<string> IndexDimensions { get; } = [];

        /// <summary>Distinct requests in the order first met, so fetches are issued in a stable order.</summary>
        public List<MemberRequest> Requests { get; } = [];

        public int Facts { get; private set; }

        private bool _tooDeep;

        public void Problem(string code, string where, string message) => Problems.Add(new CohortProblem(code, where, message));

        public void Condition(CohortCondition? condition, string where, int depth)
        {
            if (depth > CohortLimits.MaxDepth)
            {
                // Reported once, and not walked further: nothing below can be evaluated anyway.
                if (!_tooDeep)
                {
                    Problem(CohortErrorCodes.TooDeep, where, $"Conditions may be nested at most {CohortLimits.MaxDepth} deep.");
                    _tooDeep = true;
                }
                return;
            }

            switch (condition)
            {
                case AllCondition all:
                    Operands(all.Conditions, where + ".all", depth);
                    break;
                case AnyCondition any:
                    Operands(any.Conditions, where + ".any", depth);
                    break;
                case NotCondition not:
                    Condition(not.Condition, where + ".not", depth + 1);
                    break;
                case FactCondition fact:
                    Facts++;
                    Fact(fact, where);
                    break;
                default:
                    Problem(CohortErrorCodes.Malformed, where, "A condition is missing.");
                    break;
            }
        }

        private void Operands(IReadOnlyList<CohortCondition>? operands, string where, int depth)
        {
            if (operands is null || operands.Count == 0)
            {
                Problem(CohortErrorCodes.EmptyCondition, where, "An all or any needs at least one condition.");
                return;
            }

            for (var i = 0; i < operands.Count && Facts <= CohortLimits.MaxFacts && Problems.Count < CohortLimits.MaxProblems; i++)
            {
                Condition(operands[i], $"{where}[{i}]", depth + 1);
            }
        }

        private void Fact(FactCondition leaf, string where)
        {
            if (Resolve(leaf.Agency, leaf.Fact, where) is not { } fact)
            {
                return;
            }

            Use(leaf.Agency, fact, CohortFactKind.Condition, leaf.Window, where);
            if (leaf.Value is not null && !fact.Values.Contains(leaf.Value, StringComparer.Ordinal))
            {
                Problem(CohortErrorCodes.UnknownValue, where, $"{Name(leaf.Fact)} of {Name(leaf.Agency)} has no value {Name(leaf.Value)}.");
            }

            Request(new MemberRequest(leaf.Agency, leaf.Fact, leaf.Value, leaf.Window));
        }

        public List<Dimension> Dimensions(IReadOnlyList<CohortDimension>? dimensions)
        {
            var table = new List<Dimension>();
            if (dimensions is null)
            {
                Problem(CohortErrorCodes.Malformed, "dimensions", "The dimensions are missing (give none to count the whole cohort).");
                return table;
            }

            if (dimensions.Count > CohortLimits.MaxDimensions)
            {
                Problem(CohortErrorCodes.TooManyDimensions, "dimensions", $"A question may group by at most {CohortLimits.MaxDimensions} dimensions.");
                return table;
            }

            for (var i = 0; i < dimensions.Count; i++)
            {
                var where = $"dimensions[{i}]";
                if (dimensions.Take(i).Contains(dimensions[i]))
                {
                    Problem(CohortErrorCodes.DuplicateDimension, where, "The same dimension is asked for twice.");
                    continue;
                }

                if (Dimension(dimensions[i], where) is { } dimension)
                {
                    table.Add(dimension);
                }
            }

            if (table.Count == dimensions.Count && table.Aggregate(1L, (cells, d) => cells * d.Categories.Count) > CountTable.MaxCells)
            {
                Problem(CohortErrorCodes.TooManyCells, "dimensions", $"The dimensions' groups make more than {CountTable.MaxCells} cells; group by coarser dimensions.");
            }

            return table;
        }

        private Dimension? Dimension(CohortDimension? dimension, string where)
        {
            switch (dimension)
            {
                case IndexDimension index:
                    if (index.Name is null || catalogue.IndexDimensionOf(index.Name) is not { } known)
                    {
                        Problem(CohortErrorCodes.UnknownDimension, where, $"The child index has no dimension {Name(index.Name)}.");
                        return null;
                    }
                    Labels.Add(known.Label);
                    IndexDimensions.Add(known.Name);
                    return Groups(known.Name, known, where);
                case AgencyDimension agency:
                    if (Resolve(agency.Agency, agency.Fact, where) is not { } fact)
                    {
                        return null;
                    }
                    var usable = Use(agency.Agency, fact, CohortFactKind.Dimension, agency.Window, where);
                    Request(new MemberRequest(agency.Agency, agency.Fact, null, agency.Window));
                    return usable ? Groups($"{agency.Agency}.{agency.Fact}", fact, where) : null;
                default:
                    Problem(CohortErrorCodes.Malformed, where, "A dimension is missing.");
                    return null;
            }
        }

        /// <summary>The catalogue's groups and Unknown last: the shape of the answer never depends on the data.</summary>
        private Dimension? Groups(string name, CohortFact fact, string where)
        {
            if (fact.Values.Count == 0)
            {
                Problem(CohortErrorCodes.DimensionWithoutValues, where, $"{Name(fact.Name)} lists no groups, so it cannot be grouped by.");
                return null;
            }

            var groups = fact.Values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).ToList();
            if (!groups.Contains(CohortDimension.Unknown, StringComparer.Ordinal))
            {
                groups.Add(CohortDimension.Unknown);
            }

            return new Dimension(name, groups);
        }

        public void Measure(CohortMeasure? measure)
        {
            const string where = "measure";
            if (measure is null)
            {
                Problem(CohortErrorCodes.Malformed, where, "The measure is missing.");
                return;
            }

            if (measure.Kind == CohortMeasureKind.Children)
            {
                if (measure.Agency is not null || measure.Fact is not null || measure.Window is not null)
                {
                    Problem(CohortErrorCodes.Malformed, where, "Counting children takes no agency, fact or window.");
                }
                return;
            }

            if (!Enum.IsDefined(measure.Kind))
            {
                Problem(CohortErrorCodes.Malformed, where, "The measure is not one of children, events, mean or median.");
                return;
            }

            if (Resolve(measure.Agency, measure.Fact, where) is not { } fact)
            {
                return;
            }

            var kind = measure.Kind == CohortMeasureKind.Events ? CohortFactKind.Events : CohortFactKind.Measure;
            Use(measure.Agency!, fact, kind, measure.Window, where);
            Request(new MemberRequest(measure.Agency!, measure.Fact!, null, measure.Window));
        }

        private CohortFact? Resolve(string? agency, string? fact, string where)
        {
            if (agency is null || fact is null)
            {
                Problem(CohortErrorCodes.Malformed, where, "An agency and a fact are needed.");
                return null;
            }

            if (!catalogue.Agencies.ContainsKey(agency))
            {
                Problem(CohortErrorCodes.UnknownAgency, where, $"There is no agency {Name(agency)}.");
                return null;
            }

            if (catalogue.FactOf(agency, fact) is not { } known)
            {
                Problem(CohortErrorCodes.UnknownFact, where, $"{Name(agency)} has no fact {Name(fact)}.");
                return null;
            }

            return known;
        }

        /// <summary>Checks the fact's kind and window and records the agency and label; false when the fact cannot serve.</summary>
        private bool Use(string agency, CohortFact fact, CohortFactKind kind, CohortWindow? window, string where)
        {
            var usable = true;
            if (fact.Kind != kind)
            {
                Problem(CohortErrorCodes.WrongFactKind, where, $"{Name(fact.Name)} is a {Describe(fact.Kind)} fact and cannot be used as a {Describe(kind)}.");
                usable = false;
            }

            foreach (var (code, message) in WindowRules.Check(fact.Window, window))
            {
                Problem(code, where, message);
                usable = false;
            }

            Agencies.Add(agency);
            Labels.Add(fact.Label);
            if (!AgencyLabels.TryGetValue(agency, out var labels))
            {
                AgencyLabels[agency] = labels = new HashSet<string>(StringComparer.Ordinal);
            }

            labels.Add(fact.Label);
            return usable;
        }

        private void Request(MemberRequest request)
        {
            if (!Requests.Contains(request))
            {
                Requests.Add(request);
            }
        }

        private static string Describe(CohortFactKind kind) => kind switch
        {
            CohortFactKind.Condition => "condition",
            CohortFactKind.Dimension => "dimension",
            CohortFactKind.Measure => "measure",
            _ => "events",
        };

        internal static string Name(string? name) => name is null ? "(none)"
            : CanonicalWriter.Quote(name.Length > CohortLimits.MaxEchoedName ? name[..CohortLimits.MaxEchoedName] + "…" : name);
    }
}
