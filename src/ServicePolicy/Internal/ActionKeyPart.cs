// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;

namespace ServicePolicy.Internal;

/// <summary>The one rule for the host's and the policy's names that become parts of an action key (interaction ids,
/// custom commitment names, chain names): they must not contain the key's separator, <c>/</c>. It lives here, below
/// every layer, so that each point of entry rejects such a name with the same wording; the key grammar itself is
/// <see cref="Escalation.ActionKey"/>.</summary>
internal static class ActionKeyPart
{
    /// <summary>The character that separates the parts of an action key.</summary>
    public const char Separator = '/';

    /// <summary>Returns whether <paramref name="value"/> may be a part of a key: not empty, not only white space, and
    /// without the separator.</summary>
    public static bool IsValid(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.IsWhiteSpace() && value.IndexOf(Separator) < 0;

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="value"/> and
    /// <paramref name="paramName"/> when <paramref name="value"/> contains the separator.</summary>
    /// <param name="value">The name, already checked to be neither null, empty nor white space.</param>
    /// <param name="paramName">The argument that holds it.</param>
    /// <param name="what">What it is, capitalised, e.g. "Interaction id".</param>
    public static void CheckNoSeparator(string value, string paramName, string what)
    {
        if (value.IndexOf(Separator) >= 0)
        {
            Preconditions.ThrowArgument(paramName,
                $"{what} '{value}' must not contain '{Separator}', which separates the parts of action keys.");
        }
    }
}
