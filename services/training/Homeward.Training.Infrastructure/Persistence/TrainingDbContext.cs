using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Training.Application;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Infrastructure.Persistence;

public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options)
    : ServiceDbContext(options, Schema), ITrainingDbContext
{
    public new const string Schema = "training";
}
