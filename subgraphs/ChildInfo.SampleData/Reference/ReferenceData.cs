namespace ChildInfo.SampleData.Reference;

/// <summary>A school on the authority's list (URN six digits).</summary>
public sealed record School(int Urn, string Name, string Phase, int Establishment, string Postcode);

/// <summary>An early years setting (nursery, pre-school, childminder) with its URN.</summary>
public sealed record EarlyYearsSetting(int Urn, string Name, string SettingType, string Postcode);

/// <summary>A voluntary or community organisation and the services it runs.</summary>
public sealed record Organisation(string OrganisationId, string Name, string CharityNumber, IReadOnlyList<string> Services);

/// <summary>A social care or early help team.</summary>
public sealed record Team(string TeamId, string Name, string Service);

/// <summary>A practitioner allocated to children (social worker, early help worker, youth worker...).</summary>
public sealed record Worker(string WorkerId, string Name, string TeamId, string Role);

/// <summary>The authority's fixed reference data, identical for every seed-sized population.</summary>
public sealed record ReferenceData(
    int LaCode,
    string LaName,
    IReadOnlyList<School> Schools,
    IReadOnlyList<EarlyYearsSetting> Settings,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Worker> Workers);
