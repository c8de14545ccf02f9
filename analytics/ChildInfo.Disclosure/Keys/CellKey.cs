namespace ChildInfo.Disclosure.Keys;

/// <summary>
/// Cell keys as in ONS's cell-key method: a cell's key is the sum of its children's record keys modulo
/// <see cref="Range"/>. Adding or removing any child changes the key, so a different set of children draws a fresh,
/// unpredictable perturbation, while the same set always draws the same one.
/// </summary>
public static class CellKey
{
    /// <summary>Record and cell keys lie in 0..255, the range ONS used for Census 2021.</summary>
    public const int Range = 256;

    /// <summary>The key of the union of disjoint cells (a total from its parts).</summary>
    public static int Combine(int first, int second) => (first + second) % Range;
}
