// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.Contracts;
using System.Reflection;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;
using Xunit;

namespace ServicePolicy.Tests;

/// <summary>Reflection checks of house rules the compiler does not enforce: every public class is marked
/// immutable or mutable, and public instance methods of public structs are [Pure].</summary>
public class ArchitectureTests
{
    private static readonly Type[] PublicTypes = typeof(BusinessCalendar).Assembly.GetExportedTypes();

    public static TheoryData<string> PublicClasses() =>
        new(PublicTypes.Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName!).Order(StringComparer.Ordinal));

    private static Type TypeNamed(string name) => PublicTypes.Single(t => t.FullName == name);

    [Theory]
    [MemberData(nameof(PublicClasses))]
    public void PublicClass_IsMarkedImmutableOrMutable(string name)
    {
        Type type = TypeNamed(name);
        bool immutable = type.IsDefined(typeof(ImmutableAttribute), inherit: false);
        bool mutable = type.IsDefined(typeof(MutableAttribute), inherit: false);
        Assert.True(immutable ^ mutable, $"{name} must be marked with exactly one of [Immutable] and [Mutable].");
    }

    [Theory]
    [MemberData(nameof(PublicClasses))]
    public void ImmutableClass_CannotBeSubclassedOutsideTheLibraryAndHasNoSetters(string name)
    {
        Type type = TypeNamed(name);
        if (!type.IsDefined(typeof(ImmutableAttribute), inherit: false))
        {
            return;
        }
        ConstructorInfo[] subclassable = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly).ToArray();
        Assert.True(type.IsSealed || (type.IsAbstract && subclassable.Length == 0),
            $"{name} is [Immutable], so it must be sealed, or abstract with only internal or private protected constructors.");
        string[] setters = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.SetMethod is { IsPublic: true } && p.DeclaringType!.Assembly == type.Assembly)
            .Select(p => p.Name).ToArray();
        Assert.True(setters.Length == 0, $"{name} is [Immutable] but has public setters: {string.Join(", ", setters)}.");
        string[] fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public).Where(f => !f.IsInitOnly).Select(f => f.Name).ToArray();
        Assert.True(fields.Length == 0, $"{name} is [Immutable] but has public writable fields: {string.Join(", ", fields)}.");
    }

    [Fact]
    public void PublicStructs_InstanceMethodsArePure()
    {
        Type[] structs = PublicTypes.Where(t => t.IsValueType && !t.IsEnum).ToArray();
        Assert.NotEmpty(structs);
        string[] impure = structs
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsDefined(typeof(PureAttribute)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToArray();
        Assert.True(impure.Length == 0, "Public instance methods of public structs must be [Pure]: " + string.Join(", ", impure));
    }
}
