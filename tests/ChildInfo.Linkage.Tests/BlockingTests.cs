using ChildInfo.Linkage.Evaluation;
using ChildInfo.Linkage.Linking;
using ChildInfo.Linkage.Records;

namespace ChildInfo.Linkage.Tests;

/// <summary>
/// Blocking keeps the pairs compared roughly proportional to the records: on a generated population as it grows, and
/// on a crafted one where thousands of children share one date of birth and one postcode (a placeholder date, a
/// reception centre), whose one-field blocks would make pairs grow with the square of the records holding them.
/// </summary>
public sealed class BlockingTests(ITestOutputHelper output)
{
    [Fact]
    public void CandidatePairs_GrowInProportionToThePopulation_NotItsSquare()
    {
        var small = SyntheticRecords.Generate(5_000, seed: 3);
        var large = SyntheticRecords.Generate(20_000, seed: 3);

        var smallRun = new Linker().Run(small.Records);
        var largeRun = new Linker().Run(large.Records);

        // Four times the records: about four times the pairs if blocks stay small, sixteen if they grow with the population.
        var growth = (double)largeRun.CandidatePairs / smallRun.CandidatePairs;
        var records = (double)large.Records.Count / small.Records.Count;
        output.WriteLine($"{small.Records.Count:N0} records: {smallRun.CandidatePairs:N0} pairs; {large.Records.Count:N0} records: {largeRun.CandidatePairs:N0} pairs ({growth:0.00} times for {records:0.00} times the records)");
        foreach (var rule in largeRun.Blocking)
        {
            output.WriteLine($"  {rule.Rule}: {rule.Pairs:N0} pairs, {rule.Blocks:N0} blocks, largest {rule.LargestBlock}");
        }

        Assert.True(growth < records * 1.3, $"pairs grew {growth:0.00} times for {records:0.00} times the records");
        Assert.All(largeRun.Blocking, rule => Assert.True(rule.LargestBlock <= 20, $"{rule.Rule}: a block of {rule.LargestBlock} records"));
    }

    [Fact]
    public void ThousandsSharingOneBirthDateAndPostcode_GivePairsInProportion_AndTheirRecordsStillLink()
    {
        // Recall, not precision, is blocking's to keep: among children who share a date and a postcode, telling two
        // apart falls to their names, which is the model's concern. Of 12,000 children, the first 800 have every record give the same date of birth and postcode.
        var generated = SyntheticRecords.Generate(12_000, seed: 5);
        var crowded = generated.Records.Select(r => generated.ChildOf[r.Key]).Distinct(StringComparer.Ordinal).Take(800).ToHashSet(StringComparer.Ordinal);
        List<LinkageRecord> records = [.. generated.Records.Select(r => crowded.Contains(generated.ChildOf[r.Key]) ? r with { DateOfBirth = new DateOnly(2015, 1, 1), Postcode = "NZ1 1AA" } : r)];
        var crowdedRecords = records.Count(r => crowded.Contains(generated.ChildOf[r.Key]));

        var result = new Linker().Run(records);

        var quality = LinkageQuality.Measure(result, generated.ChildOf, key => [crowded.Contains(generated.ChildOf[key]) ? "crowded" : "others"]);
        var placeAndYear = result.Blocking.Single(r => r.Rule == "py");
        output.WriteLine($"{records.Count:N0} records ({crowdedRecords:N0} crowded), {result.CandidatePairs:N0} candidate pairs; precision {quality.Precision:0.0000}, recall {quality.Recall:0.0000}");
        foreach (var group in quality.Groups)
        {
            output.WriteLine($"  {group.Group}: {group.Rate:P2} of {group.TruePairs:N0} true pairs linked");
        }

        foreach (var rule in result.Blocking)
        {
            output.WriteLine($"  {rule.Rule}: {rule.Pairs:N0} pairs, largest block {rule.LargestBlock}, {rule.SkippedBlocks} left out ({rule.SkippedRecords:N0} records)");
        }

        // All pairs among the crowded records alone would be about half a million; the date with a name's sound keeps it to tens per record.
        Assert.True(result.CandidatePairs < 20L * records.Count, $"{result.CandidatePairs:N0} pairs for {records.Count:N0} records");
        Assert.Equal(1, placeAndYear.SkippedBlocks);
        Assert.Equal(crowdedRecords, placeAndYear.SkippedRecords);
        Assert.All(result.Blocking, rule => Assert.True(rule.LargestBlock <= new LinkageOptions().MaxBlockSize));
        Assert.All(quality.Groups, group => Assert.True(group.Rate >= 0.98, $"{group.Group}: {group.Rate:P2} of true pairs linked"));
    }
}
