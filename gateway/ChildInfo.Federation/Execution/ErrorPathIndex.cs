namespace ChildInfo.Federation.Execution;

/// <summary>
/// Where a response's errors and failed fetches sit, to ask of a path whether one is already at it, above it or (for
/// errors) below it: the question asked before reporting a non-null field that came back null. Asked by scanning every
/// error, it cost the square of a response's nulls when a subgraph answered thousands of them; here it costs the
/// path's length. Errors and failed paths are only ever appended, so each is indexed once, when first needed.
/// </summary>
internal sealed class ErrorPathIndex(ExecutionState state)
{
    private readonly Node _root = new();
    private int _errorsIndexed;
    private int _failedIndexed;

    /// <summary>
    /// True when an error's path is a prefix of <paramref name="path"/> or has it as a prefix, or a failed fetch's
    /// path is a prefix of it (segments compared as <see cref="object.Equals(object?, object?)"/> does).
    /// </summary>
    public bool Covers(IReadOnlyList<object> path)
    {
        Refresh();
        var node = _root;
        foreach (var segment in path)
        {
            if (node.ErrorEnds || node.FailedEnds)
            {
                return true;
            }

            if (node.Children is null || !node.Children.TryGetValue(segment, out node))
            {
                return false;
            }
        }

        return node.ErrorThrough || node.FailedEnds;
    }

    private void Refresh()
    {
        for (; _errorsIndexed < state.Errors.Count; _errorsIndexed++)
        {
            if (state.Errors[_errorsIndexed].Path is { } path)
            {
                var node = _root;
                node.ErrorThrough = true;
                foreach (var segment in path)
                {
                    node = node.Child(segment);
                    node.ErrorThrough = true;
                }

                node.ErrorEnds = true;
            }
        }

        for (; _failedIndexed < state.FailedPaths.Count; _failedIndexed++)
        {
            var node = _root;
            foreach (var segment in state.FailedPaths[_failedIndexed])
            {
                node = node.Child(segment);
            }

            node.FailedEnds = true;
        }
    }

    private sealed class Node
    {
        public Dictionary<object, Node>? Children { get; private set; }

        /// <summary>An error's path ends here.</summary>
        public bool ErrorEnds { get; set; }

        /// <summary>An error's path ends here or below.</summary>
        public bool ErrorThrough { get; set; }

        /// <summary>A failed fetch's path ends here.</summary>
        public bool FailedEnds { get; set; }

        public Node Child(object segment)
        {
            Children ??= [];
            if (!Children.TryGetValue(segment, out var child))
            {
                child = new Node();
                Children[segment] = child;
            }

            return child;
        }
    }
}
