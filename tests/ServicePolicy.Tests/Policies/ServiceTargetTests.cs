// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Policies;

public class ServiceTargetTests
{
    private static readonly DeadlineRule FourHours = DeadlineRule.WithinBusinessTime(Duration.FromHours(4));

    [Fact]
    public void WithMethods_ReturnModifiedCopies()
    {
        ServiceTarget target = ServiceTarget.Create(CommitmentKind.FirstResponse, FourHours);
        ServiceTarget changed = target.WithCalendar(BusinessCalendar.AlwaysOpen).WithAtRisk(AtRiskThreshold.AtPercent(50)).WithRemedies(BreachRemedy.Apology());

        Assert.Null(target.Calendar);
        Assert.Null(target.AtRisk);
        Assert.Empty(target.Remedies);
        Assert.Same(BusinessCalendar.AlwaysOpen, changed.Calendar);
        Assert.Equal(50, changed.AtRisk!.Percent);
        Assert.Equal(BreachRemedy.Apology(), Assert.Single(changed.Remedies));
        Assert.Equal("FirstResponse: within 4 business hours", changed.ToString());
        Assert.Equal("Custom 'send you a quote': within 4 business hours", ServiceTarget.Custom("send you a quote", FourHours).ToString());
    }

    [Fact]
    public void Create_RuleMustFitKind()
    {
        var notWindow = Assert.Throws<ArgumentException>(() => ServiceTarget.Create(CommitmentKind.Appointment, FourHours));
        Assert.Equal("rule", notWindow.ParamName);
        Assert.Contains("AppointmentWindow", notWindow.Message);
        var window = Assert.Throws<ArgumentException>(() => ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.AppointmentWindow(Duration.FromHours(2))));
        Assert.Contains("only Appointment targets", window.Message);
        Assert.Equal("rule", Assert.Throws<ArgumentException>(() => ServiceTarget.Custom("x", DeadlineRule.AppointmentWindow(Duration.FromHours(2)))).ParamName);
    }

    [Fact]
    public void Create_BadArguments_Throw()
    {
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => ServiceTarget.Create(CommitmentKind.Custom, FourHours)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.Create((CommitmentKind)99, FourHours)).ParamName);
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => ServiceTarget.Create(CommitmentKind.Resolution, null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => ServiceTarget.Custom("", FourHours)).ParamName);
        Assert.Equal("remedies", Assert.Throws<ArgumentException>(() => ServiceTarget.Custom("x", FourHours).WithRemedies(BreachRemedy.Apology(), null!)).ParamName);
    }
}
