using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.HealthVisiting;

public sealed class Asq3DomainGraphType : ObjectGraphType<Asq3DomainResult>
{
    public Asq3DomainGraphType()
    {
        Name = "Asq3Domain";
        Field(d => d.Domain).Description("COMMUNICATION, GROSS_MOTOR, FINE_MOTOR, PROBLEM_SOLVING or PERSONAL_SOCIAL.");
        Field(d => d.Score, nullable: true).Description("Domain score, 0 to 60.");
        Field<NonNullGraphType<StringGraphType>>("outcome").Description("above cut-off, monitoring zone or below cut-off.")
            .Resolve(c => ReviewCodes.ZoneName(c.Source.Zone));
    }
}
