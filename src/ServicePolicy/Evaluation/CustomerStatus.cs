// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// What a customer should be told now about one interaction, per commitment, in their language and time zone:
/// "We will reply by Monday 23 November, 12:40 (your time).", "We are waiting for your reply; the clock is stopped.",
/// "Your engineer will arrive between 10:00 and 14:00 on Tuesday 24 November (your time).", "We missed the time we
/// promised for our reply (…); we're sorry — we will reply as soon as we can."
/// </summary>
/// <remarks>
/// <para>Every sentence comes from the <c>StatusText</c> resources (English built in, French and German shipped as
/// satellite assemblies; see <see cref="CustomerText"/> for the fallback) and dates are written with the resources'
/// NodaTime patterns in the requested culture, so a translator reaches every word. docs/customer-text.md lists the
/// keys and how to add a language.</para>
/// <para>One line per commitment (kind, and name for custom ones), for its latest cycle, in customer reading order;
/// a cycle that was cancelled or ended unmet says nothing. A promise names its deadline (rounded down to the minute)
/// and is only made while the deadline is ahead; an appointment whose window has opened says "by" its end.</para>
/// <para>Immutable. Equality is reference equality. A pure function of its arguments: no clock is read.</para>
/// </remarks>
[Immutable]
public sealed class CustomerStatus
{
    internal CustomerStatus(string interactionId, Instant now, CultureInfo culture, CultureInfo language, DateTimeZone zone, bool isCustomerZone, IReadOnlyList<CustomerStatusLine> lines)
    {
        InteractionId = interactionId;
        Now = now;
        Culture = culture;
        Language = language;
        Zone = zone;
        IsCustomerZone = isCustomerZone;
        Lines = lines;
    }

    /// <summary>Gets the host's id of the interaction.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the evaluated instant the text speaks at.</summary>
    public Instant Now { get; }

    /// <summary>Gets the requested culture, which writes the dates and amounts.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Gets the language the sentences are in (<see cref="CustomerText.LanguageOf"/> of <see cref="Culture"/>):
    /// <c>en</c> when the requested culture has no translation.</summary>
    public CultureInfo Language { get; }

    /// <summary>Gets the time zone the times are written in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets whether <see cref="Zone"/> is the customer's own (times read "(your time)"); otherwise it is the
    /// policy calendar's zone, which the text names ("(UK time)").</summary>
    public bool IsCustomerZone { get; }

    /// <summary>Gets one line per commitment, in customer reading order.</summary>
    public IReadOnlyList<CustomerStatusLine> Lines { get; }

    /// <summary>Gets the lines as one paragraph, each distinct sentence once (two paused commitments share "We are
    /// waiting for your reply; the clock is stopped.").</summary>
    public string Text
    {
        get
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            var texts = new List<string>(Lines.Count);
            foreach (CustomerStatusLine line in Lines)
            {
                if (seen.Add(line.Text))
                {
                    texts.Add(line.Text);
                }
            }
            return string.Join(" ", texts);
        }
    }

    /// <summary>Describes an evaluation to the customer.</summary>
    /// <param name="timeline">The timeline that was evaluated (it holds the booked appointment windows and why the
    /// interaction is waiting); facts after <see cref="EvaluationResult.Now"/> are ignored.</param>
    /// <param name="result">The evaluation of <paramref name="timeline"/>.</param>
    /// <param name="culture">The customer's culture; null for the current UI culture.</param>
    /// <param name="customerZone">The customer's time zone, whose times read "(your time)"; null for the zone the
    /// interaction's profile names (<see cref="InteractionProfile.CustomerTimeZone"/>, as of the result's instant), and
    /// when it names none, times are written in the policy calendar's zone and name it.</param>
    /// <returns>The status text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="timeline"/> or <paramref name="result"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="result"/> is for another interaction than
    /// <paramref name="timeline"/>.</exception>
    public static CustomerStatus Describe(Timeline timeline, EvaluationResult result, CultureInfo? culture = null, DateTimeZone? customerZone = null)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(result);
        Preconditions.CheckArgument(string.Equals(timeline.InteractionId, result.InteractionId, System.StringComparison.Ordinal), nameof(result),
            $"The result is for interaction '{result.InteractionId}', the timeline for '{timeline.InteractionId}'.");
        return StatusText.Describe(timeline, result, culture ?? CultureInfo.CurrentUICulture, customerZone ?? timeline.AsOf(result.Now).CurrentProfile.CustomerTimeZone);
    }

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The paragraph.</returns>
    public override string ToString() => Text;
}
