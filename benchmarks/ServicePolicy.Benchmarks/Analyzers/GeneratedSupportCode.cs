// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;

namespace ServicePolicy.Benchmarks.Analyzers;

/// <summary>
/// The source files of a generated help-desk application: each file declares a customer interaction type (owner and
/// follow-up deadline marked with the ServicePolicy attributes), a positional-record interaction, an ordinary entity,
/// and a service that creates interactions in ten ways (complete, without an owner, without a deadline, with a null
/// owner, through a factory, a fluent chain, a record constructor, a collection, ...) among ordinary code (string
/// formatting, LINQ, loops), so every analyzer has work in every file and about a third of the creations are reported.
/// With <see cref="InteractionDensity.Sparse"/> only every 20th file is such a help-desk file; the others are ordinary
/// service code of the same size that never touches a customer interaction.
/// </summary>
public static class GeneratedSupportCode
{
    /// <summary>In <see cref="InteractionDensity.Sparse"/>, one file in this many is a help-desk file.</summary>
    public const int SparseInterval = 20;

    /// <summary>Generates the files.</summary>
    /// <param name="count">The number of files.</param>
    /// <param name="density">How many of them create customer interactions.</param>
    /// <returns>Each file's text.</returns>
    public static string[] Files(int count, InteractionDensity density)
    {
        var files = new string[count];
        for (int i = 0; i < count; i++)
        {
            int interval = density == InteractionDensity.Dense ? 1 : SparseInterval;
            files[i] = i % interval == 0 ? File(i, previous: Math.Max(0, i - interval)) : OrdinaryFile(i);
        }
        return files;
    }

    /// <summary>Ordinary service code of about the size of a help-desk file: records, an entity with an <c>Owner</c>
    /// property (a name the analyzers look for, so some of it is bound again), target-typed <c>new</c>, LINQ, loops,
    /// async and string formatting, but no customer interaction.</summary>
    private static string OrdinaryFile(int i)
    {
        string n = i.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(4096);
        text.Append(CultureInfo.InvariantCulture, $$"""
            // Generated file {{n}}.
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Threading.Tasks;

            namespace Billing.Area{{n}};

            public sealed record Money{{n}}(decimal Amount, string Currency)
            {
                public Money{{n}} Plus(Money{{n}} other) => other.Currency == Currency ? this with { Amount = Amount + other.Amount } : throw new InvalidOperationException("currency");

                public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency;
            }

            public sealed class InvoiceLine{{n}}
            {
                public string Sku { get; set; } = "";

                public int Quantity { get; set; }

                public Money{{n}} UnitPrice { get; set; } = new(0m, "EUR");

                public Money{{n}} Total => new(UnitPrice.Amount * Quantity, UnitPrice.Currency);
            }

            public sealed class Invoice{{n}}
            {
                public string Number { get; set; } = "";

                public string? Owner { get; set; }

                public DateTimeOffset IssuedAt { get; set; }

                public List<InvoiceLine{{n}}> Lines { get; } = new();

                public Money{{n}} Total() => Lines.Select(l => l.Total).Aggregate(new Money{{n}}(0m, "EUR"), (a, b) => a.Plus(b));
            }

            public interface IInvoiceStore{{n}}
            {
                Task<Invoice{{n}}?> FindAsync(string number);

                Task SaveAsync(Invoice{{n}} invoice);
            }

            public sealed class InvoiceService{{n}}
            {
                private readonly IInvoiceStore{{n}} store;
                private readonly Dictionary<string, int> counters = new(StringComparer.Ordinal);

                public InvoiceService{{n}}(IInvoiceStore{{n}} store) => this.store = store;

                public Invoice{{n}} Draft(string owner, IEnumerable<(string Sku, int Quantity, decimal Price)> items)
                {
                    var invoice = new Invoice{{n}} { Number = NextNumber("INV"), IssuedAt = DateTimeOffset.UtcNow };
                    invoice.Owner = owner;
                    foreach (var (sku, quantity, price) in items.Where(item => item.Quantity > 0))
                    {
                        invoice.Lines.Add(new InvoiceLine{{n}} { Sku = sku, Quantity = quantity, UnitPrice = new(price, "EUR") });
                    }
                    return invoice;
                }

                public async Task<Money{{n}}> OutstandingAsync(IEnumerable<string> numbers)
                {
                    var total = new Money{{n}}(0m, "EUR");
                    foreach (string number in numbers.Distinct().OrderBy(x => x, StringComparer.Ordinal))
                    {
                        Invoice{{n}}? invoice = await store.FindAsync(number);
                        if (invoice is null || invoice.Lines.Count == 0)
                        {
                            continue;
                        }
                        total = total.Plus(invoice.Total());
                    }
                    return total;
                }

                public string Summary(IReadOnlyList<Invoice{{n}}> invoices)
                {
                    var byOwner = invoices.GroupBy(i => i.Owner ?? "nobody").Select(g => new { Owner = g.Key, Count = g.Count(), Lines = g.Sum(i => i.Lines.Count) }).OrderByDescending(x => x.Count).ToList();
                    var text = new System.Text.StringBuilder();
                    for (int k = 0; k < byOwner.Count; k++)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"{byOwner[k].Owner}: {byOwner[k].Count} invoices, {byOwner[k].Lines} lines").AppendLine();
                    }
                    return text.ToString();
                }

                private string NextNumber(string prefix)
                {
                    counters.TryGetValue(prefix, out int last);
                    counters[prefix] = last + 1;
                    return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{{n}}-{last + 1:D6}");
                }
            }

            """);
        return text.ToString();
    }

