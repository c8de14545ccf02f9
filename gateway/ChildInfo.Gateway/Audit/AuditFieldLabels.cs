using ChildInfo.Policies;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The labels a disclosed field is recorded under: its classification from the current policy set when the host has
/// one (<see cref="PolicySetProvider"/>), else the field coordinate itself.
/// </summary>
public sealed class AuditFieldLabels(PolicySetProvider? policies)
{
    public IReadOnlyList<string> Of(string coordinate) =>
        policies?.Set.Classifications.TryGetValue(coordinate, out var labels) == true && labels.Length > 0 ? labels : [coordinate];
}
