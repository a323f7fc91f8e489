// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;

namespace ServicePolicy.Reporting;

/// <summary>
/// The rows of one dimension while aggregating: a slot per key, and per slot the attainment counts, the
/// interactions and the interactions breached, in one flat array.
/// </summary>
/// <remarks>Mutable, not thread-safe. <see cref="Touch"/> counts an interaction in a slot once per
/// <c>stamp</c> (one stamp per evaluation result added).</remarks>
internal sealed class GroupTable
{
    internal const int Stride = AttainmentCounts.Attainments + 2;
    internal const int InteractionsColumn = AttainmentCounts.Attainments;
    internal const int BreachedColumn = AttainmentCounts.Attainments + 1;

    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private readonly List<string> keys = new();
    private long[] data = new long[Stride * 8];
    private long[] seen = new long[8];
    private long[] seenBreached = new long[8];

    public int Count => keys.Count;

    public string KeyOf(int slot) => keys[slot];

    public ReadOnlySpan<long> Row(int slot) => new(data, slot * Stride, Stride);

    public int SlotOf(string key)
    {
        if (!slots.TryGetValue(key, out int slot))
        {
            slot = keys.Count;
            slots.Add(key, slot);
            keys.Add(key);
            if ((slot + 1) * Stride > data.Length)
            {
                Array.Resize(ref data, data.Length * 2);
                Array.Resize(ref seen, seen.Length * 2);
                Array.Resize(ref seenBreached, seenBreached.Length * 2);
            }
        }
        return slot;
    }

    /// <summary>Adds one cycle of an attainment to a slot.</summary>
    public void CountCycle(int slot, Attainment attainment) => data[(slot * Stride) + (int)attainment]++;

    /// <summary>Adds an interaction's cycles (a count per attainment) and the interaction itself to a slot.</summary>
    public void AddInteraction(int slot, ReadOnlySpan<long> cycles, bool breached)
    {
        Span<long> row = data.AsSpan(slot * Stride, Stride);
        for (int i = 0; i < AttainmentCounts.Attainments; i++)
        {
            row[i] += cycles[i];
        }
        row[InteractionsColumn]++;
        if (breached)
        {
            row[BreachedColumn]++;
        }
    }

    /// <summary>Counts the interaction of <paramref name="stamp"/> in a slot, once, and once more as breached when
    /// <paramref name="breached"/> (also once).</summary>
    public void Touch(int slot, long stamp, bool breached)
    {
        if (seen[slot] != stamp)
        {
            seen[slot] = stamp;
            data[(slot * Stride) + InteractionsColumn]++;
        }
        if (breached && seenBreached[slot] != stamp)
        {
            seenBreached[slot] = stamp;
            data[(slot * Stride) + BreachedColumn]++;
        }
    }

    /// <summary>Adds every row of another table to this one, key by key.</summary>
    public void Merge(GroupTable other, Action<int, int>? slotMapped = null)
    {
        for (int theirs = 0; theirs < other.Count; theirs++)
        {
            int mine = SlotOf(other.keys[theirs]);
            Span<long> row = data.AsSpan(mine * Stride, Stride);
            ReadOnlySpan<long> add = other.Row(theirs);
            for (int i = 0; i < Stride; i++)
            {
                row[i] += add[i];
            }
            slotMapped?.Invoke(theirs, mine);
        }
    }
}
