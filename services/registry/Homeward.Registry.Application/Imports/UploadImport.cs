using System.Security.Cryptography;
using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Imports;
using Mediator;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// Queues a village ledger for import into the caller's division. The header is checked at once; the rows are
/// validated and written in the background, any instance of the service picking the job up.
/// </summary>
public sealed record UploadImport(string FileName, ImportFormat Format, byte[] Content) : ICommand<ImportJobView>;

public sealed class UploadImportValidator : AbstractValidator<UploadImport>
{
    public UploadImportValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(255).OverridePropertyName("file");
        RuleFor(c => c.Content).NotEmpty().WithMessage("The file is empty.").OverridePropertyName("file");
        RuleFor(c => c.Format).IsInEnum().OverridePropertyName("file");
    }
}

public sealed class UploadImportHandler(
    IRegistryDbContext db,
    ILedgerFiles files,
    IImportJobQueue queue,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<UploadImport, ImportJobView>
{
    public async ValueTask<ImportJobView> Handle(UploadImport command, CancellationToken cancellationToken)
    {
        var scope = currentUser.Division
            ?? throw new ForbiddenException("Your token names no office division, so there is no division to import into.");
        EnsureReadableHeader(command);

        var now = clock.GetUtcNow();
        var job = ImportJob.Queue(
            Guid.CreateVersion7(now),
            Path.GetFileName(command.FileName),
            command.Format,
            Convert.ToHexStringLower(SHA256.HashData(command.Content)),
            scope.Value,
            currentUser.Id,
            now);
        db.ImportJobs.Add(job);
        db.ImportFiles.Add(ImportFile.Of(job.Id, command.Content));
        await db.SaveChangesAsync(cancellationToken);
        await queue.AnnounceAsync(cancellationToken);
        return ImportJobView.From(job);
    }

    private void EnsureReadableHeader(UploadImport command)
    {
        try
        {
            var sheet = files.Read(command.Content, command.Format);
            if (sheet.MissingColumns.Count > 0)
            {
                throw new RequestValidationException(
                    "file",
                    $"The header row lacks the columns {string.Join(", ", sheet.MissingColumns)}. Columns: {string.Join(", ", LedgerColumns.All)}.");
            }
        }
        catch (LedgerFileException unreadable)
        {
            throw new RequestValidationException("file", unreadable.Message);
        }
    }
}
