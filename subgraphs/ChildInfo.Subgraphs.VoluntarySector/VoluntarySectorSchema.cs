using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector;

public sealed class VoluntarySectorSchema : Schema
{
    public VoluntarySectorSchema(IServiceProvider services, VoluntarySectorQuery query)
        : base(services)
    {
        Query = query;
    }
}
