// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ServicePolicy.Internal;

/// <summary>Argument and state checks shared by the library. Throws are kept out of line so callers stay small.</summary>
internal static class Preconditions
{
    public static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            ThrowArgumentNull(paramName);
        }
        return argument;
    }

    public static void CheckArgument([DoesNotReturnIf(false)] bool expression, string? paramName, string message)
    {
        if (!expression)
        {
            ThrowArgument(paramName, message);
        }
    }

    /// <summary>As <see cref="CheckArgument(bool, string?, string)"/>, with an interpolated message that is formatted
    /// only when <paramref name="expression"/> is false.</summary>
    public static void CheckArgument([DoesNotReturnIf(false)] bool expression, string? paramName,
        [InterpolatedStringHandlerArgument(nameof(expression))] ref FailureMessageHandler message)
    {
        if (!expression)
        {
            ThrowArgument(paramName, message.ToStringAndClear());
        }
    }

    public static void CheckArgumentRange(int value, int minInclusive, int maxInclusive, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            ThrowArgumentOutOfRange(paramName, value, $"Value {value} is out of range: expected {minInclusive} to {maxInclusive} inclusive.");
        }
    }

    public static void CheckState([DoesNotReturnIf(false)] bool expression, string message)
    {
        if (!expression)
        {
            ThrowInvalidOperation(message);
        }
    }

    /// <summary>As <see cref="CheckState(bool, string)"/>, with an interpolated message that is formatted only when
    /// <paramref name="expression"/> is false.</summary>
    public static void CheckState([DoesNotReturnIf(false)] bool expression,
        [InterpolatedStringHandlerArgument(nameof(expression))] ref FailureMessageHandler message)
    {
        if (!expression)
        {
            ThrowInvalidOperation(message.ToStringAndClear());
        }
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgumentNull(string? paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string? paramName, string message) => throw new ArgumentException(message, paramName);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgumentOutOfRange(string? paramName, object? actualValue, string message) =>
        throw new ArgumentOutOfRangeException(paramName, actualValue, message);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);
}
