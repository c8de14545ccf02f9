using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Links;

/// <summary>
/// The agencies' own entities as the child index refers to them: by key only (<c>resolvable: false</c>).
/// The gateway fetches everything else about them from the agency that owns them, if policy allows the link.
/// </summary>
public abstract class AgencyEntityReference : ObjectGraphType<RecordLink>
{
    protected AgencyEntityReference(string typeName, string keyField, string description)
    {
        Name = typeName;
        Description = description;
        this.Key(keyField, resolvable: false);
        Field<NonNullGraphType<IdGraphType>>(keyField).Resolve(c => c.Source.LocalId);
    }
}

public sealed class PupilReference() : AgencyEntityReference("Pupil", "upn", "A pupil record held by education, by UPN.");

public sealed class EarlyYearsChildReference() : AgencyEntityReference("EarlyYearsChild", "eyChildId", "A child's record held by early years services.");

public sealed class SocialCareChildReference() : AgencyEntityReference("SocialCareChild", "personId", "A child's record held by children's social care, by LA child ID.");

public sealed class VcsParticipantReference() : AgencyEntityReference("VcsParticipant", "participantId", "A young person's record in the voluntary sector's shared case system.");
