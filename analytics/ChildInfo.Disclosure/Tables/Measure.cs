namespace ChildInfo.Disclosure.Tables;

/// <summary>
/// A numeric measure over the children of one cell (attendance rate, SDQ total): its exact mean and median and the
/// number of children it was computed from, which may be fewer than the cell's count when some have no value.
/// </summary>
public sealed record Measure(double Mean, double Median, long BaseCount);
