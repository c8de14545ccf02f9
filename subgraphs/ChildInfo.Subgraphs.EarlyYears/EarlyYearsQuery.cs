using ChildInfo.Subgraphs.EarlyYears.Children;
using ChildInfo.Subgraphs.EarlyYears.Settings;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Linkage;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears;

/// <summary>Root lookups of the early-years subgraph, each within the caller's record scope (<see cref="EarlyYearsChildScope"/>).</summary>
public sealed class EarlyYearsQuery : ObjectGraphType
{
    public EarlyYearsQuery()
    {
        Name = "Query";
        Field<EarlyYearsChildGraphType>("earlyYearsChild")
            .Description("A child by the early years system's reference; null when there is no such child, or (with OUTSIDE_SCOPE) when the child is outside the caller's record scope.")
            .Argument<NonNullGraphType<IdGraphType>>("eyChildId")
            .ResolveAsync(async c => await EarlyYearsChildScope.ChildAsync(c, c.GetArgument<string>("eyChildId")).ConfigureAwait(false));
        Field<SettingGraphType>("setting")
            .Description("An early years setting by URN; null when the authority does not know it.")
            .Argument<NonNullGraphType<IntGraphType>>("urn")
            .Resolve(c => SettingGraphType.Load(c, c.GetArgument<int>("urn")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EarlyYearsChildGraphType>>>>("settingChildren")
            .Description("Children attending a setting now (a spell with no leaving date), by surname; empty with OUTSIDE_SCOPE unless it is the caller's setting.")
            .Argument<NonNullGraphType<IntGraphType>>("urn")
            .ResolveAsync(async c => await EarlyYearsChildScope.AttendingAsync(c, c.GetArgument<int>("urn")).ConfigureAwait(false));
        this.AddCohortFields();
        this.AddLinkageFields();
    }
}
