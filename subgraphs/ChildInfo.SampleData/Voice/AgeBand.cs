namespace ChildInfo.SampleData.Voice;

/// <summary>How a child of a given age is heard: observed (baby), simple words, plain talk, reflective.</summary>
internal enum AgeBand
{
    Baby = 0,
    Young = 1,
    Middle = 2,
    Teen = 3,
}
