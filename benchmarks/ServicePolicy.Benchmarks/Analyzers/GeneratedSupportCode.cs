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
/// </summary>
public static class GeneratedSupportCode
{
    /// <summary>Generates the files.</summary>
    /// <param name="count">The number of files.</param>
    /// <returns>Each file's text.</returns>
    public static string[] Files(int count)
    {
        var files = new string[count];
        for (int i = 0; i < count; i++)
        {
            files[i] = File(i);
        }
        return files;
    }

    private static string File(int i)
    {
        string n = i.ToString(CultureInfo.InvariantCulture);
        string previous = (i == 0 ? 0 : i - 1).ToString(CultureInfo.InvariantCulture);
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

                public async Task<int> ReportAsync(HelpDesk.Area{{previous}}.Desk{{previous}} neighbour)
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
