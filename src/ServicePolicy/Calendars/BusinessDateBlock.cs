// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;

namespace ServicePolicy.Calendars;

/// <summary>
/// The business dates among <see cref="BusinessDateTable.BlockLength"/> consecutive local dates, as offsets from the
/// block's first date, with the number of business dates before each offset. Immutable once built.
/// </summary>
internal sealed class BusinessDateBlock
{
    private readonly ushort[] offsets;
    private readonly ushort[] countBefore;

    /// <summary>Creates a block.</summary>
    /// <param name="offsets">The offsets of the block's business dates, ascending, each below <see cref="BusinessDateTable.BlockLength"/>.</param>
    public BusinessDateBlock(ushort[] offsets)
    {
        this.offsets = offsets;
        countBefore = new ushort[BusinessDateTable.BlockLength + 1];
        int count = 0;
        for (int offset = 0; offset <= BusinessDateTable.BlockLength; offset++)
        {
            countBefore[offset] = (ushort)count;
            if (count < offsets.Length && offsets[count] == offset)
            {
                count++;
            }
        }
        Debug.Assert(count == offsets.Length, "The offsets are ascending and within the block.");
    }

    /// <summary>Gets the number of business dates in the block.</summary>
    public int Count => offsets.Length;

    /// <summary>Returns the number of business dates at offsets below <paramref name="offset"/>.</summary>
    /// <param name="offset">An offset from 0 to <see cref="BusinessDateTable.BlockLength"/>, inclusive.</param>
    public int CountBefore(int offset) => countBefore[offset];

    /// <summary>Returns the offset of the block's business date number <paramref name="index"/> (from 0).</summary>
    /// <param name="index">An index below <see cref="Count"/>.</param>
    public int OffsetOf(int index) => offsets[index];
}
