using ChildInfo.Subgraphs.EarlyYears.Settings;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;

namespace ChildInfo.Subgraphs.EarlyYears.Children;

/// <summary>
/// Record scope for the early years root lookups, decided with what early years holds: who attends which setting.
/// <c>own_setting</c> reaches children attending the caller's setting now; <c>everyone</c> reaches all; any other
/// scope cannot be decided here, so the lookup is refused and the child is to be found through the child index.
/// </summary>
internal static class EarlyYearsChildScope
{
    public const string Agency = "early-years";

    /// <summary>The child, if in scope; else an <c>OUTSIDE_SCOPE</c> error.</summary>
    public static async Task<EarlyYearsChildRecord?> ChildAsync(IResolveFieldContext c, string id)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (scope.Kind != RecordScopeKind.OwnSetting)
            {
                throw scope.CannotDecide(Agency);
            }

            var spells = await ChildLoaders.Spells(c, id).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
            if (scope.SettingUrn is not { } urn || !spells.Any(s => s.Urn == urn && s.LeavingDate is null))
            {
                throw scope.OutsideScope();
            }
        }

        return await ChildLoaders.Child(c, id).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For a recording: the child must attend the caller's setting now. Any other scope, a child who has left and an
    /// unknown child get the same <c>OUTSIDE_SCOPE</c>, which names no child.
    /// </summary>
    public static async Task RequireAttendingAsync(IResolveFieldContext c, CallerScope scope, string id)
    {
        if (scope.Kind != RecordScopeKind.OwnSetting)
        {
            throw scope.OutsideScope($"Early years records on a child's behalf only for a child attending the caller's setting (scope {scope.Name}, rule {scope.Rule ?? "none"}).");
        }

        var spells = await c.Service<SettingRepository>().GetSpellsAsync([id], c.CancellationToken).ConfigureAwait(false);
        if (scope.SettingUrn is not { } urn || !spells.Any(s => s.Urn == urn && s.LeavingDate is null))
        {
            throw scope.OutsideScope();
        }
    }

    /// <summary>
    /// For <c>_entities</c>: the children of <paramref name="ids"/> attending the caller's setting now, under
    /// <c>own_setting</c>; null under any other scope, which the register cannot decide.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> DecideAsync(IResolveFieldContext c, CallerScope scope, IReadOnlyCollection<string> ids)
    {
        if (scope.Kind != RecordScopeKind.OwnSetting)
        {
            return null;
        }

        var spells = await c.Service<SettingRepository>().GetSpellsAsync(ids, c.CancellationToken).ConfigureAwait(false);
        return spells.Where(s => scope.SettingUrn is { } urn && s.Urn == urn && s.LeavingDate is null).Select(s => s.EyChildId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A setting's children, if the setting is the caller's (or the scope is everyone); else empty with an error.</summary>
    public static async Task<IReadOnlyList<EarlyYearsChildRecord>> AttendingAsync(IResolveFieldContext c, int urn)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (scope.Kind != RecordScopeKind.OwnSetting)
            {
                CallerScope.Report(c, scope.CannotDecide(Agency));
                return [];
            }

            if (scope.SettingUrn != urn)
            {
                CallerScope.Report(c, scope.OutsideScope("The setting's children are outside the caller's scope: own_setting reaches only the caller's own setting."));
                return [];
            }
        }

        return await c.Service<EarlyYearsChildRepository>().GetAttendingAsync(urn, c.CancellationToken).ConfigureAwait(false);
    }
}
