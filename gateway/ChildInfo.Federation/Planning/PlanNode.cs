namespace ChildInfo.Federation.Planning;

/// <summary>
/// A node of a query plan. The set of node kinds is closed: <see cref="FetchStep"/>, <see cref="FlattenStep"/>, <see cref="BatchStep"/>,
/// <see cref="SequenceStep"/> and <see cref="ParallelStep"/>.
/// </summary>
public abstract record PlanNode
{
    private protected PlanNode()
    {
    }
}
