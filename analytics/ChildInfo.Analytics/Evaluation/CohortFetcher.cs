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
        await WhenAllOrRefuse([population, .. lists], stop, budget).ConfigureAwait(false);

        var members = plan.Requests.Zip(lists, (r, l) => (Request: r, Members: l.Result)).ToList();
        var agencies = members.GroupBy(m => m.Request.Agency, StringComparer.Ordinal).ToList();
        var links = agencies.Select(a => Gated(gate, stop, () => source.LinksAsync(a.Key, DistinctIds(a.Select(m => m.Members)), stop.Token))).ToList();
        await WhenAllOrRefuse([.. links], stop, budget).ConfigureAwait(false);

        var linksByAgency = agencies.Zip(links, (a, l) => (a.Key, l.Result)).ToDictionary(p => p.Key, p => p.Result, StringComparer.Ordinal);
        // A child listed twice (or without an id) would be counted twice by a not: each id is one position, once.
        var children = new List<PopulationChild>(population.Result.Count);
        var positions = new Dictionary<string, int>(population.Result.Count, StringComparer.Ordinal);
        foreach (var child in population.Result)
        {
            if (child is not null && !string.IsNullOrEmpty(child.ChildId) && positions.TryAdd(child.ChildId, children.Count))
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

    private static HashSet<string> DistinctIds(IEnumerable<IReadOnlyList<CohortMember>> lists)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
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
