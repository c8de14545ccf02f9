using System.Text.Json;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.ChildIndex.Links;

public sealed class RecordLinkGraphType : ObjectGraphType<RecordLink>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RecordLinkGraphType()
    {
        Name = "RecordLink";
        Description = "One agency record that the index holds to belong to this child, and how sure it is.";
        Field(l => l.SourceSystem).Description("The agency holding the record: education, early-years, social-care, voluntary-sector, youth-justice.");
        Field(l => l.LocalId).Description("The agency's own identifier for the record.");
        Field(l => l.MatchMethod).Description(
            "How the record was linked to the child: NHS_NUMBER (it shares the NHS number of another of the child's records), UPN (it shares the unique pupil number), "
            + "DEMOGRAPHIC (probabilistic: names, date of birth, sex and postcode weighed by a Fellegi–Sunter model; matchWeight and matchEvidence say how), "
            + "CLERICAL (a person reviewed the evidence and accepted the link) or SOLE_RECORD (the child's only record: linked to no other).");
        Field<NonNullGraphType<FloatGraphType>>("matchConfidence").Description("0–1: the probability that the record is this child's; 1 for an identifier, a person's review or a sole record.").Resolve(c => (double)c.Source.MatchConfidence);
        Field<NonNullGraphType<DateScalar>>("linkedOn").Resolve(c => c.Source.LinkedOn);
        Field<FloatGraphType>("matchWeight")
            .Description("The weight of the evidence that linked the record (log2 of the odds that the two records are one child, prior included); null for a sole record or a link the linkage job did not score.")
            .Resolve(c => c.Source.MatchWeight is { } weight ? (double)weight : null);
        Field<ListGraphType<NonNullGraphType<MatchEvidenceGraphType>>>("matchEvidence")
            .Description("How each identifying field compared in the pair that linked the record, and what it added to the weight; null for a sole record or a link the linkage job did not score.")
            .Resolve(c => Evidence(c.Source.MatchEvidence));
    }

    private static List<MatchEvidence>? Evidence(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<List<MatchEvidence>>(json, Json);
        }
        catch (JsonException)
        {
            // Evidence the index cannot read is not evidence: none rather than an error for the whole child.
            return null;
        }
    }
}
