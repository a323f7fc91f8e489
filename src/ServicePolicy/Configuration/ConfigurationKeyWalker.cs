// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ServicePolicy.Configuration;

/// <summary>
/// Binds a configuration section to the options types, like <c>ConfigurationBinder</c> but strict and without
/// stopping: every key the options do not have (a typo in a property name) and every value that cannot be converted
/// to its property's type is reported with its full path, and the rest is still bound, so that all errors are reported
/// at once.
/// </summary>
/// <remarks>Handles what the options use: classes with public properties (settable, or get-only collections),
/// <see cref="Dictionary{TKey, TValue}"/> with string keys, <see cref="List{T}"/>, strings, numbers, booleans and their
/// nullable forms. Property names are matched case-insensitively.</remarks>
internal static class ConfigurationKeyWalker
{
    /// <summary>Binds <paramref name="section"/> into <paramref name="existing"/> (or a new instance) and returns it;
    /// null when nothing could be bound.</summary>
    internal static object? Bind(IConfigurationSection section, Type type, object? existing, List<string> errors)
    {
        Type? element;
        if (IsScalar(type))
        {
            if (section.GetChildren().Any())
            {
                errors.Add($"{section.Path}: expected a single value, found nested settings");
                return null;
            }
            if (string.IsNullOrEmpty(section.Value))
            {
                return type == typeof(string) ? section.Value : null;
            }
            if (!TryConvert(section.Value, type, out object? value))
            {
                Type target = Nullable.GetUnderlyingType(type) ?? type;
                errors.Add($"{section.Path}: value '{section.Value}' is not a valid {Describe(target)}");
                return null;
            }
            return value;
        }
        if (!string.IsNullOrEmpty(section.Value))
        {
            errors.Add($"{section.Path}: expected nested settings, found the single value '{section.Value}'");
            return existing;
        }
        object instance = existing ?? Activator.CreateInstance(type)!;
        if ((element = DictionaryValueType(type)) is not null)
        {
            var dictionary = (System.Collections.IDictionary)instance;
            foreach (IConfigurationSection child in section.GetChildren())
            {
                object? current = dictionary.Contains(child.Key) ? dictionary[child.Key] : null;
                if (Bind(child, element, current, errors) is { } value)
                {
                    dictionary[child.Key] = value;
                }
            }
            return instance;
        }
        if ((element = ListElementType(type)) is not null)
        {
            var list = (System.Collections.IList)instance;
            foreach (IConfigurationSection child in section.GetChildren()
                .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : int.MaxValue))
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{child.Path}: expected a list (keys 0, 1, 2, ...), found the key '{child.Key}'");
                    continue;
                }
                if (Bind(child, element, null, errors) is { } value)
                {
                    list.Add(value);
                }
            }
            return instance;
        }
        PropertyInfo[] properties = BindableProperties(type);
        foreach (IConfigurationSection child in section.GetChildren())
        {
            PropertyInfo? property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                errors.Add($"{child.Path}: unknown setting '{child.Key}'{NameSuggestions.DidYouMean(child.Key, properties.Select(p => p.Name))}; "
                    + $"expected one of {string.Join(", ", properties.Select(p => p.Name))}");
                continue;
            }
            object? current = IsScalar(property.PropertyType) ? null : property.GetValue(instance);
            object? bound = Bind(child, property.PropertyType, current, errors);
            if (property.SetMethod is { IsPublic: true } && (bound is not null || IsScalar(property.PropertyType)))
            {
                if (bound is not null || !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                {
                    property.SetValue(instance, bound);
                }
            }
        }
        return instance;
    }

    private static PropertyInfo[] BindableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && (p.SetMethod is { IsPublic: true } || !IsScalar(p.PropertyType)))
            .ToArray();

    private static bool IsScalar(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t.IsEnum;
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static Type? ListElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static bool TryConvert(string text, Type type, out object? value)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            value = text;
            return true;
        }
        try
        {
            value = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            value = null;
            return false;
        }
    }

    private static string Describe(Type type) => type == typeof(int) ? "whole number"
        : type == typeof(bool) ? "boolean (true or false)"
        : type == typeof(double) || type == typeof(decimal) ? "number"
        : type.Name;
}
