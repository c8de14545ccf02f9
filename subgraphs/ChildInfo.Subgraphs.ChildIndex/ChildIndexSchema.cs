using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex;

public sealed class ChildIndexSchema : Schema
{
    public ChildIndexSchema(IServiceProvider services)
        : base(services) => Query = services.GetRequiredService<ChildIndexQuery>();
}
