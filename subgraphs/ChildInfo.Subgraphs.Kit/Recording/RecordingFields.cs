using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// The two mutation fields every agency that takes recordings has: the child's words and a data-use wish, written
/// into the agency's own record by the registered <see cref="RecordingWriter"/> (honoured by the gateway from the next
/// request). Checked like the reads: the signed context's labels before anything runs (<see cref="Hosting.Security.ContextLabelRule"/>),
/// then who records (<see cref="RecordingScope"/>), then a relationship with the record in the agency's own data
/// (<see cref="RecordingTarget.RequireRelationshipAsync"/>), then the input within the agency's columns.
/// </summary>
public static class RecordingFields
{
    public static void AddRecordingFields(this ObjectGraphType mutation, RecordingTarget target)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        ArgumentNullException.ThrowIfNull(target);
        mutation.Field<ChildVoiceGraphType>(target.VoiceField)
            .Description($"Records the child's own words on {target.Record}, as the caller. Only for {target.Relationship}; null with OUTSIDE_SCOPE otherwise (an unknown child too).")
            .Argument<NonNullGraphType<IdGraphType>>(target.KeyArgument, target.KeyDescription)
            .Argument<NonNullGraphType<ChildVoiceInputGraphType>>("voice")
            .ResolveAsync(async c =>
            {
                var (writer, recordedBy, key, on) = await AllowedAsync(c, target).ConfigureAwait(false);
                var voice = RecordingValidator.Check(c.GetArgument<ChildVoiceInput>("voice"), writer.Tables.Limits);
                return await writer.RecordVoiceAsync(key, voice, recordedBy, on, c.CancellationToken).ConfigureAwait(false);
            });
        mutation.Field<DataUsePreferenceGraphType>(target.WishField)
            .Description($"Records a wish of the child or family about how the information on {target.Record} is used; the gateway honours it from the next request. Only for {target.Relationship}; null with OUTSIDE_SCOPE otherwise (an unknown child too).")
            .Argument<NonNullGraphType<IdGraphType>>(target.KeyArgument, target.KeyDescription)
            .Argument<NonNullGraphType<DataUseWishInputGraphType>>("wish")
            .ResolveAsync(async c =>
            {
                var (writer, recordedBy, key, on) = await AllowedAsync(c, target).ConfigureAwait(false);
                var wish = RecordingValidator.Check(c.GetArgument<DataUseWishInput>("wish"), writer.Tables.Limits);
                return await writer.RecordWishAsync(key, wish, recordedBy, on, c.CancellationToken).ConfigureAwait(false);
            });
    }

    /// <summary>The writer, who records, for which record, on which day; or the error that says why not.</summary>
    private static async Task<(RecordingWriter Writer, string RecordedBy, string Key, DateOnly On)> AllowedAsync(IResolveFieldContext<object?> c, RecordingTarget target)
    {
        var (context, scope) = RecordingScope.Require(c);
        var key = c.GetArgument<string>(target.KeyArgument);
        var writer = c.RequestServices!.GetRequiredService<RecordingWriter>();
        if (key.Length > writer.Tables.Limits.OwnerId)
        {
            // Longer than any record's key here: no such record, refused as an unknown child is.
            throw scope.OutsideScope();
        }

        await target.RequireRelationshipAsync(c, scope, key).ConfigureAwait(false);
        var recordedBy = RecordingScope.RecordedBy(context);
        if (recordedBy.Length > writer.Tables.Limits.RecordedBy)
        {
            throw RecordingErrors.Invalid("recordedBy", $"The caller's role and user id are {recordedBy.Length} characters long; this agency's record holds at most {writer.Tables.Limits.RecordedBy}.");
        }

        var now = c.RequestServices!.GetRequiredService<SubgraphHostOptions>().Time.GetUtcNow();
        return (writer, recordedBy, key, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
