using ChildInfo.Subgraphs.YouthJustice.Children;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.YouthJustice;

public sealed class YouthJusticeSchema : Schema
{
    public YouthJusticeSchema(IServiceProvider services, YouthJusticeQuery query)
        : base(services)
    {
        Query = query;
        // Child is reached only through _entities (no root field returns it), so it is registered by hand.
        this.RegisterType<YouthJusticeChildGraphType>();
    }
}
