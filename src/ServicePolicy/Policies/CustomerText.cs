// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System;
using System.Collections.Concurrent;
using System.IO;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// The languages of customer-facing text: policy descriptions (<see cref="ServiceLevelPolicy.Describe"/>), deadline rule
/// phrases and per-ticket status text (<see cref="Evaluation.CustomerStatus"/>). English is built in; French (<c>fr</c>)
/// and German (<c>de</c>) ship as satellite resource assemblies; any other culture reads English.
/// </summary>
/// <remarks>The fallback is the .NET resource fallback: a culture reads the resources of the nearest culture in its
/// parent chain that has them (<c>fr-CA</c> reads <c>fr</c>, <c>de-AT</c> reads <c>de</c>), and English when none has.
/// <see cref="LanguageOf"/> says which that is, so a host can tell a customer whose language is missing, or choose
/// another. Numbers, money and dates are always written the requested culture's way.</remarks>
public static class CustomerText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ConcurrentDictionary<string, bool> Shipped = new(StringComparer.Ordinal);

    /// <summary>Returns the language whose resources the text for <paramref name="culture"/> is read from:
    /// <c>fr</c>, <c>de</c>, another language whose resource files were added, or <c>en</c> for any culture without one.</summary>
    /// <param name="culture">The requested culture.</param>
    /// <returns>The neutral or specific culture of the resources used; <c>en</c> for English.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public static CultureInfo LanguageOf(CultureInfo culture)
    {
        Preconditions.CheckNotNull(culture);
        for (CultureInfo c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (c.TwoLetterISOLanguageName == "en")
            {
                return English;
            }
            if (Shipped.GetOrAdd(c.Name, HasSatellite))
            {
                return c;
            }
        }
        return English;
    }

    /// <summary>Whether a satellite assembly for the culture ships beside the library (the resource manager's own
    /// cache cannot say: once asked for fr-FR it holds fr's resources under fr-FR too).</summary>
    private static bool HasSatellite(string name)
    {
        try
        {
            typeof(CustomerText).Assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo(name));
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException)
        {
            return false;
        }
    }
}
