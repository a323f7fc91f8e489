// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>
/// The properties of one JSON object being read, taken one by one; what is left at the end is an unknown property and
/// an error (<see cref="EnsureAllRead"/>), so that no data written by a later version is dropped silently. Every error
/// names <see cref="Where"/> (such as <c>fact 3 (agentReplied)</c>) and the property.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> properties;

    private JsonFields(string where, Dictionary<string, JsonElement> properties)
    {
        Where = where;
        this.properties = properties;
    }

    /// <summary>Gets what the object is, for messages.</summary>
    internal string Where { get; }

    /// <summary>Reads the properties of an object.</summary>
    /// <exception cref="StoredFormatException">The element is not an object, or a property is repeated.</exception>
    internal static JsonFields Of(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StoredFormatException($"{Capitalize(where)} must be a JSON object; it is {Describe(element)}.");
        }
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
            {
                throw new StoredFormatException($"{Capitalize(where)} has the property '{property.Name}' more than once.");
            }
        }
        return new JsonFields(where, properties);
    }

    /// <summary>Takes a property that must be present (and not null).</summary>
    internal JsonElement Required(string name)
    {
        if (!properties.Remove(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new StoredFormatException($"{Capitalize(Where)}: the required property '{name}' is missing.");
        }
        return value;
    }

    /// <summary>Takes a property that may be absent or null.</summary>
    internal JsonElement? Optional(string name) =>
        properties.Remove(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal string RequiredString(string name) => AsString(Required(name), name);

    internal string? OptionalString(string name) => Optional(name) is { } value ? AsString(value, name) : null;

    internal bool RequiredBool(string name)
    {
        JsonElement value = Required(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, value, "true or false"),
        };
    }

    internal int RequiredInt(string name) => AsInt(Required(name), name);

    internal int? OptionalInt(string name) => Optional(name) is { } value ? AsInt(value, name) : null;

    internal decimal? OptionalDecimal(string name)
    {
        if (Optional(name) is not { } value)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal number) ? number : throw Invalid(name, value, "a decimal number");
    }

    internal Instant RequiredInstant(string name) => AsInstant(Required(name), name);

    internal Instant? OptionalInstant(string name) => Optional(name) is { } value ? AsInstant(value, name) : null;

    /// <summary>Takes an enum property written by its name, exactly as written (never its number, a combination of
    /// names such as <c>"A, B"</c>, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would read as
    /// another value, or a name with white space around it).</summary>
    internal T RequiredEnum<T>(string name)
        where T : struct, Enum
    {
        JsonElement element = Required(name);
        string text = AsString(element, name);
        string[] names = Enum.GetNames<T>();
        return Array.IndexOf(names, text) >= 0 ? Enum.Parse<T>(text) : throw Invalid(name, element, "one of " + string.Join(", ", names));
    }

    internal JsonFields RequiredObject(string name) => Of(Required(name), $"{Where}, property '{name}'");

    internal JsonFields? OptionalObject(string name) => Optional(name) is { } value ? Of(value, $"{Where}, property '{name}'") : null;

    internal JsonElement RequiredArray(string name)
    {
        JsonElement value = Required(name);
        return value.ValueKind == JsonValueKind.Array ? value : throw Invalid(name, value, "an array");
    }

    /// <summary>The error for a property whose value cannot be used (a constructor refused it, say).</summary>
    internal StoredFormatException Invalid(string name, JsonElement value, string expected, Exception? inner = null) =>
        new($"{Capitalize(Where)}: the property '{name}' must be {expected}; it is {Describe(value)}.", inner);

    /// <summary>The error for an object whose values, each valid, do not go together.</summary>
    internal StoredFormatException Invalid(string problem, Exception? inner = null) => new($"{Capitalize(Where)}: {problem}", inner);

    /// <summary>Fails if a property was not taken: it is unknown to this version of the package.</summary>
    internal void EnsureAllRead()
    {
        foreach (string name in properties.Keys)
        {
            throw new StoredFormatException($"{Capitalize(Where)} has the unknown property '{name}'; it may have been written by a later " +
                "version of ServicePolicy.Hosting, and this one will not drop it silently.");
        }
    }

    internal static string Describe(JsonElement value)
    {
        string text = value.GetRawText();
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }

    private string AsString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(name, value, "a string");

    private int AsInt(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : throw Invalid(name, value, "a whole number");

    private Instant AsInstant(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.String && InstantPattern.ExtendedIso.Parse(value.GetString()!) is { Success: true } result)
        {
            return result.Value;
        }
        throw Invalid(name, value, "an instant such as \"2025-03-07T16:40:00.123456789Z\"");
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpper(text[0], CultureInfo.InvariantCulture).ToString(), text.AsSpan(1));
}
