// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>What the stored JSON forms share: writing compact UTF-8 JSON to a string, instants in
/// <see cref="InstantPattern.ExtendedIso"/> (exact to the nanosecond), parsing with a clear error, and the
/// <c>format</c> number rule (a reader accepts its own and older formats and refuses newer ones).</summary>
internal static class JsonText
{
    /// <summary>The name of the format-number property, first in every stored form.</summary>
    internal const string FormatProperty = "format";

    internal static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static void WriteInstant(Utf8JsonWriter writer, string name, Instant instant) =>
        writer.WriteString(name, InstantPattern.ExtendedIso.Format(instant));

    /// <summary>Parses stored text; <paramref name="what"/> (such as <c>stored timeline</c>) names it in errors.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="StoredFormatException">The text is not JSON.</exception>
    internal static JsonDocument Parse(string json, string what, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(json))] string? paramName = null)
    {
        Preconditions.CheckNotNull(json, paramName);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new StoredFormatException($"The {what} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads the <c>format</c> number and checks that this package reads it.</summary>
    /// <exception cref="StoredFormatException">The number is missing, invalid, or newer than <paramref name="current"/>.</exception>
    internal static int ReadFormat(JsonFields root, string what, int current)
    {
        int format = root.RequiredInt(FormatProperty);
        if (format > current)
        {
            throw new StoredFormatException($"The {what} is in format {format}, written by a later version of ServicePolicy.Hosting; " +
                $"this package reads format {current} and older. Upgrade ServicePolicy.Hosting on every node that reads this store.");
        }
        if (format < 1)
        {
            throw new StoredFormatException($"The {what} has format {format}; formats start at 1.");
        }
        return format;
    }
}
