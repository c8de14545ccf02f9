using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.YouthJustice.Cases;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.YouthJustice.Children;

/// <summary>
/// The child index's <c>Child</c>, extended with the child's youth justice cases. The service stores the child-index
/// id it matched each child to when it took them on, so any child id resolves here: a child the service does not
/// know simply has no cases. Cases are loaded for every child of an <c>_entities</c> call in one statement.
/// <c>youthJustice</c> is nullable, though this service always answers a list: the gateway fetches it separately from
/// the child, and if this service is down or slow its null must cost only the cases, never the whole child.
/// </summary>
public sealed class YouthJusticeChildGraphType : ObjectGraphType<ChildReference>
{
    public YouthJusticeChildGraphType()
    {
        Name = "Child";
        Description = "A child known to one or more agencies, under an opaque pseudonymous id.";
        this.Key("id");
        this.ResolveReference<IDictionary<string, object?>, ChildReference>((_, representation) =>
            new ChildReference(Representations.RequireString(representation, "id", "Child")));

        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque, stable, pseudonymous child id.").Resolve(c => c.Source.Id);
        Field<ListGraphType<NonNullGraphType<YouthJusticeCaseGraphType>>>("youthJustice")
            .Description("The child's youth justice cases, newest outcome first; empty when the youth justice service holds none.")
            .Resolve(c => c.Loaders().GetMany<string, YouthJusticeCase>("yj.casesByChild", (ids, ct) => CaseScope.OfChildrenAsync(c, ids, ct), yj => yj.ChildIndexId!)
                .Load(c.Source.Id));
    }
}
