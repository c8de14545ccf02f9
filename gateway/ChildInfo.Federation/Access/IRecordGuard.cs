namespace ChildInfo.Federation.Access;

/// <summary>
/// Checks fetched objects on data they carry themselves, for decisions a field policy cannot make before planning
/// (for example a wish recorded on an agency's record about who may see it). Supplied with the field policy
/// (<see cref="IFieldAccessPolicy.RecordGuard"/>); without one nothing is planned or checked and nothing costs.
/// <list type="bullet">
/// <item>Planning: for every object of a type it names, the planner fetches <see cref="GuardFields"/> in the same
/// subgraph call as the object's other fields from that subgraph, as it does keys; they never reach the client.
/// Fetches that go on from the object (deeper entity fetches) wait for that call.</item>
/// <item>Execution: once the call has answered, and before the object's fields are written or sent onward in a
/// representation, <see cref="Inspect"/> decides on each object: keep it, withhold some of its fields, or withhold the
/// whole object. A withheld field or object completes to null with an error carrying the decision, is counted in
/// <c>extensions.withheld</c>, and nothing under a withheld object is fetched.</item>
/// </list>
/// Plans are cached by the field policy's scope key: a guard must name the same fields for the same scope key.
/// </summary>
public interface IRecordGuard
{
    /// <summary>
    /// The fields to fetch with every object of <paramref name="typeName"/>, as a field set (for example
    /// <c>"flags { code scope }"</c>), or null when objects of that type are not checked. Asked while planning.
    /// </summary>
    string? GuardFields(string typeName);

    /// <summary>Decides on one fetched object, once per object; may be called concurrently for different objects.</summary>
    RecordVerdict Inspect(GuardedRecord record);
}
