using ChildInfo.Subgraphs.EarlyYears.Settings;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Funding;

public sealed class FundingGraphType : ObjectGraphType<FundingRecord>
{
    public FundingGraphType()
    {
        Name = "FundedEntitlement";
        Description = "One term's funded early education at one setting, as the early years census returns it.";
        Field(f => f.AcademicYear);
        Field(f => f.Term).Description("AUT, SPR or SUM.");
        Field<NonNullGraphType<DateScalar>>("termStart").Resolve(c => c.Source.TermStart);
        Field(f => f.Urn);
        Field<NonNullGraphType<SettingGraphType>>("setting").Resolve(c => SettingGraphType.Load(c, c.Source.Urn));
        Field<NonNullGraphType<FloatGraphType>>("fundedHours")
            .Description("FundedHours: universal 15 hours for three and four year olds, or disadvantaged two-year-old hours.")
            .Resolve(c => (double)c.Source.FundedHours);
        Field<NonNullGraphType<FloatGraphType>>("extendedHours")
            .Description("ExtendedHours: the working-parent \"30 hours\" entitlement beyond the universal 15.")
            .Resolve(c => (double)c.Source.ExtendedHours);
        Field<NonNullGraphType<FloatGraphType>>("expandedHours")
            .Description("ExpandedHours: working-parent entitlement from 9 months to under 3.")
            .Resolve(c => (double)c.Source.ExpandedHours);
        Field(f => f.EligibilityCode, nullable: true).Description("Working-parent eligibility code (N00202) for extended or expanded hours.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("twoYearOldBasis")
            .Description("Two-year-old funding basis (N00178): ECO, HSD, LAA.")
            .Resolve(c => (c.Source.TwoYearOldBasis ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Field<NonNullGraphType<BooleanGraphType>>("earlyYearsPupilPremium").Description("EYPPR: early years pupil premium.")
            .Resolve(c => c.Source.Eyppr == "Y");
        Field<NonNullGraphType<BooleanGraphType>>("disabilityAccessFund").Description("DAFIndicator: Disability Access Fund.")
            .Resolve(c => c.Source.DafIndicator == "Y");
    }
}
