using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary><c>LinkageRecordPage</c>: shared and inaccessible like <see cref="LinkageIdentityGraphType"/>.</summary>
public sealed class LinkageRecordPageGraphType : ObjectGraphType<LinkageRecordPage>
{
    public LinkageRecordPageGraphType()
    {
        Name = "LinkageRecordPage";
        Description = "One page of an agency's records for linkage, in local id order.";
        this.Shareable();
        this.Inaccessible();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkageIdentityGraphType>>>>("records").Resolve(c => c.Source.Records);
        Field<StringGraphType>("next").Description("Pass as after for the next page; null on the last page.").Resolve(c => c.Source.Next);
    }
}
