using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.GatewaysBench.Products;

/// <summary>products: <c>Product @key(upc)</c> with name, price and weight, and the root field topProducts(first = 5).</summary>
public sealed class ProductsSchema : Schema
{
    public ProductsSchema(IServiceProvider services) : base(services)
    {
        Query = services.GetRequiredService<ProductsQuery>();
    }
}
