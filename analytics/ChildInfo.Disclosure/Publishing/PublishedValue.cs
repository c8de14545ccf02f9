using System.Globalization;

namespace ChildInfo.Disclosure.Publishing;

/// <summary>A published figure: a number, or a GSS symbol in its place, never both.</summary>
public readonly record struct PublishedValue
{
    private PublishedValue(double? value, GssSymbol? symbol) => (Value, Symbol) = (value, symbol);

    public double? Value { get; }

    public GssSymbol? Symbol { get; }

    public static PublishedValue Of(double value) => new(value, null);

    public static PublishedValue Withheld(GssSymbol symbol) => new(null, symbol);

    /// <summary>The number as published (invariant culture), or the symbol's letter: what a CSV cell shows.</summary>
    public override string ToString() => Symbol is { } symbol ? symbol.Code() : Value!.Value.ToString(CultureInfo.InvariantCulture);
}
