using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Validation;

namespace ChildInfo.Analytics.Evaluation;

/// <summary>
/// Fetches what a plan needs from the source: every member list and the population at once (at most
/// <see cref="CohortOptions.MaxConcurrentFetches"/> agency calls in flight), then one link call per agency with its
/// distinct local ids. The key budget is checked as each list arrives; passing it cancels the rest and refuses the
/// question.
/// </summary>
internal sealed class CohortFetcher(ICohortSource source, CohortOptions options)
{
    public async Task<CohortData> FetchAsync(CohortPlan plan, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var gate = new SemaphoreSlim(options.MaxConcurrentFetches);
        var budget = new KeyBudget(options.MaxMemberKeys);

        var population = Gated(null, stop, () => source.PopulationAsync(plan.Question.AsAt, plan.IndexDimensions, stop.Token));
        var lists = plan.Requests.Select(r => Gated(gate, stop, () => Members(r, budget, stop.Token))).ToList();
        var withheld = plan.AgencyLabels.ToDictionary(a => a.Key, a => Gated(gate, stop, () => source.WithheldAsync(a.Key, a.Value, stop.Token)), StringComparer.Ordinal);
        await WhenAllOrRefuse([population, .. lists, .. withheld.Values], stop, budget).ConfigureAwait(false);

        var members = plan.Requests.Zip(lists, (r, l) => (Request: r, Members: l.Result)).ToList();
        var agencies = members.GroupBy(m => m.Request.Agency, StringComparer.Ordinal).ToList();
        var links = agencies.Select(a => Gated(gate, stop, () => source.LinksAsync(a.Key, DistinctIds(a.Select(m => m.Members), Withheld(withheld, a.Key)), stop.Token))).ToList();
        await WhenAllOrRefuse([.. links], stop, budget).ConfigureAwait(false);

        var linksByAgency = agencies.Zip(links, (a, l) => (a.Key, l.Result)).ToDictionary(p => p.Key, p => p.Result, StringComparer.Ordinal);
        var leftOut = LeftOut(withheld, linksByAgency);
        // A child listed twice (or without an id) would be counted twice by a not: each id is one position, once. A
        // child whose family's wishes keep their records out of this question is not in the population at all.
        var children = new List<PopulationChild>(population.Result.Count);
        var positions = new Dictionary<string, int>(population.Result.Count, StringComparer.Ordinal);
        foreach (var child in population.Result)
        {
            if (child is not null && !string.IsNullOrEmpty(child.ChildId) && !leftOut.Contains(child.ChildId) && positions.TryAdd(child.ChildId, children.Count))
            {
                children.Add(child);
            }
        }

        var linked = members.ToDictionary(m => m.Request, m => Link(m.Members, linksByAgency[m.Request.Agency], positions));
        return new CohortData(children, linked);
    }

    private async Task<IReadOnlyList<CohortMember>> Members(MemberRequest request, KeyBudget budget, CancellationToken ct)
    {
        var members = await source.MembersAsync(request.Agency, request.Fact, request.Value, request.Window, ct).ConfigureAwait(false);
        budget.Spend(members.Count);
        return members;
    }

    private static IReadOnlyCollection<string> Withheld(Dictionary<string, Task<IReadOnlyCollection<string>>> withheld, string agency) =>
        withheld.TryGetValue(agency, out var ids) ? ids.Result : [];

    /// <summary>The children that the agencies' withheld records are linked to.</summary>
    private static HashSet<string> LeftOut(Dictionary<string, Task<IReadOnlyCollection<string>>> withheld, Dictionary<string, IReadOnlyDictionary<string, string>> links)
    {
        var children = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (agency, ids) in withheld)
        {
            if (!links.TryGetValue(agency, out var linked))
            {
                continue;
            }

            foreach (var id in ids.Result)
            {
                if (id is not null && linked.TryGetValue(id, out var child) && child is not null)
                {
                    children.Add(child);
                }
            }
        }

        return children;
    }

    private static HashSet<string> DistinctIds(IEnumerable<IReadOnlyList<CohortMember>> lists, IReadOnlyCollection<string> withheld)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in withheld)
        {
            if (!string.IsNullOrEmpty(id))
            {
                ids.Add(id);
            }
        }

        foreach (var member in lists.SelectMany(l => l))
        {
            if (!string.IsNullOrEmpty(member?.LocalId))
            {
                ids.Add(member.LocalId);
            }
        }
        return ids;
    }

    private static LinkedMember[] Link(IReadOnlyList<CohortMember> members, IReadOnlyDictionary<string, string> links, Dictionary<string, int> positions)
    {
        var linked = new List<LinkedMember>(members.Count);
        foreach (var member in members)
        {
            if (!string.IsNullOrEmpty(member?.LocalId) && links.TryGetValue(member.LocalId, out var childId) && childId is not null && positions.TryGetValue(childId, out var child))
            {
                linked.Add(new LinkedMember(child, member.Group, member.Measure));
            }
        }
        return [.. linked];
    }

    /// <summary>Runs a call once a slot is free (any time without a gate); a failure cancels the question's other calls.</summary>
    private static async Task<T> Gated<T>(SemaphoreSlim? gate, CancellationTokenSource stop, Func<Task<T>> call)
    {
        if (gate is not null)
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
        }

        try
        {
            return await call().ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>Waits for every call (so none is left running or unobserved); a passed budget is reported as the reason, not the cancellations it caused.</summary>
    private static async Task WhenAllOrRefuse(Task[] calls, CancellationTokenSource stop, KeyBudget budget)
    {
        try
        {
            await Task.WhenAll(calls).ConfigureAwait(false);
        }
        catch (Exception) when (budget.Exceeded)
        {
            throw KeyBudget.Refusal();
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Keys received so far against the bound, shared by the parallel calls.</summary>
    private sealed class KeyBudget(int max)
    {
        private long _spent;

        public bool Exceeded => Interlocked.Read(ref _spent) > max;

        public void Spend(int keys)
        {
            if (Interlocked.Add(ref _spent, keys) > max)
            {
                throw Refusal();
            }
        }

        public static CohortQuestionException Refusal() => new([new CohortProblem(CohortErrorCodes.TooManyKeys, "question",
            "The question needs more agency records than one question may use; narrow the conditions or shorten the windows.")]);
    }
}
