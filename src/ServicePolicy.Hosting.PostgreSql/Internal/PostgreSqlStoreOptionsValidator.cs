// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace ServicePolicy.Hosting.PostgreSql.Internal;

/// <summary>Validates <see cref="PostgreSqlStoreOptions"/> when the host starts (<c>ValidateOnStart</c>).</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        List<string> errors = PostgreSqlStoreOptionsValidation.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
