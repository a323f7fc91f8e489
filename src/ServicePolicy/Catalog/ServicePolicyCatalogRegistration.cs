// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Catalog;

/// <summary>Records, in the service collection, that a configuration name was registered with <c>AddServicePolicy</c>;
/// the catalogue provider serves only registered names.</summary>
internal sealed class ServicePolicyCatalogRegistration
{
    internal ServicePolicyCatalogRegistration(string name)
    {
        Name = name;
    }

    /// <summary>Gets the configuration name (<c>Options.DefaultName</c> for the default one).</summary>
    internal string Name { get; }
}
