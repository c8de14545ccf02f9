using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Attendance;

public sealed class AttendanceCodeGraphType : ObjectGraphType<AttendanceCodeRecord>
{
    public AttendanceCodeGraphType()
    {
        Name = "AttendanceCodeCount";
        Description = "Sessions recorded under one attendance code (SI 2024/208 reg 10) in a term.";
        Field("code", c => c.AttendanceCode);
        Field<NonNullGraphType<StringGraphType>>("category")
            .Description("PRESENT, APPROVED_EDUCATIONAL_ACTIVITY, AUTHORISED_ABSENCE, UNAUTHORISED_ABSENCE or NOT_COUNTED.")
            .Resolve(c => AttendanceCodes.CategoryOf(c.Source.AttendanceCode));
        Field<NonNullGraphType<StringGraphType>>("meaning").Resolve(c => AttendanceCodes.MeaningOf(c.Source.AttendanceCode));
        Field(c => c.Sessions);
    }
}
