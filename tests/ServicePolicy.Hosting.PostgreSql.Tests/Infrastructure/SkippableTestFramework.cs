// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure.SkippableTestFramework", "ServicePolicy.Hosting.PostgreSql.Tests")]

namespace ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;

/// <summary>
/// xUnit's framework, except that every <c>[Fact]</c> of this assembly runs as a <c>[SkippableFact]</c>: a test that
/// throws <see cref="Xunit.SkipException"/> (<c>Skip.If</c>) reports as skipped, not failed. The store contract's tests are
/// plain <c>[Fact]</c>s compiled in from ServicePolicy.Hosting.Tests; this is how they skip, with the reason, when no
/// PostgreSQL is available.
/// </summary>
public sealed class SkippableTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        private static readonly string[] SkipExceptions = [typeof(Xunit.SkipException).FullName!];

        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            IAttributeInfo? fact = testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).FirstOrDefault();
            bool plainFact = fact is not null
                && fact.GetNamedArgument<string>(nameof(FactAttribute.Skip)) is null
                && !testMethod.Method.GetCustomAttributes(typeof(TheoryAttribute)).Any();
            if (!plainFact)
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }
            var testCase = new SkippableFactTestCase(SkipExceptions, DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, null);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }
    }
}
