using ChildInfo.Subgraphs.Kit.Hosting.Security;

namespace ChildInfo.Testing;

/// <summary>
/// What the record-scope tests of <c>_entities</c> need to know of one agency's entity and seed data.
/// </summary>
/// <param name="TypeName">The entity type, for example <c>Pupil</c>.</param>
/// <param name="KeyField">Its key field, for example <c>upn</c>.</param>
/// <param name="DataFields">Scalar fields of the record, read in the same statement as the key (<c>surname dob</c>).</param>
/// <param name="NestedFields">A selection of the record's nested data (<c>attendance { sessionsPossible }</c>).</param>
/// <param name="Caller">A caller under a scope the agency decides, with the relationships that put <paramref name="InScope"/> in it.</param>
/// <param name="InScope">The key of a record in <paramref name="Caller"/>'s scope.</param>
/// <param name="OutOfScope">The key of a record the agency holds, outside <paramref name="Caller"/>'s scope.</param>
/// <param name="OutOfScopeValues">Values of that record's data fields: none may appear in an answer that withholds it.</param>
/// <param name="UndecidedScope">A scope the agency cannot decide with its own records (for the child index, one it does not know).</param>
public sealed record EntityScopeCase(
    string TypeName,
    string KeyField,
    string DataFields,
    string NestedFields,
    SubgraphContext Caller,
    string InScope,
    string OutOfScope,
    IReadOnlyList<string> OutOfScopeValues,
    string UndecidedScope);
