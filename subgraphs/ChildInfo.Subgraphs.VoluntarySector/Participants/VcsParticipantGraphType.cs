using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.VoluntarySector.Engagements;
using ChildInfo.Subgraphs.VoluntarySector.Organisations;
using ChildInfo.Subgraphs.VoluntarySector.Outcomes;
using ChildInfo.Subgraphs.VoluntarySector.Voice;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Participants;

/// <summary>
/// The voluntary-sector entity, keyed by the shared system's own participant id. Every list is loaded for all
/// the participants in a response at once (one statement per list).
/// </summary>
public sealed class VcsParticipantGraphType : ObjectGraphType<VcsParticipant>
{
    public const string TypeName = "VcsParticipant";

    public VcsParticipantGraphType()
    {
        Name = TypeName;
        Description = "A child or young person known to voluntary and community organisations on the shared case-recording system.";
        this.Key("participantId");
        this.ResolveReference<IDictionary<string, object?>, VcsParticipant>((context, representation) =>
            EntityScope.Load(context, "vcsParticipant", Representations.RequireString(representation, "participantId", TypeName),
                ParticipantScope.DecideAsync, context.Service<ParticipantRepository>().GetManyAsync));

        Field(p => p.ParticipantId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The shared system's own id.");
        Field(p => p.Forename, nullable: true);
        Field(p => p.MiddleName, nullable: true);
        Field(p => p.Surname, nullable: true);
        Field(p => p.KnownAs, nullable: true).Description("The name the young person prefers to be called.");
        Field(p => p.DateOfBirth, nullable: true);
        Field(p => p.Sex, nullable: true).Description("F, M or U, as given.");
        Field(p => p.Postcode, nullable: true);
        Field(p => p.NhsNumber, nullable: true).Description("Often not known to community organisations.");
        Field(p => p.Upn, nullable: true);
        Field(p => p.RegisteredDate, nullable: true);
        Field<OrganisationGraphType>("registeredBy")
            .Resolve(c => c.Source.RegisteredByOrganisationId is { } id
                ? c.Loaders().Get<string, Organisation>("vcs.organisation", c.Service<OrganisationRepository>().GetManyAsync).Load(id)
                : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EngagementGraphType>>>>("engagements")
            .Description("Engagements with services, newest first.")
            .Resolve(c => c.Loaders().GetMany<string, Engagement>("vcs.engagements", c.Service<EngagementRepository>().GetEngagementsAsync, e => e.ParticipantId)
                .Load(c.Source.ParticipantId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyworkerNoteGraphType>>>>("keyworkerNotes")
            .Description("Keyworkers' session notes, newest first.")
            .Resolve(c => c.Loaders().GetMany<string, KeyworkerNote>("vcs.notes", c.Service<EngagementRepository>().GetNotesAsync, n => n.ParticipantId)
                .Load(c.Source.ParticipantId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SdqScoreGraphType>>>>("sdqScores")
            .Resolve(c => c.Loaders().GetMany<string, SdqScore>("vcs.sdq", c.Service<OutcomeRepository>().GetSdqAsync, s => s.ParticipantId)
                .Load(c.Source.ParticipantId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WemwbsScoreGraphType>>>>("wemwbsScores")
            .Resolve(c => c.Loaders().GetMany<string, WemwbsScore>("vcs.wemwbs", c.Service<OutcomeRepository>().GetWemwbsAsync, s => s.ParticipantId)
                .Load(c.Source.ParticipantId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StarReadingGraphType>>>>("starReadings")
            .Description("Journey-of-change readings, oldest first, so progress reads left to right.")
            .Resolve(c => c.Loaders().GetMany<string, StarReading>("vcs.star", c.Service<OutcomeRepository>().GetStarReadingsAsync, s => s.ParticipantId)
                .Load(c.Source.ParticipantId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildVoiceGraphType>>>>("voice")
            .Description("In the young person's own words: what matters to them, what helps. Newest first.")
            .Resolve(c => c.Loaders().GetMany<string, ChildVoice>("vcs.voice", c.Service<VoiceRepository>().GetVoiceAsync, v => v.OwnerId)
                .Load(c.Source.ParticipantId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataUsePreferenceGraphType>>>>("dataUsePreferences")
            .Description("The young person's and family's wishes about how this information is used.")
            .Resolve(c => c.Loaders().GetMany<string, DataUsePreference>("vcs.preferences", c.Service<VoiceRepository>().GetPreferencesAsync, p => p.OwnerId)
                .Load(c.Source.ParticipantId));
    }
}
