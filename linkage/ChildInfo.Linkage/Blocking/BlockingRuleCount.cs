namespace ChildInfo.Linkage.Blocking;

/// <summary>What one blocking rule brought together in a run: the figures that show whether blocking stays linear.</summary>
/// <param name="Rule">The rule's prefix (<see cref="BlockingRule.Prefix"/>).</param>
/// <param name="Description">Its fields, in words.</param>
/// <param name="Blocks">Distinct keys the records gave.</param>
/// <param name="Pairs">Pairs of records of different sources that share one of its keys (a pair another rule also gives is counted by both).</param>
/// <param name="LargestBlock">Records in its largest block that was used.</param>
/// <param name="SkippedBlocks">Blocks left out for holding more records than the limit (<see cref="Linking.LinkageOptions.MaxBlockSize"/>).</param>
/// <param name="SkippedRecords">Records in the blocks left out (their pairs are only made by other rules).</param>
public sealed record BlockingRuleCount(string Rule, string Description, long Blocks, long Pairs, int LargestBlock, int SkippedBlocks, long SkippedRecords);
