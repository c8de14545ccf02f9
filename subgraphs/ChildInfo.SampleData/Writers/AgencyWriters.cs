namespace ChildInfo.SampleData.Writers;

/// <summary>Every agency's writer, in one place: the generator writes each agency listed here.</summary>
public static class AgencyWriters
{
    /// <summary>A fresh set of writers (writers may keep per-run state).</summary>
    public static IReadOnlyList<IAgencyWriter> All() =>
    [
        new ChildIndexWriter(),
        new EducationWriter(),
        new EarlyYearsWriter(),
        new SocialCareWriter(),
        new VoluntarySectorWriter(),
    ];
}
