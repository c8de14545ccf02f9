using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Validation;

namespace ChildInfo.Analytics.Evaluation;

/// <summary>
/// Fetches what a plan needs from the source: every member list and the population at once (at most
/// <see cref="CohortOptions.MaxConcurrentFetches"/> agency calls in flight), then one link call per agency with its
/// distinct local ids, each link kept only as the position of its child in the population. The key budget is checked
/// as each list arrives; passing it cancels the rest and refuses the question.
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
        var (positions, included) = Positions(population.Result);
        var agencies = members.GroupBy(m => m.Request.Agency, StringComparer.Ordinal).ToList();
        var linked = agencies.ToDictionary(a => a.Key, a => LocalIds(a.Select(m => m.Members), Withheld(withheld, a.Key)), StringComparer.Ordinal);
        var links = agencies.Select(a => Gated(gate, stop, async () =>
        {
            var children = linked[a.Key];
            await source.LinksAsync(a.Key, children.Keys, (localId, childId) => Link(children, positions, localId, childId), stop.Token).ConfigureAwait(false);
        })).ToList();
        await WhenAllOrRefuse([.. links], stop, budget).ConfigureAwait(false);

        // A child whose family's wishes keep their records out of this question is not counted at all, so that a not
        // cannot count them back in.
        foreach (var (agency, ids) in withheld)
        {
            if (linked.TryGetValue(agency, out var children))
            {
                foreach (var id in ids.Result)
                {
                    if (id is not null && children.TryGetValue(id, out var child) && child >= 0)
                    {
                        included[child] = false;
                    }
                }
            }
        }

        return new CohortData(population.Result, included, members.ToDictionary(m => m.Request, m => Linked(m.Members, linked[m.Request.Agency])));
    }

    /// <summary>
    /// Each child's position in the population, and which positions count: a child listed twice (or without an id)
    /// would be counted twice by a not, so each id is one position, its first.
    /// </summary>
    private static (Dictionary<string, int> Positions, BitArray Included) Positions(CohortPopulation population)
    {
        var positions = new Dictionary<string, int>(population.Count, StringComparer.Ordinal);
        var included = new BitArray(population.Count);
        for (var i = 0; i < population.Count; i++)
        {
            if (population.ChildIds[i] is { Length: > 0 } id && positions.TryAdd(id, i))
            {
                included[i] = true;
            }
        }

        return (positions, included);
    }

    /// <summary>
    /// The agency's distinct local ids, withheld ones included, each with the position of its child (-1 until a link
    /// says otherwise). The strings are the members' own, so the links' answers are not kept as text.
    /// </summary>
    private static Dictionary<string, int> LocalIds(IEnumerable<IReadOnlyList<CohortMember>> lists, IReadOnlyCollection<string> withheld)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in withheld)
        {
            if (!string.IsNullOrEmpty(id))
            {
                ids.TryAdd(id, -1);
            }
        }

        foreach (var member in lists.SelectMany(l => l))
        {
            if (!string.IsNullOrEmpty(member?.LocalId))
            {
                ids.TryAdd(member.LocalId, -1);
            }
        }
        return ids;
    }

    /// <summary>Records one link: only for an id that was asked, and to a child in the population; anything else is ignored.</summary>
    private static void Link(Dictionary<string, int> children, Dictionary<string, int> positions, string localId, string childId)
    {
        if (localId is null || childId is null || !positions.TryGetValue(childId, out var position))
        {
            return;
        }

        // Through a reference, so that the key collection the source is still reading is not disturbed.
        ref var child = ref CollectionsMarshal.GetValueRefOrNullRef(children, localId);
        if (!Unsafe.IsNullRef(ref child))
        {
            child = position;
        }
    }

    private async Task<IReadOnlyList<CohortMember>> Members(MemberRequest request, KeyBudget budget, CancellationToken ct)
    {
        var members = await source.MembersAsync(request.Agency, request.Fact, request.Value, request.Window, ct).ConfigureAwait(false);
        budget.Spend(members.Count);
        return members;
    }

    private static IReadOnlyCollection<string> Withheld(Dictionary<string, Task<IReadOnlyCollection<string>>> withheld, string agency) =>
        withheld.TryGetValue(agency, out var ids) ? ids.Result : [];

    private static LinkedMember[] Linked(IReadOnlyList<CohortMember> members, Dictionary<string, int> children)
    {
        var linked = new List<LinkedMember>(members.Count);
        foreach (var member in members)
        {
            if (!string.IsNullOrEmpty(member?.LocalId) && children.TryGetValue(member.LocalId, out var child) && child >= 0)
            {
                linked.Add(new LinkedMember(child, member.Group, member.Measure));
            }
        }
        return [.. linked];
    }

    /// <summary>As <see cref="Gated(SemaphoreSlim?, CancellationTokenSource, Func{Task})"/>, for a call with a result.</summary>
    private static async Task<T> Gated<T>(SemaphoreSlim? gate, CancellationTokenSource stop, Func<Task<T>> call)
    {
        var result = default(T)!;
        // A block body: as an expression the lambda would have a result and call this overload again.
        await Gated(gate, stop, async () => { result = await call().ConfigureAwait(false); }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs a call once a slot is free (any time without a gate); a failure cancels the question's other calls.</summary>
    private static async Task Gated(SemaphoreSlim? gate, CancellationTokenSource stop, Func<Task> call)
    {
        if (gate is not null)
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
        }

        try
        {
            await call().ConfigureAwait(false);
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
