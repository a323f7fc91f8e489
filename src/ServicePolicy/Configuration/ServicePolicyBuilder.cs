// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using ServicePolicy.Calendars;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>
/// Describes calendars, policies, escalation chains and on-call rotas in code for
/// <see cref="Microsoft.Extensions.DependencyInjection.ServicePolicyServiceCollectionExtensions.AddServicePolicy(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ServicePolicyBuilder})"/>:
/// the same <see cref="ServicePolicyOptions"/> that configuration binds, plus calendars, policies, chains and rotas built
/// in code.
/// The result is the same validated, immutable catalogue.
/// </summary>
/// <remarks>Mutable and not thread-safe; used once, while services are registered. Errors (unknown names, duplicate
/// names, bad expressions) are reported together when the options are validated, with paths under
/// <c>ServicePolicy</c>, as for configuration.</remarks>
[Mutable]
public sealed class ServicePolicyBuilder
{
    private readonly List<Action<ServicePolicyOptions>> steps = new();

    internal ServicePolicyBuilder()
    {
    }

    /// <summary>Adds a calendar built in code; policies refer to it by <see cref="BusinessCalendar.Name"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public ServicePolicyBuilder AddCalendar(BusinessCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        steps.Add(o => o.BuiltCalendars.Add(calendar));
        return this;
    }

    /// <summary>Adds a calendar described by options, as under <c>ServicePolicy:Calendars:&lt;name&gt;</c>.</summary>
    /// <param name="name">The calendar's name.</param>
    /// <param name="configure">Fills in the calendar's options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public ServicePolicyBuilder AddCalendar(string name, Action<CalendarOptions> configure)
    {
        CheckName(name);
        Preconditions.CheckNotNull(configure);
        steps.Add(o => Add(o, o.Calendars, "Calendars", "calendar", name, configure));
        return this;
    }

    /// <summary>Adds a policy built in code, by its <see cref="ServiceLevelPolicy.Name"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public ServicePolicyBuilder AddPolicy(ServiceLevelPolicy policy)
    {
        Preconditions.CheckNotNull(policy);
        steps.Add(o => o.BuiltPolicies.Add(policy));
        return this;
    }

    /// <summary>Adds a policy described by options, as under <c>ServicePolicy:Policies:&lt;name&gt;</c>.</summary>
    /// <param name="name">The policy's name.</param>
    /// <param name="configure">Fills in the policy's options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public ServicePolicyBuilder AddPolicy(string name, Action<PolicyOptions> configure)
    {
        CheckName(name);
        Preconditions.CheckNotNull(configure);
        steps.Add(o => Add(o, o.Policies, "Policies", "policy", name, configure));
        return this;
    }

    /// <summary>Adds an escalation chain version built in code; policies refer to it by <see cref="EscalationChain.Name"/>
    /// (spelt exactly, for policies built in code). Several versions of one chain may be added; the catalogue keeps
    /// them all for evaluation.</summary>
    /// <param name="chain">The chain version.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chain"/> is null.</exception>
    public ServicePolicyBuilder AddEscalationChain(EscalationChain chain)
    {
        Preconditions.CheckNotNull(chain);
        steps.Add(o => o.BuiltEscalationChains.Add(chain));
        return this;
    }

    /// <summary>Adds an escalation chain described by options, as under <c>ServicePolicy:EscalationChains:&lt;name&gt;</c>.</summary>
    /// <param name="name">The chain's name.</param>
    /// <param name="configure">Fills in the chain's options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public ServicePolicyBuilder AddEscalationChain(string name, Action<EscalationChainOptions> configure)
    {
        CheckName(name);
        Preconditions.CheckNotNull(configure);
        steps.Add(o => Add(o, o.EscalationChains, "EscalationChains", "escalation chain", name, configure));
        return this;
    }

    /// <summary>Adds an on-call rota built in code; recipients refer to it as <c>on-call:&lt;name&gt;</c>.</summary>
    /// <param name="rota">The rota.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rota"/> is null.</exception>
    public ServicePolicyBuilder AddRota(WeeklyRota rota)
    {
        Preconditions.CheckNotNull(rota);
        steps.Add(o => o.BuiltRotas.Add(rota));
        return this;
    }

    /// <summary>Adds an on-call rota described by options, as under <c>ServicePolicy:Rotas:&lt;name&gt;</c>.</summary>
    /// <param name="name">The rota's name.</param>
    /// <param name="configure">Fills in the rota's options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public ServicePolicyBuilder AddRota(string name, Action<RotaOptions> configure)
    {
        CheckName(name);
        Preconditions.CheckNotNull(configure);
        steps.Add(o => Add(o, o.Rotas, "Rotas", "rota", name, configure));
        return this;
    }

    /// <summary>Sets the policy set: the first policy in <paramref name="order"/> that applies, otherwise <paramref name="fallback"/>.</summary>
    /// <param name="fallback">The name of the fallback policy.</param>
    /// <param name="order">The names of the policies to try, in order of precedence.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ServicePolicyBuilder UsePolicySet(string fallback, params string[] order)
    {
        Preconditions.CheckNotNull(fallback);
        Preconditions.CheckNotNull(order);
        string[] copy = (string[])order.Clone();
        steps.Add(o =>
        {
            var set = new PolicySetOptions { Fallback = fallback };
            set.Order.AddRange(copy);
            o.PolicySet = set;
        });
        return this;
    }

    /// <summary>Applies the described calendars, policies, chains and rotas to options being built.</summary>
    internal void ApplyTo(ServicePolicyOptions options)
    {
        foreach (Action<ServicePolicyOptions> step in steps)
        {
            step(options);
        }
    }

    private static void Add<T>(ServicePolicyOptions options, Dictionary<string, T> items, string section, string what, string name, Action<T> configure)
        where T : new()
    {
        if (items.ContainsKey(name))
        {
            options.ConfigurationErrors.Add($"{options.SectionPath}:{section}:{name}: {what} '{name}' is defined more than once");
            return;
        }
        var item = new T();
        configure(item);
        items.Add(name, item);
    }

    private static void CheckName(string name)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A name must not be empty or white space.");
    }
}
