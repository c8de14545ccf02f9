using System.Text.Json;
using System.Text.Json.Serialization;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;

namespace ChildInfo.Gateway.Warming;

/// <summary>
/// The operations a host has been planning, kept in its data folder so that a restarted host plans them before it
/// serves (<see cref="PlanWarmer"/>). Shapes only: each operation printed without comments, and only when no value is
/// written into it (<see cref="OperationDocument.WritesValues"/>: a string or number there could be a child's
/// identifier), never a variable; with the role, purpose and break-glass its requests were bound under. Nobody's
/// identity, no child. Written whole and moved into place, readable by the host's own user only.
/// </summary>
public static class RecentOperationsFile
{
    public const string Format = "childinfo-recent-operations/1";

    /// <summary>Largest file read: far above what <see cref="PlanWarmer.DefaultMaxOperations"/> operations take.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Writes the operations that may be kept (see the class); returns how many were.</summary>
    public static async Task<int> SaveAsync(string path, IEnumerable<WarmOperation> operations, int maxParserDepth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(operations);
        var kept = new List<WarmOperation>();
        var seen = new HashSet<(string, string?, string?, string?, bool)>();
        foreach (var operation in operations)
        {
            if (Shape(operation.Text, operation.OperationName, maxParserDepth) is { } shape
                && seen.Add((shape, operation.OperationName, operation.Role, operation.Purpose, operation.BreakGlass)))
            {
                kept.Add(operation with { Text = shape });
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await JsonSerializer.SerializeAsync(stream, new Contents(Format, kept), Json, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
        return kept.Count;
    }

    /// <summary>The operations kept at <paramref name="path"/>; none when there is no file yet.</summary>
    /// <exception cref="InvalidDataException">The file is too large, not JSON, or not in <see cref="Format"/>.</exception>
    public static async Task<IReadOnlyList<WarmOperation>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > MaxBytes)
        {
            throw new InvalidDataException($"{path} is larger than {MaxBytes} bytes.");
        }

        Contents? contents;
        try
        {
            contents = await JsonSerializer.DeserializeAsync<Contents>(stream, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a recent-operations file: {ex.Message}", ex);
        }

        if (contents is not { Format: Format, Operations: { } operations } || operations.Any(o => o is null || string.IsNullOrEmpty(o.Text) || o.ConditionKeys is null))
        {
            throw new InvalidDataException($"{path} is not a recent-operations file in the format {Format}.");
        }

        return operations;
    }

    /// <summary>The operation printed without comments or layout; null when it does not parse or writes a value in.</summary>
    private static string? Shape(string text, string? operationName, int maxParserDepth)
    {
        try
        {
            var printed = OperationDocument.Parse(text, operationName, maxParserDepth).Normalised();
            return OperationDocument.WritesValues(printed) ? null : printed;
        }
        catch (GatewayException)
        {
            return null;
        }
    }

    private sealed record Contents(string Format, IReadOnlyList<WarmOperation> Operations);
}
