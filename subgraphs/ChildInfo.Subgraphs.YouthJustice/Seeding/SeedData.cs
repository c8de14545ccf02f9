using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.YouthJustice.Cases;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>Everything the seed writes, in the order it writes it.</summary>
public sealed record SeedData(
    IReadOnlyList<YouthJusticePerson> People,
    IReadOnlyList<YouthJusticeCase> Cases,
    IReadOnlyList<ChildVoice> Voices,
    IReadOnlyList<DataUsePreference> Preferences);

/// <summary>A child on the service's books (<c>yj_person</c>), with the child-index id matched when they were taken on.</summary>
public sealed record YouthJusticePerson(string PersonId, string? ChildIndexId, string Forename, string Surname, DateOnly DateOfBirth, string Sex, DateOnly MatchedOn);
