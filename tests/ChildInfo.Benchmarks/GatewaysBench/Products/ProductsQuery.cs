using ChildInfo.GatewaysBench.Catalogue;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Products;

public sealed class ProductsQuery : ObjectGraphType
{
    public ProductsQuery()
    {
        Name = "Query";
        Field<ListGraphType<ProductType>>("topProducts")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .Resolve(c => BenchCatalogue.Products.Take(Math.Max(0, c.GetArgument("first", 5))).ToList());
    }
}
