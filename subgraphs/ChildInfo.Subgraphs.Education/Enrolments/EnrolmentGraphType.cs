using ChildInfo.Subgraphs.Education.Schools;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Enrolments;

public sealed class EnrolmentGraphType : ObjectGraphType<EnrolmentRecord>
{
    public EnrolmentGraphType()
    {
        Name = "Enrolment";
        Description = "A spell on a school's roll.";
        Field(e => e.Urn).Description("The school's URN.");
        Field<NonNullGraphType<SchoolGraphType>>("school").Resolve(c => SchoolGraphType.Load(c, c.Source.Urn));
        Field<NonNullGraphType<DateScalar>>("entryDate").Resolve(c => c.Source.EntryDate);
        Field<DateScalar>("leavingDate").Resolve(c => c.Source.LeavingDate);
        Field(e => e.EnrolStatus).Description("C single registration; M main, S subsidiary dual registration.");
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("On roll now: no leaving date recorded.")
            .Resolve(c => c.Source.LeavingDate is null);
    }
}
