using ChildInfo.Linkage.Evaluation;
using ChildInfo.Linkage.Linking;
using ChildInfo.Linkage.Records;

namespace ChildInfo.Linkage.Tests;

/// <summary>The linker on a generated population (its ground truth kept apart) and on crafted records added to it.</summary>
public sealed class LinkerTests(ITestOutputHelper output)
{
    /// <summary>20,000 in the suite; CHILDINFO_LINKAGE_CHILDREN measures a larger population (README: linkage results).</summary>
    private static readonly int Children = int.TryParse(Environment.GetEnvironmentVariable("CHILDINFO_LINKAGE_CHILDREN"), out var n) && n > 0 ? n : 20_000;

    private static readonly System.Diagnostics.Stopwatch RunTime = new();

    private static readonly Lazy<SyntheticRecords> Population = new(() => SyntheticRecords.Generate(Children, seed: 7));

    private static readonly Lazy<LinkageResult> Run = new(() =>
    {
        var records = Population.Value.Records;
        RunTime.Start();
        var result = new Linker().Run(records);
        RunTime.Stop();
        return result;
    });

    [Fact]
    public void GeneratedPopulation_MeetsTheAccuracyTargets_AndTheFairnessGap()
    {
        var quality = LinkageQuality.Measure(Run.Value, Population.Value.ChildOf, key => Population.Value.GroupsOf[key]);

        output.WriteLine($"{Population.Value.Records.Count:N0} records of {Children:N0} children, {Run.Value.CandidatePairs:N0} candidate pairs, linked in {RunTime.Elapsed.TotalSeconds:0.0} s, {Environment.WorkingSet / 1_048_576:N0} MB working set");
        output.WriteLine($"precision {quality.Precision:0.0000}, recall {quality.Recall:0.0000} ({quality.CorrectPairs:N0} of {quality.TruePairs:N0} true pairs; {quality.PredictedPairs:N0} linked), review {quality.ReviewShare:P2} of records");
        foreach (var pair in Run.Value.ReviewQueue.Take(5))
        {
            output.WriteLine($"  review {pair.Probability:0.000} same child: {Population.Value.ChildOf[pair.RecordA] == Population.Value.ChildOf[pair.RecordB]} " + string.Join("; ", pair.Evidence.Select(e => $"{e.Field} {e.Comparison} {e.Weight}")));
        }

        foreach (var group in quality.Groups)
        {
            output.WriteLine($"  {group.Group}: {group.Rate:P2} of {group.TruePairs:N0} pairs");
        }

        Assert.True(quality.Precision >= 0.995, $"precision {quality.Precision:0.0000}");
        Assert.True(quality.Recall >= 0.98, $"recall {quality.Recall:0.0000}");
        Assert.True(quality.ReviewShare < 0.01, $"review band {quality.ReviewShare:P2}");
        foreach (var dimension in new[] { "ethnicity:", "sex:", "free school meals:" })
        {
            // Groups of fewer than 200 true pairs are too small to measure a 1-point gap on; they are printed above.
            var gap = LinkageQuality.GapPoints(quality.Groups.Where(g => g.Group.StartsWith(dimension, StringComparison.Ordinal) && g.TruePairs >= 200));
            Assert.True(gap < 1.0, $"{dimension} link-rate gap {gap:0.00} points");
        }
    }

    [Fact]
    public void Model_ConvergesToWhatTheFieldsMean()
    {
        var model = Run.Value.Model;
        var dob = Field("dateOfBirth");

        Assert.True(model.Converged, $"EM did not converge in {model.Iterations} iterations");
        Assert.True(model.M[dob][0] > 0.9, $"m(date of birth the same) = {model.M[dob][0]:0.000}");
        Assert.True(model.U[dob][0] < 0.01, $"u(date of birth the same) = {model.U[dob][0]:0.0000}");
        Assert.True(model.Weight(Field("surname"), 0) > model.Weight(Field("surname"), 1), "an exact surname outweighs a near one");
        Assert.True(model.Weight(Field("forename"), 4) < 0, "different forenames count against a match");
    }

