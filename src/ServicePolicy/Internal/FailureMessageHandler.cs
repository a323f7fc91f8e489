// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Runtime.CompilerServices;

namespace ServicePolicy.Internal;

/// <summary>The message of a <see cref="Preconditions"/> check written as an interpolated string: it is formatted (with
/// the invariant culture) only when the check fails, so a check that passes costs no string building even when its
/// message quotes the arguments, as in <c>CheckArgument(ok, nameof(window), $"The window {window} is empty.")</c>.</summary>
[InterpolatedStringHandler]
internal ref struct FailureMessageHandler
{
    private DefaultInterpolatedStringHandler builder;

    /// <summary>Starts a message for a check whose condition is <paramref name="condition"/>.</summary>
    /// <param name="literalLength">The number of literal characters (from the compiler).</param>
    /// <param name="formattedCount">The number of holes (from the compiler).</param>
    /// <param name="condition">The checked condition: true means the check passes and nothing is formatted.</param>
    /// <param name="shouldAppend">Whether the compiler should append the parts: only when the check fails.</param>
    public FailureMessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        builder = condition ? default : new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string value) => builder.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => builder.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => builder.AppendFormatted(value, format);

    /// <summary>Returns the message (only called when the check failed).</summary>
    /// <returns>The formatted message.</returns>
    public string ToStringAndClear() => builder.ToStringAndClear();
}
