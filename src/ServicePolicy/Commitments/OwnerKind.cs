// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Commitments;

/// <summary>Whether an <see cref="Owner"/> is one person or a team.</summary>
/// <remarks>The default value is <see cref="Person"/>.</remarks>
public enum OwnerKind
{
    /// <summary>A single person, such as an agent.</summary>
    Person,

    /// <summary>A team or queue whose members share the work.</summary>
    Team,
}
