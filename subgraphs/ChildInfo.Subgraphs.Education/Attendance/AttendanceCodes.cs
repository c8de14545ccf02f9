namespace ChildInfo.Subgraphs.Education.Attendance;

/// <summary>
/// Attendance codes of The School Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208),
/// regulation 10, by the category they count under.
/// </summary>
public static class AttendanceCodes
{
    public const string Present = "PRESENT";
    public const string ApprovedActivity = "APPROVED_EDUCATIONAL_ACTIVITY";
    public const string Authorised = "AUTHORISED_ABSENCE";
    public const string Unauthorised = "UNAUTHORISED_ABSENCE";
    public const string NotCounted = "NOT_COUNTED";

    private static readonly Dictionary<string, (string Category, string Meaning)> Codes = new(StringComparer.Ordinal)
    {
        ["/"] = (Present, "Present (morning)"),
        ["\\"] = (Present, "Present (afternoon)"),
        ["L"] = (Present, "Late, arrived before registers closed"),
        ["K"] = (ApprovedActivity, "Attending education provision arranged by the local authority"),
        ["V"] = (ApprovedActivity, "Attending an educational visit or trip"),
        ["P"] = (ApprovedActivity, "Participating in a sporting activity"),
        ["W"] = (ApprovedActivity, "Attending work experience"),
        ["B"] = (ApprovedActivity, "Attending any other approved educational activity"),
        ["D"] = (ApprovedActivity, "Attending another school at which the pupil is registered"),
        ["C"] = (Authorised, "Leave of absence for exceptional circumstances"),
        ["C1"] = (Authorised, "Leave of absence for a regulated performance or employment abroad"),
        ["C2"] = (Authorised, "Leave of absence for a part-time timetable"),
        ["E"] = (Authorised, "Suspended or permanently excluded, no alternative provision made"),
        ["I"] = (Authorised, "Illness"),
        ["J1"] = (Authorised, "Leave of absence for an interview"),
        ["M"] = (Authorised, "Medical or dental appointment"),
        ["R"] = (Authorised, "Religious observance"),
        ["S"] = (Authorised, "Study leave"),
        ["T"] = (Authorised, "Parent travelling for occupational purposes"),
        ["G"] = (Unauthorised, "Holiday not granted by the school"),
        ["N"] = (Unauthorised, "Reason for absence not yet established"),
        ["O"] = (Unauthorised, "Absent in other or unknown circumstances"),
        ["U"] = (Unauthorised, "Arrived in school after registers closed"),
        ["X"] = (NotCounted, "Non-compulsory school age, not required to attend"),
        ["Y1"] = (NotCounted, "Unable to attend: transport not available"),
        ["Y2"] = (NotCounted, "Unable to attend: widespread disruption to travel"),
        ["Y3"] = (NotCounted, "Unable to attend: part of school premises closed"),
        ["Y4"] = (NotCounted, "Unable to attend: whole school site unexpectedly closed"),
        ["Y5"] = (NotCounted, "Unable to attend: in criminal justice detention"),
        ["Y6"] = (NotCounted, "Unable to attend: public health guidance or law"),
        ["Y7"] = (NotCounted, "Unable to attend: any other unavoidable cause"),
        ["Z"] = (NotCounted, "Prospective pupil not on admission register"),
        ["#"] = (NotCounted, "Planned whole-school closure"),
        ["Q"] = (NotCounted, "Unable to attend: lack of access arrangements"),
    };

    /// <summary>Authorised absence codes a writer may use for a term's absences, commonest first.</summary>
    public static readonly IReadOnlyList<string> AuthorisedAbsence = ["I", "M", "C", "R", "E", "C2", "J1", "S", "T", "C1"];

    /// <summary>Unauthorised absence codes, commonest first.</summary>
    public static readonly IReadOnlyList<string> UnauthorisedAbsence = ["O", "G", "N", "U"];

    public static bool IsKnown(string code) => Codes.ContainsKey(code);

    /// <summary>PRESENT, APPROVED_EDUCATIONAL_ACTIVITY, AUTHORISED_ABSENCE, UNAUTHORISED_ABSENCE or NOT_COUNTED.</summary>
    public static string CategoryOf(string code) => Codes.TryGetValue(code, out var entry) ? entry.Category : "UNKNOWN";

    public static string MeaningOf(string code) => Codes.TryGetValue(code, out var entry) ? entry.Meaning : "Unknown code";
}
