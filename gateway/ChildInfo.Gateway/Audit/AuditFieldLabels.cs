using ChildInfo.Gateway.Hosting;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The labels a disclosed field is recorded under: its classification in the served revision's policies when the
/// host has them, else the field coordinate itself.
/// </summary>
public sealed class AuditFieldLabels(GatewayState? state)
{
    public IReadOnlyList<string> Of(string coordinate) =>
        state?.Current.Policies?.Set.Classifications.TryGetValue(coordinate, out var labels) == true && labels.Length > 0 ? labels : [coordinate];
}
