using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Links;

/// <summary>
/// The agencies' own entities as the child index refers to them: by key only (<c>resolvable: false</c>).
/// The gateway fetches everything else about them from the agency that owns them, if policy allows the link.
/// </summary>
public abstract class AgencyEntityReference : ObjectGraphType<RecordLink>
{
    /// <param name="keyType">The key field's type exactly as the owning agency declares it (composition checks).</param>
    protected AgencyEntityReference(string typeName, string keyField, Type keyType, string description)
    {
        Name = typeName;
        Description = description;
        this.Key(keyField, resolvable: false);
        Field(keyField, typeof(NonNullGraphType<>).MakeGenericType(keyType)).Resolve(c => c.Source.LocalId);
    }
}

public sealed class PupilReference() : AgencyEntityReference("Pupil", "upn", typeof(StringGraphType), "A pupil record held by education, by UPN.");

public sealed class EarlyYearsChildReference() : AgencyEntityReference("EarlyYearsChild", "eyChildId", typeof(IdGraphType), "A child's record held by early years services.");

public sealed class SocialCareChildReference() : AgencyEntityReference("SocialCareChild", "personId", typeof(IdGraphType), "A child's record held by children's social care, by LA child ID.");

public sealed class VcsParticipantReference() : AgencyEntityReference("VcsParticipant", "participantId", typeof(IdGraphType), "A young person's record in the voluntary sector's shared case system.");
