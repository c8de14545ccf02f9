namespace ChildInfo.SampleData.Reference;

/// <summary>
/// The fictional authority every population lives in: Northshire (LA code 999, not a real DfE code), with its
/// schools, early years settings, voluntary organisations, social care teams and practitioners. The same for every
/// run and every seed.
/// </summary>
public static class ReferenceDataFactory
{
    public const int NorthshireLaCode = 999;
    public const string NorthshireName = "Northshire";

    public const string Primary = "Primary";
    public const string Secondary = "Secondary";
    public const string Special = "Special";
    public const string AlternativeProvision = "Alternative provision";

    public const string Nursery = "NURSERY";
    public const string PreSchool = "PRESCHOOL";
    public const string Childminder = "CHILDMINDER";

    private static readonly Lazy<ReferenceData> Instance = new(Build);

    /// <summary>Northshire's reference data (built once, shared: it is immutable).</summary>
    public static ReferenceData Create() => Instance.Value;

    /// <summary>Builds the reference data afresh (the same values every time); <see cref="Create"/> shares one copy.</summary>
    public static ReferenceData Build()
    {
        var rng = new Random(NorthshireLaCode);
        var schools = new List<School>();
        for (var i = 0; i < PrimaryNames.Length; i++)
        {
            schools.Add(new School(121_000 + i * 13, PrimaryNames[i], Primary, 2001 + i, NorthshirePostcodes.Create(rng, 1 + i % NorthshirePostcodes.Districts)));
        }

        for (var i = 0; i < SecondaryNames.Length; i++)
        {
            schools.Add(new School(137_000 + i * 17, SecondaryNames[i], Secondary, 4001 + i, NorthshirePostcodes.Create(rng, 1 + (i * NorthshirePostcodes.Districts) / SecondaryNames.Length)));
        }

        for (var i = 0; i < SpecialNames.Length; i++)
        {
            schools.Add(new School(125_400 + i, SpecialNames[i], Special, 7001 + i, NorthshirePostcodes.Create(rng, 1 + i * 6)));
        }

        schools.Add(new School(131_900, "Northshire Pupil Referral Unit", AlternativeProvision, 1100, NorthshirePostcodes.Create(rng, 3)));

        var settings = new List<EarlyYearsSetting>();
        for (var i = 0; i < NurseryNames.Length; i++)
        {
            settings.Add(new EarlyYearsSetting(2_410_000 + i * 29, NurseryNames[i], Nursery, NorthshirePostcodes.Create(rng, 1 + i % NorthshirePostcodes.Districts)));
        }

        for (var i = 0; i < PreSchoolNames.Length; i++)
        {
            settings.Add(new EarlyYearsSetting(2_520_000 + i * 31, PreSchoolNames[i], PreSchool, NorthshirePostcodes.Create(rng, 1 + (i + 5) % NorthshirePostcodes.Districts)));
        }

        for (var i = 0; i < ChildminderNames.Length; i++)
        {
            settings.Add(new EarlyYearsSetting(2_630_000 + i * 37, ChildminderNames[i] + " (childminder)", Childminder, NorthshirePostcodes.Create(rng, 1 + (i * 3 + 2) % NorthshirePostcodes.Districts)));
        }

        var organisations = new Organisation[]
        {
            new("ORG-01", "Northshire Youth Trust", "1143827", ["YOUTH_WORK", "MENTORING"]),
            new("ORG-02", "Brackenmoor and District Young Carers", "1152094", ["YOUNG_CARERS"]),
            new("ORG-03", "Calderby Community Youth Project", "1129361", ["YOUTH_WORK"]),
            new("ORG-04", "Step Forward Mentoring", "1176530", ["MENTORING"]),
            new("ORG-05", "Family Front Door Northshire", "1108745", ["FAMILY_SUPPORT"]),
            new("ORG-06", "Dunmere Family Centre Trust", "1137219", ["FAMILY_SUPPORT", "YOUNG_CARERS"]),
            new("ORG-07", "The Harbour Youth Club", "1161482", ["YOUTH_WORK"]),
            new("ORG-08", "Open Door Families", "1184906", ["FAMILY_SUPPORT", "MENTORING"]),
        };

        var teams = new Team[]
        {
            new("T01", "Assessment Team (North)", "ASSESSMENT"),
            new("T02", "Assessment Team (South)", "ASSESSMENT"),
            new("T03", "Safeguarding and Family Support (North)", "SAFEGUARDING"),
            new("T04", "Safeguarding and Family Support (South)", "SAFEGUARDING"),
            new("T05", "Children in Care (North)", "CHILDREN_IN_CARE"),
            new("T06", "Children in Care (South)", "CHILDREN_IN_CARE"),
            new("T07", "Early Help (North)", "EARLY_HELP"),
            new("T08", "Early Help (South)", "EARLY_HELP"),
            new("T09", "Youth Service", "YOUTH_SERVICE"),
        };

        var workers = new List<Worker>();
        var names = new Random(NorthshireLaCode * 7);
        string NextName() => AdultForenames[names.Next(AdultForenames.Length)] + " " + AdultSurnames[names.Next(AdultSurnames.Length)];
        void Add(string teamId, string role) => workers.Add(new Worker($"W{workers.Count + 1:0000}", NextName(), teamId, role));
        foreach (var team in teams)
        {
            Add(team.TeamId, "TEAM_MANAGER");
            var (role, count) = team.Service switch
            {
                "EARLY_HELP" => ("EARLY_HELP_WORKER", 4),
                "YOUTH_SERVICE" => ("YOUTH_WORKER", 3),
                _ => ("SOCIAL_WORKER", 5),
            };
            for (var i = 0; i < count; i++)
            {
                Add(team.TeamId, role);
            }
        }
        // Voluntary organisations' practitioners: the team id is the organisation id.
        foreach (var organisation in organisations)
        {
            var role = organisation.Services.Contains("YOUTH_WORK") ? "YOUTH_WORKER" : "KEYWORKER";
            Add(organisation.OrganisationId, role);
            if (organisation.Services.Count > 1)
            {
                Add(organisation.OrganisationId, "KEYWORKER");
            }
        }

        return new ReferenceData(NorthshireLaCode, NorthshireName, schools, settings, organisations, teams, workers);
    }

