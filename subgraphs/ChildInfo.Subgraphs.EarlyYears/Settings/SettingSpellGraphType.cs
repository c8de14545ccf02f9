using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Settings;

public sealed class SettingSpellGraphType : ObjectGraphType<SettingSpellRecord>
{
    public SettingSpellGraphType()
    {
        Name = "SettingAttendance";
        Description = "A spell at an early years setting.";
        Field(s => s.Urn);
        Field<NonNullGraphType<SettingGraphType>>("setting").Resolve(c => SettingGraphType.Load(c, c.Source.Urn));
        Field<NonNullGraphType<DateScalar>>("startDate").Resolve(c => c.Source.StartDate);
        Field<DateScalar>("leavingDate").Resolve(c => c.Source.LeavingDate);
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("Attending now: no leaving date recorded.")
            .Resolve(c => c.Source.LeavingDate is null);
    }
}
