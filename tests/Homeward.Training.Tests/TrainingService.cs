using Homeward.Testing;

namespace Homeward.Training.Tests;

public sealed class TrainingService() : ServiceUnderTest<Program>("Training", "training");
