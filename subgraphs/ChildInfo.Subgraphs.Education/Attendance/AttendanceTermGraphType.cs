using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Attendance;

public sealed class AttendanceTermGraphType : ObjectGraphType<AttendanceTermRecord>
{
    public AttendanceTermGraphType()
    {
        Name = "AttendanceTerm";
        Description = "One term's attendance, collected one term in arrears. Sessions are morning and afternoon halves.";
        Field(a => a.AcademicYear).Description("Academic year, for example 2024/25.");
        Field(a => a.Term).Description("AUT, SPR or SUM.");
        Field<NonNullGraphType<DateScalar>>("termStart").Resolve(c => c.Source.TermStart);
        Field(a => a.Urn).Description("School where the sessions were recorded.");
        Field(a => a.SessionsPossible);
        Field(a => a.SessionsPresent).Description("Codes / \\ L.");
        Field(a => a.SessionsApprovedActivity).Description("Approved educational activity, codes K V P W B D: counted as attendance.");
        Field(a => a.SessionsAuthorisedAbsence);
        Field(a => a.SessionsUnauthorisedAbsence);
        Field<NonNullGraphType<FloatGraphType>>("overallAbsenceRate")
            .Description("Authorised and unauthorised absence as a percentage of possible sessions.")
            .Resolve(c => AttendanceYearGraphType.Rate(c.Source.SessionsAuthorisedAbsence + c.Source.SessionsUnauthorisedAbsence, c.Source.SessionsPossible));
        Field<NonNullGraphType<BooleanGraphType>>("persistentAbsence")
            .Description("Missed at least 10% of possible sessions this term.")
            .Resolve(c => c.Source.PersistentAbsence != 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceCodeGraphType>>>>("codes")
            .Description("Absence sessions by code.")
            .Resolve(c => c.Loaders()
                .GetMany<string, AttendanceCodeRecord>("education.attendanceCodes", c.Service<AttendanceRepository>().GetCodesAsync, r => r.TermKey)
                .Load(AttendanceRepository.TermKey(c.Source.Upn, c.Source.AcademicYear, c.Source.Term)));
    }
}
