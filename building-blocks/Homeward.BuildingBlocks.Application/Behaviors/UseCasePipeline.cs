namespace Homeward.BuildingBlocks.Application.Behaviors;

/// <summary>The pipeline every use case runs through, outermost first: log, then validate, then handle.</summary>
public static class UseCasePipeline
{
    public static readonly Type[] Behaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
}