    /// <summary>A help-desk file; its service takes the service of help-desk file <paramref name="previous"/>.</summary>
    private static string File(int i, int previous)
    {
        string n = i.ToString(CultureInfo.InvariantCulture);
        string neighbour = previous.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(4096);
        text.Append(CultureInfo.InvariantCulture, $$"""
            // Generated file {{n}}.
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using ServicePolicy;

            namespace HelpDesk.Area{{n}};

            public sealed record Agent{{n}}(string Name, string Team);

            [CustomerInteraction]
            public class Ticket{{n}}
            {
                public Ticket{{n}}() { }

                public Ticket{{n}}(string subject, Agent{{n}}? owner = null, DateTimeOffset? followUpBy = null)
                {
                    Subject = subject;
                    Owner = owner;
                    FollowUpBy = followUpBy;
                }

                public string Subject { get; set; } = "";

                public int Priority { get; set; }

                [InteractionOwner]
                public Agent{{n}}? Owner { get; set; }

                [FollowUpDeadline]
                public DateTimeOffset? FollowUpBy { get; set; }

                [SetsInteractionOwner]
                public Ticket{{n}} AssignTo(Agent{{n}} owner) { Owner = owner; return this; }

                [SetsFollowUpDeadline]
                public Ticket{{n}} FollowUpAt(DateTimeOffset deadline) { FollowUpBy = deadline; return this; }

                [CreatesCustomerInteraction]
                public static Ticket{{n}} Open(string subject) => new Ticket{{n}}(subject);
            }

            // A legacy interaction whose deadline is a DateTime: SP1005, once per file (never created here).
            [CustomerInteraction]
            public sealed class LegacyVisit{{n}}
            {
                [InteractionOwner]
                public Agent{{n}}? Engineer { get; set; }

                [FollowUpDeadline]
                public DateTime VisitBy { get; set; }
            }

            [CustomerInteraction]
            public sealed record Callback{{n}}([InteractionOwner] Agent{{n}}? Agent, [FollowUpDeadline] DateTimeOffset? CallBackBy, string Phone);

            public sealed class Customer{{n}}
            {
                public string Name { get; set; } = "";

                public string Email { get; set; } = "";

                public List<string> Tags { get; } = new();

                public override string ToString() => $"{Name} <{Email}> [{string.Join(", ", Tags)}]";
            }

            public sealed class Desk{{n}}
            {
                private readonly List<Ticket{{n}}> open = new();
                private readonly Agent{{n}} duty = new("duty-{{n}}", "team-{{i % 20}}");

                public DateTimeOffset Tomorrow => DateTimeOffset.UtcNow.AddDays(1);

                public Ticket{{n}} Complete(string subject) => new Ticket{{n}}(subject, duty, Tomorrow);

                public Ticket{{n}} WithInitializer(string subject) => new Ticket{{n}} { Subject = subject, Owner = duty, FollowUpBy = Tomorrow, Priority = 2 };

                public Ticket{{n}} WithoutOwner(string subject) => new Ticket{{n}} { Subject = subject, FollowUpBy = Tomorrow };

                public Ticket{{n}} WithoutDeadline(string subject) => new Ticket{{n}}(subject, duty);

                public Ticket{{n}} NullOwner(string subject) => new Ticket{{n}}(subject, null, Tomorrow);

                public Ticket{{n}} Fluent(string subject) => Ticket{{n}}.Open(subject).AssignTo(duty).FollowUpAt(Tomorrow);

                public Ticket{{n}} FactoryOnly(string subject) => Ticket{{n}}.Open(subject);

                public Callback{{n}} CallBack(string phone) => new Callback{{n}}(duty, Tomorrow, phone);

                public Callback{{n}} CallBackLater(string phone) => new Callback{{n}}(null, Tomorrow, phone);

                public void Triage(IEnumerable<Customer{{n}}> customers)
                {
                    foreach (Customer{{n}} customer in customers.Where(c => c.Tags.Contains("vip")).OrderBy(c => c.Name))
                    {
                        Ticket{{n}} ticket = new($"Call {customer.Name}") { Owner = duty, FollowUpBy = Tomorrow, Priority = customer.Tags.Count };
                        open.Add(ticket);
                    }
                    for (int i = 0; i < open.Count; i++)
                    {
                        if (open[i].Priority > 3 && open[i].Subject.Length > 10)
                        {
                            open[i].Subject = open[i].Subject.Substring(0, 10).ToUpperInvariant();
                        }
                    }
                }

                public async Task<int> ReportAsync(HelpDesk.Area{{neighbour}}.Desk{{neighbour}} neighbour)
                {
                    await Task.Yield();
                    var summary = open.GroupBy(t => t.Owner?.Team ?? "none").Select(g => new { Team = g.Key, Count = g.Count() }).ToList();
                    return summary.Sum(s => s.Count) + neighbour.GetHashCode() % 7;
                }
            }

            """);
        return text.ToString();
    }
}
