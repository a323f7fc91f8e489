// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Configuration;

/// <summary>Default names used by the configuration layer.</summary>
public static class ServicePolicyConstants
{
    /// <summary>The conventional configuration section, <c>ServicePolicy</c>; also the path that prefixes errors in
    /// options built in code.</summary>
    public const string DefaultSectionName = "ServicePolicy";
}
