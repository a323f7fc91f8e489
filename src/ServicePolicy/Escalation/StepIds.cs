// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Security.Cryptography;
using System.Text;

namespace ServicePolicy.Escalation;

/// <summary>
/// The identity of a chain's step across the chain's versions: a fingerprint of what the step is, which its
/// <see cref="ActionKey"/> carries after the chain's name (<c>{chain}@{step-id}</c>) instead of the chain version.
/// </summary>
/// <remarks>
/// <para>A warning's fingerprint covers its position and its definition (trigger and recipient); a level's covers its
/// position, recipient, delay (amount and clock), action (or custom action) and whether it waits for working hours.
/// So a new chain version that leaves a step as it was keeps that step's keys, and while nodes reload one by one, a node
/// on the old version and one on the new plan an unchanged step under one key (delivered once); a step that changed
/// gets new keys. The time a step falls due may still move with the steps before it: the key names the step, not the
/// moment.</para>
/// <para>The id is the first 12 hexadecimal digits (48 bits, lower case) of the SHA-256 of the UTF-8 definition text:
/// the same on every machine, runtime and restart.</para>
/// </remarks>
internal static class StepIds
{
    /// <summary>The length of a step id in characters.</summary>
    internal const int Length = 12;

    internal static string Of(string definition)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(definition), hash);
        return Convert.ToHexString(hash[..(Length / 2)]).ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="text"/> is a step id: <see cref="Length"/> lower-case hexadecimal digits.</summary>
    internal static bool IsStepId(ReadOnlySpan<char> text)
    {
        if (text.Length != Length)
        {
            return false;
        }
        foreach (char c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }
        return true;
    }
}
