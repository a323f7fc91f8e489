// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Internal;

/// <summary>Looks up IANA (TZDB) time zones for the public API, with one error message for an unknown id.</summary>
internal static class TimeZones
{
    public static DateTimeZone Resolve(string timeZoneId, string paramName)
    {
        Preconditions.CheckNotNull(timeZoneId, paramName);
        DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId);
        if (zone is null)
        {
            Preconditions.ThrowArgument(paramName,
                $"Unknown time zone id '{timeZoneId}': expected an IANA (TZDB) id such as 'Europe/London' or 'America/New_York' ({DateTimeZoneProviders.Tzdb.VersionId}).");
        }
        return zone;
    }
}
