namespace ChildInfo.Federation.Planning;

/// <summary>
/// A fetch (<see cref="FetchStep"/>, <see cref="FlattenStep"/> or <see cref="BatchStep"/>) with the positions, in the plan's schedule, of the
/// fetches that must complete before it starts. The schedule is in dependency order.
/// </summary>
internal sealed record ScheduledStep(PlanNode Step, int[] DependsOn);
