using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Organisations;

public sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType()
    {
        Name = "Organisation";
        Description = "A voluntary or community organisation recording its work on the shared system.";
        Field(o => o.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.Name);
        Field(o => o.CharityNumber, nullable: true).Description("Charity Commission registration number.");
        Field(o => o.Postcode, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("services")
            .Description("Services it runs: YOUTH_WORK, YOUNG_CARERS, MENTORING, FAMILY_SUPPORT.")
            .Resolve(c => c.Source.Services);
    }
}
