using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>A handful of hand-made pupils whose every detail the tests know, plus a crowd for batching.</summary>
internal static class EducationSeed
{
    public const int Oakfield = 100001;
    public const int Riverside = 100002;
    public const int CrowdSize = 250;

    /// <summary>Persistently absent (exactly 10% in autumn), SEN support, FSM, one suspension.</summary>
    public static readonly string Amara = Upn("938123420001");

    /// <summary>Temporary UPN (ends in a letter); moved from Oakfield to Riverside; 9.9% absence.</summary>
    public static readonly string Ben = Upn("93812342002A");

    /// <summary>Still at Oakfield, no absence, no SEN.</summary>
    public static readonly string Chloe = Upn("938123420003");

    public static string CrowdUpn(int i) => Upn("9381234" + (50000 + i).ToString("00000", System.Globalization.CultureInfo.InvariantCulture));

    public static async Task SeedAsync(AgencyDatabase database)
    {
        await using var writer = await BulkWriter.OpenAsync(database);
        await writer.InsertAsync("SCHOOL", ["URN", "LAEstab", "SchoolName", "Phase", "Postcode"],
        [
            [Oakfield, "9382001", "Oakfield Primary School", "PRIMARY", "ZZ1 1AA"],
            [Riverside, "9384001", "Riverside Academy", "SECONDARY", "ZZ1 2BB"],
        ]);

        string[] pupilColumns = ["UPN", "FormerUPN", "Surname", "Forename", "MiddleNames", "PreferredSurname", "FormerSurname", "Sex", "DOB",
            "Ethnicity", "Language", "FSMeligible", "EVERFSM_6", "NCyearActual", "ServiceChild", "SENprovision", "Postcode"];
        var pupils = new List<object?[]>
        {
            new object?[] { Amara, null, "Okafor", "Amara", "Grace", null, null, 'F', new DateOnly(2015, 3, 14), "BAFR", "ENG", 'Y', 'Y', "5", 'N', 'K', "ZZ1 3CC" },
            new object?[] { Ben, Upn("938123420099"), "Walsh", "Ben", null, "Walsh-Kemp", "Kemp", 'M', new DateOnly(2013, 11, 2), "WBRI", "ENG", 'N', 'Y', "7", 'Y', 'N', "ZZ1 4DD" },
            new object?[] { Chloe, null, "Nowak", "Chloe", null, null, null, 'F', new DateOnly(2016, 6, 30), "WOTH", "POL", 'N', 'N', "4", 'N', 'N', "ZZ1 5EE" },
        };
        for (var i = 0; i < CrowdSize; i++)
        {
            pupils.Add([CrowdUpn(i), null, "Crowd" + i, "Pupil", null, null, null, i % 2 == 0 ? 'F' : 'M', new DateOnly(2014, 1, 1).AddDays(i), "WBRI", "ENG", 'N', 'N', "6", 'N', 'N', null]);
        }

        await writer.InsertAsync("PUPIL", pupilColumns, pupils);

        string[] enrolmentColumns = ["EnrolmentId", "UPN", "URN", "EntryDate", "LeavingDate", "EnrolStatus"];
        var enrolments = new List<object?[]>
        {
            new object?[] { "E1", Amara, Oakfield, new DateOnly(2019, 9, 4), null, 'C' },
            new object?[] { "E2", Ben, Oakfield, new DateOnly(2017, 9, 6), new DateOnly(2024, 7, 19), 'C' },
            new object?[] { "E3", Ben, Riverside, new DateOnly(2024, 9, 3), null, 'C' },
            new object?[] { "E4", Chloe, Oakfield, new DateOnly(2020, 9, 2), null, 'C' },
        };
        for (var i = 0; i < CrowdSize; i++)
        {
            enrolments.Add(["C" + i, CrowdUpn(i), Riverside, new DateOnly(2021, 9, 1), null, 'C']);
        }

        await writer.InsertAsync("PUPIL_ENROLMENT", enrolmentColumns, enrolments);

        string[] attendanceColumns = ["UPN", "AcademicYear", "Term", "TermStart", "URN", "SessionsPossible", "SessionsPresent",
            "SessionsApprovedActivity", "SessionsAuthorisedAbsence", "SessionsUnauthorisedAbsence"];
        var attendance = new List<object?[]>
        {
            // Amara: exactly 10% in autumn (14 of 140), 5 of 120 in spring; 19 of 260 over the year = 7.3%.
            new object?[] { Amara, "2024/25", "AUT", new DateOnly(2024, 9, 2), Oakfield, 140, 124, 2, 10, 4 },
            new object?[] { Amara, "2024/25", "SPR", new DateOnly(2025, 1, 6), Oakfield, 120, 115, 0, 5, 0 },
            // Ben: 99 of 1000 is 9.9%: not persistent.
            new object?[] { Ben, "2024/25", "AUT", new DateOnly(2024, 9, 2), Riverside, 1000, 901, 0, 50, 49 },
            new object?[] { Chloe, "2024/25", "AUT", new DateOnly(2024, 9, 2), Oakfield, 140, 140, 0, 0, 0 },
        };
        for (var i = 0; i < CrowdSize; i++)
        {
            attendance.Add([CrowdUpn(i), "2024/25", "AUT", new DateOnly(2024, 9, 2), Riverside, 140, 130, 0, 10, 0]);
        }

        await writer.InsertAsync("PUPIL_ATTENDANCE", attendanceColumns, attendance);

        await writer.InsertAsync("PUPIL_ATTENDANCE_CODE", ["UPN", "AcademicYear", "Term", "AttendanceCode", "Sessions"],
        [
            [Amara, "2024/25", "AUT", "I", 8],
            [Amara, "2024/25", "AUT", "M", 2],
            [Amara, "2024/25", "AUT", "O", 4],
            [Amara, "2024/25", "SPR", "I", 5],
            [Ben, "2024/25", "AUT", "G", 49],
        ]);

        await writer.InsertAsync("PUPIL_EXCLUSION", ["ExclusionId", "UPN", "URN", "StartDate", "Category", "Sessions", "Reason1", "Reason2", "Reason3"],
        [
            ["X1", Amara, Oakfield, new DateOnly(2025, 2, 11), "SUSPENSION", 4, "DB", "VA", null],
            ["X2", Ben, Oakfield, new DateOnly(2024, 3, 5), "SUSPENSION", 2, "PP", null, null],
            ["X3", Ben, Oakfield, new DateOnly(2024, 6, 20), "PERMANENT", 1, "PA", "OW", "DB"],
        ]);

        await writer.InsertAsync("PUPIL_SEN_TYPE", ["UPN", "SENtypeRanking", "SENtype"],
        [
            [Amara, 2, "SLCN"],
            [Amara, 1, "SEMH"],
        ]);

        await writer.InsertAsync("PUPIL_FSM", ["UPN", "FSMStartDate", "FSMEndDate"],
        [
            [Amara, new DateOnly(2020, 1, 6), null],
            [Ben, new DateOnly(2019, 4, 1), new DateOnly(2021, 3, 31)],
        ]);

        await writer.InsertAsync("PUPIL_VOICE", ["VoiceId", "UPN", "RecordedOn", "Words", "WishesAndFeelings", "RecordedBy", "Setting", "Method"],
        [
            ["V1", Amara, new DateOnly(2025, 3, 3), "I like it when Miss Patel lets me help with the reading corner.", "I want to stay in Oak class.", "Learning mentor (J. Patel)", "School", "Learning mentor conversation"],
            ["V2", Amara, new DateOnly(2024, 11, 18), "Playtime is too noisy and I go to the quiet bench.", null, "School council lead", "School council", "Pupil survey"],
        ]);

        await writer.InsertAsync("PUPIL_DATA_PREFERENCE", ["PreferenceId", "UPN", "Code", "DataCategory", "WithheldFromPurposes", "WithheldFromAgencies",
            "ExpressedBy", "Statement", "RecordedOn", "RecordedBy"],
        [
            ["P1", Amara, "NO_RESEARCH_USE", "ALL", "research,service_planning", "", "PARENT", "We don't want Amara's school records used for research.", new DateOnly(2024, 9, 10), "School office"],
        ]);
    }

    /// <summary>A UPN with a valid check letter for twelve characters.</summary>
    public static string Upn(string twelve)
    {
        const string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
        if (twelve.Length != 12)
        {
            return twelve;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (char.IsDigit(twelve[i]) ? twelve[i] - '0' : letters.IndexOf(twelve[i], StringComparison.Ordinal)) * (i + 2);
        }

        return letters[sum % 23] + twelve;
    }
}
