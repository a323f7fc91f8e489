// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Analyzers.Tests.Infrastructure;

/// <summary>
/// A small support-desk model that every test compilation contains (as <c>/0/Model.cs</c>): the
/// creation forms the tests exercise. It must itself produce no diagnostics.
/// </summary>
internal static class Model
{
    public const string Source = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;
        using NodaTime;
        using ServicePolicy;

        namespace Support;

        public sealed record OwnerRef(string Name);

        /// A class with settable members, constructor binding by name, fluent setters and factories.
        [CustomerInteraction]
        public class Ticket
        {
            public Ticket() { }

            public Ticket(string subject, OwnerRef? owner = null, Instant? followUpBy = null)
            {
                Subject = subject;
                Owner = owner;
                FollowUpBy = followUpBy;
            }

            public string Subject { get; set; } = "";

            [InteractionOwner]
            public OwnerRef? Owner { get; set; }

            [FollowUpDeadline]
            public Instant? FollowUpBy { get; set; }

            [SetsInteractionOwner]
            public Ticket AssignTo(OwnerRef owner) { Owner = owner; return this; }

            [SetsFollowUpDeadline]
            public Ticket FollowUpAt(Instant deadline) { FollowUpBy = deadline; return this; }

            public Ticket WithNote(string note) => this;

            public void Submit() { }

            [CreatesCustomerInteraction]
            public static Ticket Open(string subject) => new Ticket(subject);

            [CreatesCustomerInteraction]
            public static Ticket OpenFor([InteractionOwner] OwnerRef owner, [FollowUpDeadline] Instant followUpBy, string subject)
                => new Ticket(subject) { Owner = owner, FollowUpBy = followUpBy };

            [CreatesCustomerInteraction]
            public static async Task<Ticket> OpenAsync(string subject)
            {
                await Task.Yield();
                return new Ticket(subject);
            }
        }

        public sealed class VipTicket : Ticket { }

        /// A positional record: the marked parameters mark the generated properties too.
        [CustomerInteraction]
        public sealed record CallbackRequest([InteractionOwner] string Agent, [FollowUpDeadline] Instant CallBackBy, string Phone);

        /// A record whose owner and deadline are optional init-only properties.
        [CustomerInteraction]
        public sealed record ChatThread(string Topic)
        {
            [InteractionOwner]
            public string? Agent { get; init; }

            [FollowUpDeadline]
            public Instant? ReplyBy { get; init; }
        }

        /// A struct with fields.
        [CustomerInteraction]
        public struct ChatMessage
        {
            [InteractionOwner]
            public string? Owner;

            [FollowUpDeadline]
            public Instant? ReplyBy;

            public string Text;
        }

        /// Immutable: owner and deadline only through fluent copies.
        [CustomerInteraction]
        public sealed class Escalation
        {
            private Escalation(string reason) { Reason = reason; }

            private Escalation(string reason, OwnerRef? owner, Instant? due) { Reason = reason; Owner = owner; Due = due; }

            public string Reason { get; }

            [InteractionOwner]
            public OwnerRef? Owner { get; }

            [FollowUpDeadline]
            public Instant? Due { get; }

            [SetsInteractionOwner]
            public Escalation EscalateTo(OwnerRef owner) => new Escalation(Reason, owner, Due);

            [SetsFollowUpDeadline]
            public Escalation DueBy(Instant due) => new Escalation(Reason, Owner, due);

            [CreatesCustomerInteraction]
            public static Escalation Raise(string reason) => new Escalation(reason);
        }

        public sealed class TicketBuilder
        {
            private string _subject = "";
            private OwnerRef? _owner;
            private Instant? _followUpBy;

            public TicketBuilder WithSubject(string subject) { _subject = subject; return this; }

            [SetsInteractionOwner]
            public TicketBuilder AssignTo(OwnerRef owner) { _owner = owner; return this; }

            [SetsFollowUpDeadline]
            public TicketBuilder FollowUpAt(Instant deadline) { _followUpBy = deadline; return this; }

            [CreatesCustomerInteraction]
            public Ticket Build() => new Ticket(_subject) { Owner = _owner, FollowUpBy = _followUpBy };
        }

        /// Marked as an interaction, but says nothing about where its owner or deadline live.
        [CustomerInteraction]
        public sealed class InternalNote
        {
            public string Text { get; set; } = "";
        }

        public static class Desk
        {
            public static OwnerRef Alice { get; } = new OwnerRef("alice");

            public static Instant Tomorrow { get; } = Instant.FromUtc(2030, 1, 2, 9, 0);

            public static void Enqueue(Ticket ticket) { }

            public static Task<OwnerRef> PickOwnerAsync() => Task.FromResult(Alice);

            public static void Log(this Ticket ticket) { }
        }
        """;
}
