using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears;

public sealed class EarlyYearsSchema : Schema
{
    public EarlyYearsSchema(IServiceProvider services, EarlyYearsQuery query)
        : base(services)
    {
        Query = query;
        Description = "Early years: funded entitlements, settings, the EYFS profile, health visiting reviews and what the child showed or said.";
    }
}
