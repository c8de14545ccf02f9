using ChildInfo.GatewaysBench.Catalogue;
using ChildInfo.GatewaysBench.Hosting;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Products;

/// <summary>The products subgraph's <c>Product</c>, which owns name, price and weight.</summary>
public sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("upc");
        this.ResolveReference<IDictionary<string, object?>, Product>((_, representation) => BenchCatalogue.ProductByUpc(Representation.Key(representation, "upc")));
        Field<NonNullGraphType<StringGraphType>>("upc").Resolve(c => c.Source.Upc);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<IntGraphType>("price").Resolve(c => c.Source.Price);
        Field<IntGraphType>("weight").Resolve(c => c.Source.Weight);
    }
}
