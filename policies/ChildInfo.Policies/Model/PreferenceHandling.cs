using System.Collections.Immutable;

namespace ChildInfo.Policies.Model;

/// <summary>Which data-use preference codes a rule honours, and whether its purpose sets them aside.</summary>
public sealed record PreferenceHandling(ImmutableArray<string> Honoured, bool Override)
{
    public static readonly PreferenceHandling HonourAll = new([.. PreferenceCodes.All], false);
}
