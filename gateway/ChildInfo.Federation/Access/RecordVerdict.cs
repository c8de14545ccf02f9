using System.Collections.Immutable;

namespace ChildInfo.Federation.Access;

/// <summary>
/// A <see cref="IRecordGuard"/>'s decision on one object: withhold the whole object (<see cref="Record"/>), or some of
/// its fields (<see cref="Fields"/>, by coordinate <c>Type.field</c>), or nothing; and what to report about it.
/// </summary>
/// <param name="Record">Set to withhold the whole object; its code, reason, rule and label go into the error.</param>
/// <param name="Fields">Decisions withholding fields of the object (ignored when <paramref name="Record"/> is set).</param>
/// <param name="Notices">Entries for the response's extensions (for example what was shown despite a restriction).</param>
public sealed record RecordVerdict(FieldAccess? Record, ImmutableArray<FieldAccess> Fields, ImmutableArray<RecordNotice> Notices)
{
    /// <summary>Keeps the object as it is, with nothing to report.</summary>
    public static RecordVerdict Keep { get; } = new(null, [], []);

    public bool WithholdsRecord => Record is not null;

    public bool IsKeep => Record is null && Fields.IsDefaultOrEmpty && Notices.IsDefaultOrEmpty;
}
