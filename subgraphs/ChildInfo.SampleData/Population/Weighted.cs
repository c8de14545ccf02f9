namespace ChildInfo.SampleData.Population;

/// <summary>A fixed weighted choice (weights need not sum to one); picking is a short linear scan.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(params (T Item, double Weight)[] entries)
    {
        _items = new T[entries.Length];
        _cumulative = new double[entries.Length];
        var total = entries.Sum(e => e.Weight);
        var running = 0.0;
        for (var i = 0; i < entries.Length; i++)
        {
            _items[i] = entries[i].Item;
            running += entries[i].Weight / total;
            _cumulative[i] = running;
        }
        _cumulative[^1] = 1.0;
    }

    public T Pick(Random rng)
    {
        var x = rng.NextDouble();
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (x < _cumulative[i])
            {
                return _items[i];
            }
        }
        return _items[^1];
    }
}
