using ChildInfo.Subgraphs.Kit.Batching;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Settings;

public sealed class SettingGraphType : ObjectGraphType<SettingRecord>
{
    public SettingGraphType()
    {
        Name = "EarlyYearsSetting";
        Description = "An early years setting: nursery, pre-school, childminder or school nursery class.";
        Field(s => s.Urn).Description("Ofsted unique reference number.");
        Field(s => s.Name);
        Field(s => s.SettingType).Description("Setting type as the authority records it, for example PVI_NURSERY, CHILDMINDER, SCHOOL_NURSERY.");
        Field(s => s.Postcode, nullable: true);
    }

    public static IDataLoaderResult<SettingRecord> Load(IResolveFieldContext context, int urn) =>
        context.Loaders().Get<int, SettingRecord>("earlyYears.setting", context.Service<SettingRepository>().GetManyAsync).Load(urn);
}
