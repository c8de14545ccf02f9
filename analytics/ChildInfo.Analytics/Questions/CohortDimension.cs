namespace ChildInfo.Analytics.Questions;

/// <summary>
/// A grouping of the answer: a child index dimension (<see cref="Index"/>, as at the question's date) or an agency's
/// dimension fact (<see cref="AgencyFact"/>, in its own window). Children with no value are counted under
/// <see cref="Unknown"/>.
/// </summary>
public abstract record CohortDimension
{
    /// <summary>The group of children with no value (no record, or a value the catalogue does not list).</summary>
    public const string Unknown = "Unknown";

    private protected CohortDimension() { }

    public static IndexDimension Index(string name) => new(name);

    public static AgencyDimension AgencyFact(string agency, string fact, CohortWindow window) => new(agency, fact, window);
}
