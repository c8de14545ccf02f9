using System.Buffers;
using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// A response read from the merged result (<see cref="MergedValue"/>, what the host's audit reads) is the response as
/// written, value for value, in every conformance case: abstract types, interface objects, null propagation, withheld
/// fields and records, failed and hanging subgraphs.
/// </summary>
public sealed class MergedValueTests
{
    /// <summary>The cases that execute (those with a plan; the others are request errors).</summary>
    public static TheoryData<string> Cases() => new(ConformanceCase.All().Where(c => File.Exists(Path.Combine(ConformanceCase.Root, c, "plan.txt"))));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ConformanceCase_MergedValue_ReadsAsTheWrittenData(string caseName)
    {
        var caseDir = Path.Combine(ConformanceCase.Root, caseName);
        var options = ConformanceCase.ReadOptions(caseDir);
        var (gateway, transport) = ConformanceCase.LoadFeature(caseName.Split('/')[0], new FederationEngineOptions
        {
            SubgraphTimeouts = options.Hang.ToDictionary(h => h, _ => TimeSpan.FromMilliseconds(50)),
        });
        transport.Failing.UnionWith(options.Fail);
        transport.Hanging.UnionWith(options.Hang);
        var prepared = await ConformanceCase.PrepareAsync(gateway, caseDir, options, TestContext.Current.CancellationToken);
        Assert.NotNull(prepared.Operation);

        var reader = new CopyingReader();
        var result = await gateway.ExecuteAsync(prepared.Operation, reader, TestContext.Current.CancellationToken);

        Assert.Equal(1, reader.Reads);
        Assert.Equal(Encoding.UTF8.GetString(result.DataJson.Span), reader.Json);
        Assert.Equal(result.Notices.Count, reader.Notices);
    }

    [Fact]
    public async Task NullWrittenByNullPropagation_ReadsAsNull_WithTheMergedObjectBehindIt()
    {
        var reader = new BehindReader();

        await ExecuteCaseAsync("errors/entity-error-and-null-propagation", reader);

        // items[1] and items[2] are written null (a non-null label of theirs was null); items[0] is written whole.
        Assert.Equal([JsonValueKind.Object, JsonValueKind.Null, JsonValueKind.Null], reader.Written);
        Assert.Equal(JsonValueKind.Undefined, reader.Behind[0].Kind);
        Assert.All(reader.Behind[1..], b => Assert.Equal(JsonValueKind.Object, b.Kind));
        Assert.All(reader.Behind[1..], b => Assert.False(string.IsNullOrEmpty(b.Id)));
        // The null label below is a null, with nothing behind it (no value reads as null).
        Assert.All(reader.Behind[1..], b => Assert.Equal(JsonValueKind.Null, b.LabelBehind));
    }

    [Fact]
    public async Task FieldsSentForRequires_AreReadOnEveryObjectThatSentThem()
    {
        var reader = new ForwardedReader();

        await ExecuteCaseAsync("requires/after-entity-hop", reader);

        // Both products went to inventory with their price and weight (shippingEstimate requires them), and nowhere else.
        Assert.Equal(2, reader.PerProduct.Count);
        Assert.All(reader.PerProduct, sent =>
        {
            var only = Assert.Single(sent);
            Assert.Equal("inventory", only.Service);
            Assert.Equal(["Product.price", "Product.weight"], only.Fields);
        });
    }

    /// <summary>Reads what each <c>me.reviews[].product</c> sent onward.</summary>
    private sealed class ForwardedReader : IMergedResponseReader
    {
        public List<IReadOnlyList<ForwardedFields>> PerProduct { get; } = [];

        public void Read(MergedValue data, IReadOnlyList<RecordNotice> notices)
        {
            Assert.True(data.TryGetProperty("me", out var me));
            Assert.True(me.TryGetProperty("reviews", out var reviews));
            for (var i = 0; i < reviews.GetArrayLength(); i++)
            {
                Assert.True(reviews[i].TryGetProperty("product", out var product));
                PerProduct.Add([.. product.Forwarded]);
            }
        }
    }

    /// <summary>Executes one conformance case (its subgraphs all answering) with <paramref name="reader"/> reading the merged result.</summary>
    private static async Task ExecuteCaseAsync(string caseName, IMergedResponseReader reader)
    {
        var caseDir = Path.Combine(ConformanceCase.Root, caseName);
        var (gateway, _) = ConformanceCase.LoadFeature(caseName.Split('/')[0], new FederationEngineOptions());
        var prepared = await ConformanceCase.PrepareAsync(gateway, caseDir, ConformanceCase.ReadOptions(caseDir), TestContext.Current.CancellationToken);
        await gateway.ExecuteAsync(prepared.Operation!, reader, TestContext.Current.CancellationToken);
    }

    /// <summary>Reads <c>items</c>: each item as written, and what is behind it.</summary>
    private sealed class BehindReader : IMergedResponseReader
    {
        public List<JsonValueKind> Written { get; } = [];

        public List<(JsonValueKind Kind, string? Id, JsonValueKind LabelBehind)> Behind { get; } = [];

        public void Read(MergedValue data, IReadOnlyList<RecordNotice> notices)
        {
            Assert.True(data.TryGetProperty("items", out var items));
            for (var i = 0; i < items.GetArrayLength(); i++)
            {
                var item = items[i];
                Written.Add(item.ValueKind);
                Assert.Equal(item.ValueKind == JsonValueKind.Null, !item.EnumerateObject().Any());
                var behind = item.BehindNull;
                var id = behind.ValueKind == JsonValueKind.Object && behind.TryGetProperty("id", out var v) ? v.GetString() : null;
                var label = behind.ValueKind == JsonValueKind.Object && behind.TryGetProperty("label", out var l) ? l.BehindNull.ValueKind : JsonValueKind.Undefined;
                Behind.Add((behind.ValueKind == JsonValueKind.Null ? JsonValueKind.Undefined : behind.ValueKind, id, label));
            }
        }
    }

    /// <summary>Writes what it reads back out as JSON, through <see cref="MergedValue"/>'s reading API only.</summary>
    private sealed class CopyingReader : IMergedResponseReader
    {
        public int Reads { get; private set; }

        public int Notices { get; private set; }

        public string Json { get; private set; } = "";

        public void Read(MergedValue data, IReadOnlyList<RecordNotice> notices)
        {
            Reads++;
            Notices = notices.Count;
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, data);
            }

            Json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private static void Write(Utf8JsonWriter writer, MergedValue value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var (name, entry) in value.EnumerateObject())
                    {
                        Assert.True(value.TryGetProperty(name, out var found));
                        Assert.Equal(entry.ValueKind, found.ValueKind);
                        writer.WritePropertyName(name);
                        Write(writer, entry);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    for (var i = 0; i < value.GetArrayLength(); i++)
                    {
                        Write(writer, value[i]);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    writer.WriteStringValue(value.GetString());
                    break;
                case JsonValueKind.Null:
                    writer.WriteNullValue();
                    break;
                default:
                    writer.WriteRawValue(value.GetRawText());
                    break;
            }
        }
    }
}
