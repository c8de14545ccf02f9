using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// How one agency takes recordings on a child's behalf (<see cref="RecordingFields"/>): its two mutation fields (each
/// named for the agency, since a federated mutation has one owner), the argument that is its record's key, and the
/// check that the caller has a relationship with that record in the agency's own data.
/// </summary>
/// <param name="VoiceField">The field recording the child's words (<c>recordChildVoice</c>).</param>
/// <param name="WishField">The field recording a data-use wish (<c>recordDataUseWish</c>).</param>
/// <param name="KeyArgument">The argument naming the record: the agency entity's key field (<c>personId</c>, <c>upn</c>).</param>
/// <param name="KeyDescription">What the key is, for the schema (<c>LA child ID.</c>).</param>
/// <param name="Record">The record, as the descriptions name it: "their social care record".</param>
/// <param name="Relationship">Who may record, as the descriptions say it: "a child allocated to the caller or the team they act for".</param>
/// <param name="RequireRelationshipAsync">
/// Throws <c>OUTSIDE_SCOPE</c> unless the caller's scope gives a relationship with the record of that key, decided
/// with the agency's own records; an unknown record gets the same error.
/// </param>
public sealed record RecordingTarget(
    string VoiceField,
    string WishField,
    string KeyArgument,
    string KeyDescription,
    string Record,
    string Relationship,
    Func<IResolveFieldContext, CallerScope, string, Task> RequireRelationshipAsync);
