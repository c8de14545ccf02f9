using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector;

public sealed class VoluntarySectorSchema : Schema
{
    public VoluntarySectorSchema(IServiceProvider services, VoluntarySectorQuery query, VoluntarySectorMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
