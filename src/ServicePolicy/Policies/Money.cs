// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Globalization;

namespace ServicePolicy.Policies;

/// <summary>
/// Writes an amount of an ISO 4217 currency as the reader's culture writes money ("£10" in en-GB, "10 £" in fr-FR
/// and de-DE, "£12.50", "12,50 £"), with the currency's own symbol: the one the reader's region uses for it when it
/// is the region's currency, else the one of a culture of the same language that uses it, else of any culture; the
/// ISO code itself when no culture uses the currency. Whole amounts have no decimals. A space between the amount and the
/// symbol is a no-break space (U+00A0) whichever space the platform's culture data uses (ICU versions differ), so the
/// amount never wraps and reads the same on every machine.
/// </summary>
internal static class Money
{
    private static readonly ConcurrentDictionary<(string Currency, string Culture), string> Symbols = new();

    internal static string Format(decimal amount, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetOrAdd((currency, culture.Name), key => FindSymbol(key.Currency, culture));
        if (decimal.Truncate(amount) == amount)
        {
            format.CurrencyDecimalDigits = 0;
        }
        return amount.ToString("C", format).Replace(' ', '\u00a0').Replace('\u202f', '\u00a0');
    }

    private static string FindSymbol(string currency, CultureInfo culture)
    {
        string? sameLanguage = null, any = null;
        foreach (CultureInfo specific in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(specific.Name);
            }
            catch (System.ArgumentException)
            {
                continue;
            }
            if (!string.Equals(region.ISOCurrencySymbol, currency, System.StringComparison.Ordinal))
            {
                continue;
            }
            if (string.Equals(specific.Name, culture.Name, System.StringComparison.Ordinal))
            {
                return specific.NumberFormat.CurrencySymbol;
            }
            if (sameLanguage is null && string.Equals(specific.TwoLetterISOLanguageName, culture.TwoLetterISOLanguageName, System.StringComparison.Ordinal))
            {
                sameLanguage = specific.NumberFormat.CurrencySymbol;
            }
            any ??= specific.NumberFormat.CurrencySymbol;
        }
        return sameLanguage ?? any ?? currency;
    }
}
