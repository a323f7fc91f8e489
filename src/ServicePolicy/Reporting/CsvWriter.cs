// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using System.IO;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>
/// Writes CSV as RFC 4180 describes it: fields separated by commas, records ended by CRLF, a field quoted (with its
/// quotes doubled) when it holds a comma, a quote, a carriage return or a line feed, or starts or ends with a space.
/// Numbers are written in the invariant culture.
/// </summary>
/// <remarks>Mutable (it writes to a <see cref="TextWriter"/>), not thread-safe. It does not own the writer.</remarks>
[Mutable]
public sealed class CsvWriter
{
    private readonly TextWriter writer;
    private bool lineStarted;

    /// <summary>Creates a writer over a text writer.</summary>
    /// <param name="writer">Where the CSV goes; not disposed by this writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public CsvWriter(TextWriter writer)
    {
        this.writer = Preconditions.CheckNotNull(writer);
    }

    /// <summary>Writes one field of the current record, quoted when RFC 4180 needs it.</summary>
    /// <param name="value">The text; null is written as an empty field.</param>
    /// <returns>This writer.</returns>
    public CsvWriter Field(string? value)
    {
        if (lineStarted)
        {
            writer.Write(',');
        }
        lineStarted = true;
        value ??= string.Empty;
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        if (!quote)
        {
            writer.Write(value);
            return this;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
        return this;
    }

    /// <summary>Writes a whole number as one field, in the invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>This writer.</returns>
    public CsvWriter Field(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a decimal number as one field, in the invariant culture (<c>12.5</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>This writer.</returns>
    public CsvWriter Field(decimal value) => Field(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a number as one field, in the invariant culture with up to three decimals (<c>0.875</c>); empty
    /// for null.</summary>
    /// <param name="value">The number, or null.</param>
    /// <returns>This writer.</returns>
    public CsvWriter Field(double? value) => Field(value?.ToString("0.###", CultureInfo.InvariantCulture));

    /// <summary>Ends the current record with CRLF.</summary>
    /// <returns>This writer.</returns>
    public CsvWriter EndRecord()
    {
        writer.Write("\r\n");
        lineStarted = false;
        return this;
    }
}
