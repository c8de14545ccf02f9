using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.SocialCare.Allocations;
using ChildInfo.Subgraphs.SocialCare.Voice;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare;

/// <summary>
/// Recording on the child's behalf into social care's own record: the child's words, and the family's data-use
/// wishes (honoured by the gateway's next decision about the child). Checked like the reads: the signed context's
/// labels before anything runs, then a relationship with the child in social care's own allocations, then the input.
/// </summary>
public sealed class SocialCareMutation : ObjectGraphType
{
    public SocialCareMutation()
    {
        Name = "Mutation";
        Field<ChildVoiceGraphType>("recordChildVoice")
            .Description("Records the child's own words on their social care record, as the caller. Only for a child allocated to the caller or the team they act for; null with OUTSIDE_SCOPE otherwise (an unknown child too).")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "LA child ID.")
            .Argument<NonNullGraphType<ChildVoiceInputGraphType>>("voice")
            .ResolveAsync(async c =>
            {
                var (context, personId, on) = await AllowedAsync(c).ConfigureAwait(false);
                var voice = RecordingValidator.Check(c.GetArgument<ChildVoiceInput>("voice"));
                return await c.RequestServices!.GetRequiredService<VoiceRecorder>()
                    .RecordVoiceAsync(personId, voice, RecordingScope.RecordedBy(context), on, c.CancellationToken).ConfigureAwait(false);
            });
        Field<DataUsePreferenceGraphType>("recordDataUseWish")
            .Description("Records a wish of the child or family about how social care's information about them is used; the gateway honours it from the next request. Only for a child allocated to the caller or the team they act for; null with OUTSIDE_SCOPE otherwise (an unknown child too).")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "LA child ID.")
            .Argument<NonNullGraphType<DataUseWishInputGraphType>>("wish")
            .ResolveAsync(async c =>
            {
                var (context, personId, on) = await AllowedAsync(c).ConfigureAwait(false);
                var wish = RecordingValidator.Check(c.GetArgument<DataUseWishInput>("wish"));
                return await c.RequestServices!.GetRequiredService<VoiceRecorder>()
                    .RecordWishAsync(personId, wish, RecordingScope.RecordedBy(context), on, c.CancellationToken).ConfigureAwait(false);
            });
    }

    /// <summary>Who records, for which child, on which day; or the error that says why not.</summary>
    private static async Task<(ChildInfo.Subgraphs.Contract.SubgraphContext Context, string PersonId, DateOnly On)> AllowedAsync(IResolveFieldContext<object?> c)
    {
        var (context, scope) = RecordingScope.Require(c);
        var personId = c.GetArgument<string>("personId");
        await CaseloadScope.RequireAllocatedAsync(c, scope, personId).ConfigureAwait(false);
        var now = c.RequestServices!.GetRequiredService<SubgraphHostOptions>().Time.GetUtcNow();
        return (context, personId, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
