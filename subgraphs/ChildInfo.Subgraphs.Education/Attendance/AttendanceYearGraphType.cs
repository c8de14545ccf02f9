using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Attendance;

public sealed class AttendanceYearGraphType : ObjectGraphType<AttendanceYearRecord>
{
    public AttendanceYearGraphType()
    {
        Name = "AttendanceYear";
        Description = "A pupil's attendance over the terms held for one academic year.";
        Field(a => a.AcademicYear);
        Field(a => a.Terms).Description("Terms included.");
        Field(a => a.SessionsPossible);
        Field(a => a.SessionsAuthorisedAbsence);
        Field(a => a.SessionsUnauthorisedAbsence);
        Field<NonNullGraphType<FloatGraphType>>("overallAbsenceRate")
            .Description("Authorised and unauthorised absence as a percentage of possible sessions.")
            .Resolve(c => Rate(c.Source.SessionsAuthorisedAbsence + c.Source.SessionsUnauthorisedAbsence, c.Source.SessionsPossible));
        Field<NonNullGraphType<BooleanGraphType>>("persistentAbsence")
            .Description("Missed at least 10% of possible sessions (DfE definition).")
            .Resolve(c => c.Source.PersistentAbsence != 0);
    }

    /// <summary>A percentage to one decimal place; zero when nothing was possible.</summary>
    internal static double Rate(int sessions, int possible) =>
        possible <= 0 ? 0 : Math.Round(sessions * 100.0 / possible, 1, MidpointRounding.AwayFromZero);
}
