using Homeward.Testing;

namespace Homeward.JobMatching.Tests;

public sealed class JobMatchingService() : ServiceUnderTest<Program>("JobMatching", "jobmatching");
