using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears;

public sealed class EarlyYearsSchema : Schema
{
    public EarlyYearsSchema(IServiceProvider services, EarlyYearsQuery query, EarlyYearsMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "Early years: funded entitlements, settings, the EYFS profile, health visiting reviews and what the child showed or said.";
    }
}
