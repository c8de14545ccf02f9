using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Sen;

public sealed class SenNeedGraphType : ObjectGraphType<SenTypeRecord>
{
    public SenNeedGraphType()
    {
        Name = "SenNeed";
        Description = "A ranked type of special educational need.";
        Field(s => s.Ranking).Description("1 primary, 2 secondary.");
        Field("type", s => s.SenType).Description("SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD OTH NSA.");
        Field<NonNullGraphType<StringGraphType>>("meaning").Resolve(c => SenCodes.MeaningOf(c.Source.SenType));
    }
}
