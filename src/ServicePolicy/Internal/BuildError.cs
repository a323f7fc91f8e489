// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;

namespace ServicePolicy.Internal;

/// <summary>
/// One problem a domain builder found when checking the rules that span several calls: the builder member whose
/// input breaks the rule, which call of it, which element of that call's list, and what is wrong. A builder's
/// <c>Build()</c> joins them into one exception; configuration maps each to the configuration path that gave that
/// input, so every rule is written once, in the builder.
/// </summary>
/// <param name="Member">The builder method whose input breaks the rule, such as <c>PauseWhile</c> or <c>WithRepeat</c>.</param>
/// <param name="Index">Which of the items <paramref name="Member"/> added (0 first, in the order they were added and
/// kept), or null when the problem is the member's input as a whole (such as no targets at all).</param>
/// <param name="Element">Which element of that call's list argument (0 first), or null.</param>
/// <param name="Message">What is wrong, as a clause that reads on its own: lower case, no final full stop.</param>
internal readonly record struct BuildError(string Member, int? Index, int? Element, string Message)
{
    /// <summary>Throws <see cref="InvalidOperationException"/> listing every error after <paramref name="title"/>, such
    /// as <c>Policy 'standard v1' is invalid: ...</c>; does nothing when there are none.</summary>
    /// <param name="title">The opening of the message, up to the colon.</param>
    /// <param name="errors">The errors.</param>
    internal static void ThrowIfAny(string title, IReadOnlyList<BuildError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }
        var messages = new string[errors.Count];
        for (int i = 0; i < errors.Count; i++)
        {
            messages[i] = errors[i].Message;
        }
        Preconditions.ThrowInvalidOperation(title + ": " + string.Join("; ", messages) + ".");
    }
}
