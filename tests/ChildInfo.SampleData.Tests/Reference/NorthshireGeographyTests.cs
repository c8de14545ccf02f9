using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Tests.Reference;

public class NorthshireGeographyTests
{
    [Fact]
    public void AllLsoas_UniqueCodesAndNamesInUnusedRangesWithDecilesOneToTen()
    {
        var lsoas = NorthshireGeography.AllLsoas().ToList();

        Assert.Equal(NorthshirePostcodes.Districts * 10 * 3, lsoas.Count);
        Assert.Equal(lsoas.Count, lsoas.Select(l => l.Code).Distinct().Count());
        Assert.Equal(lsoas.Count, lsoas.Select(l => l.Name).Distinct().Count());
        Assert.All(lsoas, l => Assert.Matches("^E0199[0-9]{4}$", l.Code));
        Assert.All(lsoas, l => Assert.Matches("^Northshire [0-9]{3}[A-C]$", l.Name));
        Assert.All(lsoas, l => Assert.InRange(l.Decile, 1, 10));
        Assert.True(lsoas.Select(l => l.Decile).Distinct().Count() == 10, "every decile occurs somewhere in the county");
    }

    [Fact]
    public void WardOf_ThreeWardsPerDistrictNamedAfterItsTown()
    {
        var wards = (from district in Enumerable.Range(1, NorthshirePostcodes.Districts)
                     from sector in Enumerable.Range(0, 10)
                     select (District: district, Ward: NorthshireGeography.WardOf(district, sector))).Distinct().ToList();

        Assert.Equal(NorthshirePostcodes.Districts * 3, wards.Count);
        Assert.Equal(wards.Count, wards.Select(w => w.Ward.Name).Distinct().Count());
        Assert.All(wards, w => Assert.Matches("^E0599[0-9]{4}$", w.Ward.Code));
        Assert.All(wards, w => Assert.StartsWith(NorthshirePostcodes.TownOf(w.District) + " ", w.Ward.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Place_SamePostcodeIncomeAndSeed_SamePlaceInThePostcodesSectorAndWard()
    {
        var first = NorthshireGeography.Place("NZ12 3AB", lowIncome: true, seed: 7)!;

        Assert.Equal(first, NorthshireGeography.Place("NZ12 3AB", lowIncome: true, seed: 7));
        Assert.Equal(NorthshireGeography.WardOf(12, 3), (first.Ward, first.WardName));
        Assert.Contains((first.Lsoa, first.LsoaName, first.IdaciDecile), Enumerable.Range(0, 3).Select(i => NorthshireGeography.LsoaOf(12, 3, i)));
    }

    [Theory]
    [InlineData("SW1A 1AA")]
    [InlineData("NZ4")]
    [InlineData("NZ4 ")]
    [InlineData("")]
    public void Place_NotANorthshirePostcode_Null(string postcode) => Assert.Null(NorthshireGeography.Place(postcode, false, 1));

    [Fact]
    public void Place_LowIncomeHouseholds_LiveInMoreDeprivedLsoasOfTheirSector()
    {
        var rng = new Random(3);
        var postcodes = Enumerable.Range(0, 4000).Select(_ => NorthshirePostcodes.Create(rng)).Distinct().ToList();

        var low = postcodes.Average(p => NorthshireGeography.Place(p, true, 1)!.IdaciDecile);
        var other = postcodes.Average(p => NorthshireGeography.Place(p, false, 1)!.IdaciDecile);

        Assert.True(other - low > 1.0, $"low income {low:0.00}, others {other:0.00}");
    }
}
