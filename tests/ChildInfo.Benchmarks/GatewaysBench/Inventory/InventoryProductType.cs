using ChildInfo.GatewaysBench.Catalogue;
using ChildInfo.GatewaysBench.Hosting;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Inventory;

/// <summary>
/// The inventory subgraph's <c>Product</c>: inStock, and shippingEstimate, which requires the products subgraph's
/// price and weight (free above 1000, else half the weight), so the gateway must fetch those first and pass them in the
/// representation.
/// </summary>
public sealed class InventoryProductType : ObjectGraphType<StockedProduct>
{
    public InventoryProductType()
    {
        Name = "Product";
        this.Key("upc");
        this.ResolveReference<IDictionary<string, object?>, StockedProduct>((_, representation) =>
        {
            var upc = Representation.Key(representation, "upc");
            return new StockedProduct(upc, Representation.Number(representation, "price"), Representation.Number(representation, "weight"),
                BenchCatalogue.ProductByUpc(upc)?.InStock);
        });
        Field<NonNullGraphType<StringGraphType>>("upc").Resolve(c => c.Source.Upc);
        Field<IntGraphType>("price").External().Resolve(c => c.Source.Price);
        Field<IntGraphType>("weight").External().Resolve(c => c.Source.Weight);
        Field<BooleanGraphType>("inStock").Resolve(c => c.Source.InStock);
        Field<IntGraphType>("shippingEstimate").Requires("price weight").Resolve(c => ShippingEstimate(c.Source));
    }

    private static int? ShippingEstimate(StockedProduct product) =>
        product.Price is not { } price ? null : price > 1000 ? 0 : product.Weight / 2;
}
