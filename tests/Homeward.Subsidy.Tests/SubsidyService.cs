using Homeward.Testing;

namespace Homeward.Subsidy.Tests;

public sealed class SubsidyService() : ServiceUnderTest<Program>("Subsidy", "subsidy");
