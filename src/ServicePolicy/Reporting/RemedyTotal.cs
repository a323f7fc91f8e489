// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Reporting;

/// <summary>The remedies due (or given) of one kind and currency: how many, and their amounts added up.</summary>
/// <remarks>Immutable. Equality is value equality (a record).</remarks>
[Immutable]
public sealed record RemedyTotal
{
    /// <summary>Creates a total.</summary>
    /// <param name="kind">The kind of remedy.</param>
    /// <param name="currency">The currency of the amounts; null for remedies without one.</param>
    /// <param name="count">How many remedies are due.</param>
    /// <param name="amount">Their amounts added up; zero for remedies without an amount.</param>
    [JsonConstructor]
    public RemedyTotal(RemedyKind kind, string? currency, long count, decimal amount)
    {
        Kind = kind;
        Currency = currency;
        Count = count;
        Amount = amount;
    }

    /// <summary>Gets the kind of remedy (serialized to JSON by name).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<RemedyKind>))]
    public RemedyKind Kind { get; }

    /// <summary>Gets the currency; null for remedies without one.</summary>
    public string? Currency { get; }

    /// <summary>Gets how many remedies are due.</summary>
    public long Count { get; }

    /// <summary>Gets the amounts added up.</summary>
    public decimal Amount { get; }
}
