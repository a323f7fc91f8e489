// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using NodaTime;
using ServicePolicy.Commitments;
using Xunit;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>Deadline expressions, generated and mutated from valid ones (issue 15): <see cref="DeadlineExpression.Parse"/>
/// succeeds or throws <see cref="DeadlineExpressionFormatException"/> quoting the text, <see cref="DeadlineExpression.TryParse"/>
/// never throws and agrees with it, every accepted amount is at most the largest amount and round-trips exactly, and
/// every case runs under <see cref="FuzzBudget"/>. Fixed seeds, so a failure reproduces.</summary>
public class DeadlineExpressionFuzzTests
{
    private const int Cases = 3000;

    private static readonly string[] Valid =
    {
        "4 business hours", "30 business minutes", "4 business hours 30 minutes", "1 hour, 30 minutes and 15 seconds",
        "2 business days", "2 business days at 12:00", "24 hours", "2 days", "PT4H", "P1DT12H", "PT0.5S", "P2W",
        "end of business day", "end of business day, cut-off 15:00", "end of business day cutoff 09:30:15.5",
        "next business day at 10:00", "appointment window of 4 hours", "36500 days", "876000 business hours",
        "3153600000 seconds", "1 nanosecond", "PT875999H59M59.999999999S",
    };

    private static readonly string[] Fragments =
    {
        "0", "1", "9", "36500", "36501", "876001", "16777215", "99999999999999999999", "-1", ".", ",", ":", "24:00", "23:59:59.999999999",
        "hours", "business", "days", "at", "and", "P", "T", "PT", "W", "D", "H", "M", "S", "Y", " ", "\t", "\u00A0", "\u0660",
        "end", "of", "day", "next", "appointment", "window", "cut-off", "nanoseconds", "milliseconds",
    };

    [Fact]
    public void Generated_and_mutated_expressions_parse_or_fail_with_the_documented_exception()
    {
        var random = new Random(15_001);
        for (int i = 0; i < Cases; i++)
        {
            string text = i % 3 == 0 ? Generate(random) : Mutate(random, Valid[random.Next(Valid.Length)]);
            Run(text);
        }
    }

    [Fact]
    public void Long_and_repetitive_expressions_finish_within_the_budget()
    {
        foreach (string text in new[]
        {
            new string('9', 100_000) + " hours", string.Concat(Enumerable.Repeat("1 hour ", 20_000)), "P" + new string('1', 50_000) + "D",
            "end of business day, cut-off " + new string(' ', 100_000) + "15:00", new string('x', 100_000),
        })
        {
            Run(text);
        }
    }

    /// <summary>Runs <see cref="Check"/> under the budget; a failed assertion or an undocumented exception fails the
    /// test naming the input.</summary>
    private static void Run(string text)
    {
        Exception? failure = FuzzBudget.Run(text, () => Check(text));
        Assert.True(failure is null, $"Input {FuzzBudget.Describe(text)}: {failure}");
    }

    private static void Check(string text)
    {
        bool parsed = DeadlineExpression.TryParse(text, out DeadlineRule? rule, out DeadlineExpressionFormatException? error);
        DeadlineExpressionFormatException? thrown = null;
        try
        {
            Assert.Equal(rule, DeadlineExpression.Parse(text));
        }
        catch (DeadlineExpressionFormatException e)
        {
            thrown = e;
        }
        Assert.Equal(parsed, thrown is null);
        if (!parsed)
        {
            Assert.Contains($"'{text}'", error!.Message, StringComparison.Ordinal);
            Assert.Equal(error.Message, thrown!.Message);
            return;
        }
        Duration? amount = rule switch
        {
            WithinBusinessTimeRule r => r.Amount,
            WithinElapsedTimeRule r => r.Amount,
            AppointmentWindowRule r => r.MaximumWidth,
            _ => null,
        };
        Assert.True(amount is null || amount <= DeadlineRule.LargestAmount, $"'{text}' was accepted with an amount over the largest");
        Assert.Equal(rule, DeadlineExpression.Parse(rule!.ToExpression()));
    }

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        int parts = random.Next(1, 7);
        for (int i = 0; i < parts; i++)
        {
            text.Append(Fragments[random.Next(Fragments.Length)]);
            if (random.Next(3) > 0)
            {
                text.Append(' ');
            }
        }
        return text.ToString();
    }

    private static string Mutate(Random random, string valid)
    {
        var text = new StringBuilder(valid);
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations; m++)
        {
            int at = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0 when text.Length > 0 && at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, (char)random.Next(0x20, 0x7F));
                    break;
                case 2:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 3 when text.Length > 0:
                    text.Length = at;
                    break;
                case 4:
                    text.Insert(at, random.NextInt64(0, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Insert(at, (char)random.Next(0, 0x3000));
                    break;
            }
        }
        return text.ToString();
    }
}
