namespace ChildInfo.Analytics.Evaluation;

/// <summary>An agency record mapped to its child: the child's position in the population, and the record's group or measure.</summary>
internal readonly record struct LinkedMember(int Child, string? Group, double? Measure);
