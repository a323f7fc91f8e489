// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Internal;

/// <summary>Where a text parser stopped and what it expected there: the non-throwing result of the library's parsers,
/// turned into a format exception only by the public <c>Parse</c> methods.</summary>
/// <param name="Position">The zero-based position in the text at which parsing failed.</param>
/// <param name="Expected">What was expected at <paramref name="Position"/>, e.g. "a time in the form HH:mm".</param>
internal readonly record struct ParseFailure(int Position, string Expected);