    [Fact]
    public void Twins_WithTheSameBirthDateAndAddress_AreNotMerged()
    {
        var records = Population.Value.Records.ToList();
        LinkageRecord Twin(string source, string id, string forename) =>
            new(source, id, forename, null, "Okonkwo-Reid", 'F', new DateOnly(2016, 11, 23), "NS2 7QT", null, null);
        records.AddRange([Twin("education", "TW-E1", "Amara"), Twin("education", "TW-E2", "Adaeze"), Twin("social-care", "TW-S1", "Amara"), Twin("social-care", "TW-S2", "Adaeze")]);

        var result = new Linker().Run(records);

        var amara = result.Clusters.Single(c => c.Contains("education:TW-E1"));
        var adaeze = result.Clusters.Single(c => c.Contains("education:TW-E2"));
        Assert.Equal(["education:TW-E1", "social-care:TW-S1"], amara);
        Assert.Equal(["education:TW-E2", "social-care:TW-S2"], adaeze);
    }

    [Fact]
    public void Reviews_AreRespected_AcceptedLinked_RejectedNever()
    {
        var records = Population.Value.Records.ToList();
        // The same child by identity, but so few fields agree that no key brings them together: only a reviewer can link them.
        records.Add(new LinkageRecord("education", "RV-E1", "Kacper", null, "Nowak", 'M', new DateOnly(2012, 1, 5), "NS9 1AA", null, null));
        records.Add(new LinkageRecord("voluntary-sector", "RV-V1", "Casper", null, "Novak", 'M', new DateOnly(2012, 2, 6), "NS9 8ZZ", null, null));
        // Two records that link on their own, which a reviewer says are different children.
        records.Add(new LinkageRecord("education", "RV-E2", "Priya", "Kaur", "Sandhu", 'F', new DateOnly(2014, 6, 2), "NS3 2BB", null, null));
        records.Add(new LinkageRecord("social-care", "RV-S2", "Priya", "Kaur", "Sandhu", 'F', new DateOnly(2014, 6, 2), "NS3 2BB", null, null));
        var before = new Linker().Run(records);
        Assert.Contains(before.Clusters, c => c.SequenceEqual(["education:RV-E2", "social-care:RV-S2"]));

        var after = new Linker().Run(records, [new ReviewDecision("voluntary-sector:RV-V1", "education:RV-E1", true, "reviewer.a"), new ReviewDecision("education:RV-E2", "social-care:RV-S2", false, "reviewer.a")]);

        Assert.Contains(after.Clusters, c => c.SequenceEqual(["education:RV-E1", "voluntary-sector:RV-V1"]));
        Assert.Equal(LinkMethod.Reviewed, after.Links.Single(l => l.RecordA == "education:RV-E1").Method);
        Assert.DoesNotContain(after.Clusters, c => c.Contains("education:RV-E2") && c.Contains("social-care:RV-S2"));
    }

    [Fact]
    public void EachLink_CarriesItsMethodAndTheEvidenceOfEveryField()
    {
        var link = Run.Value.Links.First(l => l.Method == LinkMethod.Probabilistic);

        Assert.Equal(["nhsNumber", "upn", "forename", "surname", "dateOfBirth", "sex", "postcode"], link.Evidence.Select(e => e.Field));
        Assert.True(link.Probability >= new LinkageOptions().LinkThreshold);
        Assert.Contains(Run.Value.Links, l => l.Method == LinkMethod.NhsNumber);
        Assert.Contains(Run.Value.Links, l => l.Method == LinkMethod.Upn);
    }

    [Fact]
    public void OneSource_NeverHoldsTwoRecordsOfOneChild() =>
        Assert.All(Run.Value.Clusters, c => Assert.Equal(c.Count, c.Select(k => k.Split(':')[0]).Distinct().Count()));

    [Fact]
    public void SameRecords_GiveTheSameLinks()
    {
        var again = new Linker().Run(Population.Value.Records);

        Assert.Equal(Run.Value.Clusters.Select(c => string.Join(",", c)), again.Clusters.Select(c => string.Join(",", c)));
    }

    [Fact]
    public void BadInput_IsRefusedClearly()
    {
        var record = Population.Value.Records[0];

        var duplicate = Assert.Throws<ArgumentException>(() => new Linker().Run([record, record]));
        Assert.Contains(record.Key, duplicate.Message, StringComparison.Ordinal);
        var options = Assert.Throws<ArgumentException>(() => new Linker(new LinkageOptions { LinkThreshold = 0.5, ReviewThreshold = 0.9 }));
        Assert.Contains("review threshold", options.Message, StringComparison.Ordinal);
    }

    private static int Field(string name) => Run.Value.Model.Comparisons.Select((c, i) => (c, i)).Single(x => x.c.Field == name).i;
}
