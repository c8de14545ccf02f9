using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>A handful of hand-made children whose every detail the tests know, plus a crowd for batching.</summary>
internal static class EarlyYearsSeed
{
    public const int Sunflowers = 200001;
    public const int Acorns = 200002;
    public const int CrowdSize = 250;

    /// <summary>Six: finished reception with a good level of development; ASQ-3 all above the cut-off; 30 hours.</summary>
    public const string Maya = "EY0000001";

    /// <summary>Three: two-year-old funding (ECO, LAA), EYPP and DAF; ASQ-3 below the cut-off in communication; no NHS number.</summary>
    public const string Theo = "EY0000002";

    /// <summary>Six: finished reception with eleven of twelve GLD goals: no good level of development.</summary>
    public const string Isla = "EY0000003";

    public static string CrowdId(int i) => "EYC" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task SeedAsync(AgencyDatabase database)
    {
        await using var writer = await BulkWriter.OpenAsync(database);
        await writer.InsertAsync("EY_SETTING", ["URN", "SettingName", "SettingType", "Postcode"],
        [
            [Sunflowers, "Sunflowers Day Nursery", "PVI_NURSERY", "ZZ2 1AA"],
            [Acorns, "Little Acorns Pre-School", "PRE_SCHOOL", "ZZ2 2BB"],
        ]);

        var children = new List<object?[]>
        {
            new object?[] { Maya, "9990000018", "Hussain", "Maya", "Noor", 'F', new DateOnly(2019, 2, 3), "APKN", "URD", "ZZ2 3CC" },
            new object?[] { Theo, null, "Brown", "Theo", null, 'M', new DateOnly(2022, 5, 20), "WBRI", "ENG", "ZZ2 4DD" },
            new object?[] { Isla, "9990000026", "Kowalski", "Isla", null, 'F', new DateOnly(2019, 7, 9), "WOTH", "POL", "ZZ2 5EE" },
        };
        for (var i = 0; i < CrowdSize; i++)
        {
            children.Add([CrowdId(i), null, "Crowd" + i, "Child", null, 'U', new DateOnly(2022, 1, 1).AddDays(i), "WBRI", "ENG", null]);
        }

        await writer.InsertAsync("EY_CHILD", ["EYChildId", "NHSNumber", "Surname", "Forename", "MiddleNames", "Sex", "DOB", "Ethnicity", "Language", "Postcode"], children);

        var spells = new List<object?[]>
        {
            new object?[] { Maya, Sunflowers, new DateOnly(2021, 9, 1), new DateOnly(2023, 7, 21) },
            new object?[] { Theo, Sunflowers, new DateOnly(2024, 9, 2), new DateOnly(2025, 3, 28) },
            new object?[] { Theo, Acorns, new DateOnly(2025, 4, 22), null },
            new object?[] { Isla, Acorns, new DateOnly(2022, 9, 5), new DateOnly(2023, 7, 20) },
        };
        for (var i = 0; i < CrowdSize; i++)
        {
            spells.Add([CrowdId(i), Sunflowers, new DateOnly(2024, 9, 2), null]);
        }

        await writer.InsertAsync("EY_CHILD_SETTING", ["EYChildId", "URN", "StartDate", "LeavingDate"], spells);

        var funding = new List<object?[]>
        {
            new object?[] { Maya, "2022/23", "AUT", new DateOnly(2022, 9, 1), Sunflowers, 15m, 15m, 0m, "50012345678", null, 'N', 'N' },
            new object?[] { Theo, "2024/25", "AUT", new DateOnly(2024, 9, 2), Sunflowers, 15m, 0m, 0m, null, "ECO,LAA", 'Y', 'Y' },
        };
        for (var i = 0; i < CrowdSize; i++)
        {
            funding.Add([CrowdId(i), "2024/25", "AUT", new DateOnly(2024, 9, 2), Sunflowers, 15m, 0m, 0m, null, "ECO", 'N', 'N']);
        }

        await writer.InsertAsync("EY_FUNDING", ["EYChildId", "AcademicYear", "Term", "TermStart", "URN", "FundedHours", "ExtendedHours", "ExpandedHours",
            "EligibilityCode", "TwoYearOldBasis", "EYPPR", "DAFIndicator"], funding);

        string[] eyfspColumns = ["EYChildId", "AssessmentYear", "URN", "FSP_COM_E01", "FSP_COM_E02", "FSP_PSE_E03", "FSP_PSE_E04", "FSP_PSE_E05",
            "FSP_PHY_E06", "FSP_PHY_E07", "FSP_LIT_E08", "FSP_LIT_E09", "FSP_LIT_E10", "FSP_MAT_E11", "FSP_MAT_E12",
            "FSP_UTW_E13", "FSP_UTW_E14", "FSP_UTW_E15", "FSP_EXP_E16", "FSP_EXP_E17"];
        await writer.InsertAsync("EYFSP", eyfspColumns,
        [
            // Maya: all twelve GLD goals expected; emerging in two goals that do not count.
            [Maya, "2024/25", 100001, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 1, 2, 2],
            // Isla: everything expected except writing (E10).
            [Isla, "2024/25", 100001, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2],
        ]);

        var reviews = new List<object?[]>
        {
            new object?[] { "R1", Maya, "NEW_BIRTH", new DateOnly(2019, 2, 12), "Health visitor (S. Khan)", "HOME", null, null, null, null, null, null, null, null, null, null, null },
            new object?[] { "R2", Maya, "TWO_YEARS", new DateOnly(2021, 3, 15), "Health visitor (S. Khan)", "CLINIC", 24, 50, 'A', 55, 'A', 45, 'A', 40, 'A', 50, 'A' },
            new object?[] { "R3", Theo, "TWO_YEARS", new DateOnly(2024, 8, 30), "Nursery nurse (HV team)", "FAMILY_HUB", 27, 15, 'B', 50, 'A', 35, 'M', 40, 'A', 45, 'A' },
        };
        for (var i = 0; i < CrowdSize; i++)
        {
            reviews.Add(["RC" + i, CrowdId(i), "TWELVE_MONTHS", new DateOnly(2023, 1, 1).AddDays(i), "Health visitor", "HOME", null, null, null, null, null, null, null, null, null, null, null]);
        }

        await writer.InsertAsync("HV_REVIEW", ["ReviewId", "EYChildId", "ReviewType", "ReviewDate", "Practitioner", "Venue", "ASQ3_Months",
            "ASQ3_COM_Score", "ASQ3_COM_Zone", "ASQ3_GM_Score", "ASQ3_GM_Zone", "ASQ3_FM_Score", "ASQ3_FM_Zone", "ASQ3_PS_Score", "ASQ3_PS_Zone",
            "ASQ3_PSE_Score", "ASQ3_PSE_Zone"], reviews);

        await writer.InsertAsync("EY_VOICE", ["VoiceId", "EYChildId", "RecordedOn", "Words", "WishesAndFeelings", "RecordedBy", "Setting", "Method"],
        [
            ["V1", Theo, new DateOnly(2025, 5, 6), "Theo pointed at the door and said \"Mummy come back after snack.\"", "Wants to know when he is collected.", "Key person (A. Lewis)", "Little Acorns Pre-School", "Key person observation"],
            ["V2", Theo, new DateOnly(2025, 6, 2), "Drew a big yellow sun and said \"That's me and Nana in the garden.\"", null, "Key person (A. Lewis)", "Little Acorns Pre-School", "Drawing described"],
        ]);

        await writer.InsertAsync("EY_DATA_PREFERENCE", ["PreferenceId", "EYChildId", "Code", "DataCategory", "WithheldFromPurposes", "WithheldFromAgencies",
            "ExpressedBy", "Statement", "RecordedOn", "RecordedBy"],
        [
            ["P1", Theo, "NOT_WITH_EDUCATION", "HEALTH", "", "education", "PARENT", "Please don't pass Theo's health visiting notes to his school.", new DateOnly(2024, 9, 2), "Setting manager"],
        ]);
    }
}
