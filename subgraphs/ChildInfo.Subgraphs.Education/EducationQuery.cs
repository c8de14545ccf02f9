using ChildInfo.Subgraphs.Education.Pupils;
using ChildInfo.Subgraphs.Education.Schools;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Linkage;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education;

/// <summary>Root lookups of the education subgraph, each within the caller's record scope (<see cref="PupilScope"/>).</summary>
public sealed class EducationQuery : ObjectGraphType
{
    public EducationQuery()
    {
        Name = "Query";
        Field<PupilGraphType>("pupil")
            .Description("A pupil by unique pupil number; null when the authority holds no such pupil, or (with OUTSIDE_SCOPE) when the pupil is outside the caller's record scope.")
            .Argument<NonNullGraphType<StringGraphType>>("upn")
            .ResolveAsync(async c => await PupilScope.PupilAsync(c, c.GetArgument<string>("upn")).ConfigureAwait(false));
        Field<SchoolGraphType>("school")
            .Description("A school by URN; null when it is not on the authority's list.")
            .Argument<NonNullGraphType<IntGraphType>>("urn")
            .Resolve(c => SchoolGraphType.Load(c, c.GetArgument<int>("urn")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PupilGraphType>>>>("schoolRoll")
            .Description("Pupils on a school's roll now (an enrolment with no leaving date), by surname; empty with OUTSIDE_SCOPE unless it is the caller's school.")
            .Argument<NonNullGraphType<IntGraphType>>("urn")
            .ResolveAsync(async c => await PupilScope.RollAsync(c, c.GetArgument<int>("urn")).ConfigureAwait(false));
        this.AddCohortFields();
        this.AddLinkageFields();
    }
}
