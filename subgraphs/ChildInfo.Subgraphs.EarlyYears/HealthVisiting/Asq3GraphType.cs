using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.HealthVisiting;

/// <summary>The ASQ-3 part of a two-year review; its source is the review row.</summary>
public sealed class Asq3GraphType : ObjectGraphType<ReviewRecord>
{
    public Asq3GraphType()
    {
        Name = "Asq3Result";
        Description = "Ages and Stages Questionnaire (ASQ-3) at the 2 to 2.5 year review.";
        Field<NonNullGraphType<IntGraphType>>("questionnaireMonths").Description("Questionnaire interval used (24, 27 or 30 months).")
            .Resolve(c => c.Source.Asq3Months ?? 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Asq3DomainGraphType>>>>("domains")
            .Description("Communication, gross motor, fine motor, problem solving, personal-social.")
            .Resolve(c => new[]
            {
                new Asq3DomainResult(ReviewCodes.Asq3Domains[0], c.Source.ComScore, c.Source.ComZone),
                new Asq3DomainResult(ReviewCodes.Asq3Domains[1], c.Source.GmScore, c.Source.GmZone),
                new Asq3DomainResult(ReviewCodes.Asq3Domains[2], c.Source.FmScore, c.Source.FmZone),
                new Asq3DomainResult(ReviewCodes.Asq3Domains[3], c.Source.PsScore, c.Source.PsZone),
                new Asq3DomainResult(ReviewCodes.Asq3Domains[4], c.Source.PseScore, c.Source.PseZone),
            });
        Field<NonNullGraphType<BooleanGraphType>>("allDomainsAtOrAboveExpected")
            .Description("Every domain at or above the cut-off (indicator C6viii).")
            .Resolve(c => c.Source.AllDomainsAtOrAboveExpected != 0);
    }
}
