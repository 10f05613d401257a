using System.Text.Json;
using System.Text.Json.Serialization;

namespace Homeward.Subsidy.Domain.Rules;

/// <summary>
/// Reads and writes the rule language: <c>{"all":[…]}</c>, <c>{"any":[…]}</c>, <c>{"not":{…}}</c> and
/// <c>{"fact":"…","op":"…","value":…}</c> with a number, text, flag or list of texts as value. Anything else is refused
/// with a message that names what was expected.
/// </summary>
public sealed class RuleJsonConverter : JsonConverter<Rule>
{
    public override Rule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ReadRule(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, Rule value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case AllOf all:
                WriteList(writer, "all", all.Rules, options);
                break;
            case AnyOf any:
                WriteList(writer, "any", any.Rules, options);
                break;
            case Not not:
                writer.WritePropertyName("not");
                Write(writer, not.Rule, options);
                break;
            case Condition condition:
                writer.WriteString("fact", JsonNamingPolicy.CamelCase.ConvertName(condition.Fact.ToString()));
                writer.WriteString("op", JsonNamingPolicy.CamelCase.ConvertName(condition.Op.ToString()));
                writer.WritePropertyName("value");
                WriteValue(writer, condition.Value);
                break;
            default:
                throw new JsonException($"Unknown rule {value.GetType().Name}.");
        }

        writer.WriteEndObject();
    }

    private void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<Rule> rules, JsonSerializerOptions options)
    {
        writer.WriteStartArray(name);
        foreach (var rule in rules)
        {
            Write(writer, rule, options);
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, RuleValue value)
    {
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else if (value.Flag is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteStartArray();
            foreach (var item in value.Texts ?? [])
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
    }

    private static Rule ReadRule(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A rule is an object: {\"all\":[…]}, {\"any\":[…]}, {\"not\":{…}} or {\"fact\":…,\"op\":…,\"value\":…}.");
        }

        var names = element.EnumerateObject().Select(p => p.Name).ToList();
        if (names is ["all"] && element.GetProperty("all").ValueKind == JsonValueKind.Array)
        {
            return new AllOf([.. element.GetProperty("all").EnumerateArray().Select(ReadRule)]);
        }

        if (names is ["any"] && element.GetProperty("any").ValueKind == JsonValueKind.Array)
        {
            return new AnyOf([.. element.GetProperty("any").EnumerateArray().Select(ReadRule)]);
        }

        if (names is ["not"])
        {
            return new Not(ReadRule(element.GetProperty("not")));
        }

        if (names.Order(StringComparer.Ordinal).SequenceEqual(["fact", "op", "value"], StringComparer.Ordinal))
        {
            return new Condition(
                ReadName<Fact>(element.GetProperty("fact"), "fact"),
                ReadName<Comparison>(element.GetProperty("op"), "op"),
                ReadValue(element.GetProperty("value")));
        }

        throw new JsonException("A rule is {\"all\":[…]}, {\"any\":[…]}, {\"not\":{…}} or {\"fact\":…,\"op\":…,\"value\":…}, with nothing else.");
    }

    private static TEnum ReadName<TEnum>(JsonElement element, string what)
        where TEnum : struct, Enum
    {
        // Only a name counts: Enum.TryParse alone would also take " 1" or "1, 2".
        if (element.ValueKind == JsonValueKind.String
            && Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, element.GetString(), StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<TEnum>(name);
        }

        var known = string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        throw new JsonException($"Unknown {what} {element}; known: {known}.");
    }

    private static RuleValue ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => new RuleValue(Number: element.GetDecimal()),
        JsonValueKind.String => new RuleValue(Text: element.GetString()),
        JsonValueKind.True or JsonValueKind.False => new RuleValue(Flag: element.GetBoolean()),
        JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            new RuleValue(Texts: [.. element.EnumerateArray().Select(e => e.GetString()!)]),
        _ => throw new JsonException("A condition's value is a number, a text, true or false, or a list of texts."),
    };
}
