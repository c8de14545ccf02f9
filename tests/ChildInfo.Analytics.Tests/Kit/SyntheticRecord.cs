namespace ChildInfo.Analytics.Tests.Kit;

/// <summary>
/// One synthetic agency record, with the few fields the agencies' facts read: a span (enrolment, a case), a category
/// (school phase, primary need), a tag (SEN status, plan category), a value (attendance, SDQ), event dates (exclusions,
/// referrals) and a flag. <see cref="ChildId"/> is the child the index links it to, or null when unlinked.
/// </summary>
internal sealed record SyntheticRecord(
    string Agency,
    string LocalId,
    string? ChildId,
    DateOnly Start,
    DateOnly? End,
    string? Category,
    string? Tag,
    double? Value,
    IReadOnlyList<DateOnly> Events,
    bool Flag)
{
    public bool ActiveOn(DateOnly date) => Start <= date && (End is null || End >= date);

    public bool Overlaps(DateOnly from, DateOnly to) => Start <= to && (End is null || End >= from);

    public int EventsDuring(DateOnly from, DateOnly to) => Events.Count(e => e >= from && e <= to);
}
