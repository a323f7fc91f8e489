// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Xunit;

// The tests start node processes that need the machine's cores: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
