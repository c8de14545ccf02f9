using ChildInfo.Federation.Access;

namespace ChildInfo.Federation;

/// <summary>
/// Reads a response from the merged result while execution still holds it, once null propagation has run and before
/// the subgraphs' answers are released: how a host learns what a response shows (its audit's disclosure) without
/// parsing the written JSON back.
/// </summary>
public interface IMergedResponseReader
{
    /// <param name="data">The response's <c>data</c> as written (null kind when it is null); valid only during this call.</param>
    /// <param name="notices">What the record guard reported while the response was fetched (as on <see cref="GatewayResult.Notices"/>).</param>
    void Read(MergedValue data, IReadOnlyList<RecordNotice> notices);
}
