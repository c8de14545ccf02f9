using System.Text.Json;
using System.Text.Json.Nodes;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Execution;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// The merged result's objects hold their first fields in one array and each later merge's new fields in a segment of
/// its own. Whatever the order and overlap of merges, an object reads as a plain model of the same merges does
/// (later values replace earlier ones, objects merge into objects), and withholding reaches fields in every segment.
/// </summary>
public sealed class ResultObjectTests
{
    private static readonly string[] Keys = ["__typename", "id", "name", "price", "weight", "reviews", "author", "body", "upc", "inStock"];

    [Fact]
    public void ManyMerges_InAnyOrder_ReadAsTheModelOfTheSameMerges()
    {
        var random = new Random(20261206);
        for (var round = 0; round < 400; round++)
        {
            var names = new ResultNames();
            var first = RandomObject(random, depth: 2);
            var obj = (ResultObject)ResultObject.Convert(Parse(first), names).Object!;
            var model = (JsonObject)first.DeepClone();
            var merges = random.Next(1, 6);
            for (var m = 0; m < merges; m++)
            {
                var next = RandomObject(random, depth: 2);
                obj.Merge(Parse(next), names);
                MergeModel(model, next);
            }

            AssertReadsAs(model, obj, $"round {round}");
        }
    }

    [Fact]
    public void FieldInALaterSegment_ReplacedByALaterMerge_IsNotHeldTwice()
    {
        var names = new ResultNames();
        var obj = (ResultObject)ResultObject.Convert(Parse("""{"__typename":"Product","upc":"1"}"""), names).Object!;
        obj.Merge(Parse("""{"name":"Table","price":10}"""), names);
        obj.Merge(Parse("""{"inStock":true}"""), names);

        obj.Merge(Parse("""{"price":12,"inStock":false}"""), names);

        Assert.Equal(12, obj.Get("price").Leaf.GetInt32());
        Assert.False(obj.Get("inStock").Leaf.GetBoolean());
        obj.WithholdField("price", Decision("Product.price"), ["price"]);
        Assert.True(obj.Get("price").IsNull);
        Assert.False(obj.Contains("price"));
        Assert.Equal("Table", obj.Get("name").Leaf.GetString());
    }

    [Fact]
    public void WithheldField_InAnySegment_IsDroppedAndNeverMergedAgain()
    {
        var names = new ResultNames();
        var obj = (ResultObject)ResultObject.Convert(Parse("""{"__typename":"Child","id":"C1"}"""), names).Object!;
        obj.Merge(Parse("""{"forename":"Ada"}"""), names);
        obj.Merge(Parse("""{"postcode":"AB1 2CD","surname":"Lovelace"}"""), names);

        obj.WithholdField("postcode", Decision("Child.postcode"), ["postcode", "home"]);
        obj.Merge(Parse("""{"postcode":"ZZ9 9ZZ","home":"ZZ9 9ZZ","surname":"Byron"}"""), names);

        Assert.False(obj.Contains("postcode"));
        Assert.False(obj.Contains("home"));
        Assert.Equal("Byron", obj.Get("surname").Leaf.GetString());
        Assert.Equal("Ada", obj.Get("forename").Leaf.GetString());
    }

    [Fact]
    public void WithheldRecord_KeepsOnlyItsTypename_FromEverySegment_AndTakesNoMoreMerges()
    {
        var names = new ResultNames();
        var obj = (ResultObject)ResultObject.Convert(Parse("""{"id":"C1"}"""), names).Object!;
        obj.Merge(Parse("""{"__typename":"Child","forename":"Ada"}"""), names);
        obj.Merge(Parse("""{"surname":"Lovelace"}"""), names);

        obj.WithholdRecord(Decision("Child"));
        obj.Merge(Parse("""{"dateOfBirth":"2015-01-01"}"""), names);

        Assert.Equal("Child", obj.Typename);
        foreach (var key in new[] { "id", "forename", "surname", "dateOfBirth" })
        {
            Assert.False(obj.Contains(key), key);
        }
    }

    [Fact]
    public void KeyEqualButNotTheSameString_IsFoundInEverySegment()
    {
        var names = new ResultNames();
        var obj = (ResultObject)ResultObject.Convert(Parse("""{"a":1}"""), names).Object!;
        obj.Merge(Parse("""{"b":2}"""), names);
        obj.Set(new string("c".AsSpan()), Parse("3"));

        Assert.Equal(2, obj.Get(new string("b".AsSpan())).Leaf.GetInt32());
        Assert.Equal(3, obj.Get("c").Leaf.GetInt32());
        obj.Set(new string("b".AsSpan()), Parse("4"));
        Assert.Equal(4, obj.Get("b").Leaf.GetInt32());
    }

    [Fact]
    public void EscapedName_ThenThePlainName_MergeIntoOneField()
    {
        var names = new ResultNames();
        var obj = (ResultObject)ResultObject.Convert(Parse("""{"__typename":"Child","\u006eame":"first"}"""), names).Object!;

        obj.Merge(Parse("""{"name":"second"}"""), names);
        obj.Merge(Parse("""{"surname":"Lovelace","name":"third"}"""), names);

        // Asked with a string of its own, so the lookup compares characters and would meet a stale copy first.
        Assert.Equal("third", obj.Get(new string("name".AsSpan())).Leaf.GetString());
        Assert.Equal("third", obj.Get("name").Leaf.GetString());
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            var key = Keys[random.Next(Keys.Length)];
            obj[key] = random.Next(4) switch
            {
                0 when depth > 0 => RandomObject(random, depth - 1),
                1 => null,
                2 => JsonValue.Create(random.Next(100)),
                _ => JsonValue.Create("v" + random.Next(100)),
            };
        }

        return obj;
    }

    private static void MergeModel(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from)
        {
            if (value is JsonObject incoming && into[key] is JsonObject existing)
            {
                MergeModel(existing, incoming);
            }
            else
            {
                into[key] = value?.DeepClone();
            }
        }
    }

    private static void AssertReadsAs(JsonObject model, ResultObject obj, string where)
    {
        foreach (var key in Keys)
        {
            var value = obj.Get(key);
            if (!model.TryGetPropertyValue(key, out var expected) || expected is null)
            {
                Assert.True(value.IsNull, $"{where}: {key} should be null");
                continue;
            }

            if (expected is JsonObject inner)
            {
                Assert.True(value.Object is not null, $"{where}: {key} should be an object");
                AssertReadsAs(inner, value.Object!, $"{where}.{key}");
            }
            else
            {
                Assert.Equal(expected.ToJsonString(), value.Leaf.GetRawText());
            }
        }
    }

    private static JsonElement Parse(JsonNode node) => Parse(node.ToJsonString());

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static FieldAccess Decision(string coordinate) => new(coordinate, false, "WITHHELD", "withheld for the test", null, null);
}
