using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Inventory;

/// <summary>inventory: <c>Product</c> extended with inStock and shippingEstimate @requires(fields: "price weight"); no root field of its own.</summary>
public sealed class InventorySchema : Schema
{
    public InventorySchema(IServiceProvider services) : base(services)
    {
        Query = new ObjectGraphType { Name = "Query" };
        RegisterType(typeof(InventoryProductType));
    }
}