    private static readonly string[] PrimaryNames =
    [
        "Church Lane Primary School", "Moorside Primary School", "St Mary's C of E Primary School", "Brookfield Primary School",
        "Hillcrest Primary School", "St Joseph's Catholic Primary School", "Westfield Community Primary School", "Oakwood Primary School",
        "Meadowbank Primary School", "Holy Trinity C of E Primary School", "Riverside Primary School", "Larkrise Primary School",
        "Highfield Infant and Junior School", "St Aidan's C of E Primary School", "Greenacres Primary School", "Willowbrook Primary School",
        "Beechwood Primary School", "Our Lady of Lourdes Catholic Primary School", "Fernhill Primary School", "Ashgrove Primary School",
        "Holly Bank Primary School", "St Bede's Catholic Primary School", "Queensway Primary School", "Kingsmead Primary School",
        "Mill Lane Primary School", "Christ Church C of E Primary School", "Parkside Primary School", "Castle Hill Primary School",
        "St Oswald's C of E Primary School", "Fellside Primary School", "Harbour View Primary School", "Redbrook Primary School",
        "St Hilda's C of E Primary School", "Thornbury Primary School", "Orchard Primary School", "Bluebell Wood Primary School",
        "St Cuthbert's Catholic Primary School", "Sandfield Primary School", "Linden Grove Primary School", "Heron Way Primary School",
        "Kelsworth Village Primary School", "Whitlow Park Primary School", "Dunmere Lakes Primary School", "Calderby Fold Primary School",
    ];

    private static readonly string[] SecondaryNames =
    [
        "Northam Academy", "Northam Grange School", "Brackenmoor High School", "Calderby Community College",
        "Dunmere School", "Fellbridge Academy", "Ashcombe High School", "Kelsworth School",
        "Whitlow Academy", "St Benedict's Catholic High School", "Northshire Church of England Academy", "Moorlands Academy",
    ];

    private static readonly string[] SpecialNames = ["Oakfield School", "Riverbank School", "The Willows School"];

    private static readonly string[] NurseryNames =
    [
        "Little Acorns Day Nursery", "Rainbow Day Nursery", "Tiny Steps Nursery", "Sunflower Day Nursery",
        "Kelsworth Kids Day Nursery", "Ladybird Nursery", "Honeypot Day Nursery", "Apple Tree Nursery",
        "Northam Children's Centre Nursery", "Puddle Ducks Day Nursery", "Wildflowers Nursery", "Tadpoles Day Nursery",
        "Dunmere Nursery School", "The Ark Day Nursery", "Cherry Blossom Nursery", "Whitlow Bridge Day Nursery",
    ];

    private static readonly string[] PreSchoolNames =
    [
        "Brackenmoor Pre-School", "St Mary's Pre-School", "Calderby Playgroup", "Fellbridge Community Pre-School",
        "Ashcombe Village Pre-School", "Jack in the Box Pre-School", "Little Owls Pre-School", "Moorside Playgroup",
        "Busy Hands Pre-School", "Meadow Pre-School", "Kelsworth Methodist Pre-School", "Stepping Stones Pre-School",
    ];

    private static readonly string[] ChildminderNames =
    [
        "Sarah Whitfield", "Amina Hussain", "Joanne Pearce", "Kasia Nowak", "Michelle Grant", "Funmi Adeyemi",
        "Claire Robson", "Nadia Begum", "Lisa Hargreaves", "Gemma Dunn", "Priya Sharma", "Rachel Lowther",
    ];

    private static readonly string[] AdultForenames =
    [
        "Helen", "Mark", "Sophie", "James", "Aisha", "Daniel", "Rebecca", "Tom", "Kerry", "Imran", "Nicola", "Paul",
        "Fatima", "Chris", "Laura", "Gary", "Joanna", "Sam", "Emma", "Rob", "Bukola", "Gareth", "Natalie", "Ravi",
        "Louise", "Andrew", "Hannah", "Sean", "Zara", "Martin", "Katie", "Lee", "Ewa", "Steve", "Charlotte", "Kwame",
    ];

    private static readonly string[] AdultSurnames =
    [
        "Armstrong", "Bell", "Charlton", "Dixon", "Ellison", "Forster", "Graham", "Hall", "Iqbal", "Jackson",
        "Khan", "Lambert", "Milburn", "Nicholson", "Okafor", "Patel", "Quinn", "Robson", "Scott", "Thompson",
        "Usman", "Vickers", "Walker", "Young", "Ahmed", "Brennan", "Clarke", "Dodds", "Mensah", "Wójcik",
    ];
}
