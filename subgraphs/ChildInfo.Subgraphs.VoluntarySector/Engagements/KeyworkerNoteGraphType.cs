using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Engagements;

public sealed class KeyworkerNoteGraphType : ObjectGraphType<KeyworkerNote>
{
    public KeyworkerNoteGraphType()
    {
        Name = "KeyworkerNote";
        Description = "A keyworker's short note of a session; a young person may ask for these not to be shared.";
        Field(n => n.NoteId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(n => n.EngagementId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(n => n.NoteDate);
        Field(n => n.SessionType, nullable: true).Description("One-to-one, group, drop-in, phone, home visit...");
        Field(n => n.Author);
        Field(n => n.Text);
    }
}
