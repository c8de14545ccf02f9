namespace ChildInfo.Disclosure.Publishing;

/// <summary>The published letter of each symbol.</summary>
public static class GssSymbols
{
    public static string Code(this GssSymbol symbol) => symbol switch
    {
        GssSymbol.Confidential => "c",
        GssSymbol.NotAvailable => "x",
        GssSymbol.NotApplicable => "z",
        GssSymbol.Low => "k",
        _ => throw new ArgumentOutOfRangeException(nameof(symbol)),
    };
}
