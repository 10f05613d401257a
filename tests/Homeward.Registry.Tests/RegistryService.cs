using Homeward.Testing;

namespace Homeward.Registry.Tests;

public sealed class RegistryService() : ServiceUnderTest<Program>("Registry", "registry");
