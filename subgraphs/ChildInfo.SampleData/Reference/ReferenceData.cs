namespace ChildInfo.SampleData.Reference;

/// <summary>A school on the authority's list (URN six digits).</summary>
public sealed record School(int Urn, string Name, string Phase, int Establishment, string Postcode);

/// <summary>An early years setting (nursery, pre-school, childminder) with its URN.</summary>
public sealed record EarlyYearsSetting(int Urn, string Name, string SettingType, string Postcode);

/// <summary>A voluntary or community organisation and the services it runs.</summary>
public sealed record Organisation(string OrganisationId, string Name, string CharityNumber, IReadOnlyList<string> Services);

/// <summary>A social care or early help team.</summary>
public sealed record Team(string TeamId, string Name, string Service);

/// <summary>
/// A practitioner allocated to children (social worker, early help worker, youth worker...). For a voluntary
/// organisation's practitioner, <paramref name="TeamId"/> is the organisation id.
/// </summary>
public sealed record Worker(string WorkerId, string Name, string TeamId, string Role);

/// <summary>The authority's fixed reference data, identical for every seed-sized population (see <see cref="ReferenceDataFactory"/>).</summary>
public sealed record ReferenceData(
    int LaCode,
    string LaName,
    IReadOnlyList<School> Schools,
    IReadOnlyList<EarlyYearsSetting> Settings,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Worker> Workers)
{
    /// <summary>Northshire, the sample authority.</summary>
    public static ReferenceData Northshire => ReferenceDataFactory.Create();

    public School? FindSchool(int urn) => Schools.FirstOrDefault(s => s.Urn == urn);

    public EarlyYearsSetting? FindSetting(int urn) => Settings.FirstOrDefault(s => s.Urn == urn);

    /// <summary>Schools of one phase (<see cref="ReferenceDataFactory.Primary"/>, Secondary, Special, Alternative provision).</summary>
    public IReadOnlyList<School> SchoolsInPhase(string phase) => Schools.Where(s => s.Phase == phase).ToArray();

    /// <summary>Teams running a service: ASSESSMENT, SAFEGUARDING, CHILDREN_IN_CARE, EARLY_HELP, YOUTH_SERVICE.</summary>
    public IReadOnlyList<Team> TeamsFor(string service) => Teams.Where(t => t.Service == service).ToArray();

    /// <summary>Practitioners in a team (or a voluntary organisation).</summary>
    public IReadOnlyList<Worker> WorkersIn(string teamId) => Workers.Where(w => w.TeamId == teamId).ToArray();

    /// <summary>Organisations running a service: YOUTH_WORK, YOUNG_CARERS, MENTORING, FAMILY_SUPPORT.</summary>
    public IReadOnlyList<Organisation> OrganisationsFor(string service) => Organisations.Where(o => o.Services.Contains(service)).ToArray();
}
