using System.Globalization;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Application.Common;
using Homeward.Subsidy.Domain.Applications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Homeward.Subsidy.Application.Applications;

/// <summary>
/// Stores a document for a draft or returned application with its SHA-256 hash, and attaches it to the required
/// document of that code (replacing an earlier upload). The API reads the body within the size and type limits of
/// <see cref="SubsidyOptions"/> (413, 415) before it gets here.
/// </summary>
public sealed record UploadDocument(Guid ApplicationId, string DocumentCode, string? ContentType, byte[] Content) : ICommand<ApplicationView>;

public sealed class UploadDocumentHandler(ISubsidyDbContext db, ICurrentUser currentUser, IOptions<SubsidyOptions> options, TimeProvider clock)
    : ICommandHandler<UploadDocument, ApplicationView>
{
    public async ValueTask<ApplicationView> Handle(UploadDocument command, CancellationToken cancellationToken)
    {
        var contentType = UploadLimits.MediaTypeOf(command.ContentType);
        if (contentType is null || !options.Value.UploadContentTypes.Contains(contentType))
        {
            throw new RequestValidationException("contentType", $"Documents are {string.Join(", ", options.Value.UploadContentTypes)}.");
        }

        if (command.Content.Length == 0 || command.Content.LongLength > options.Value.MaxUploadBytes)
        {
            throw new RequestValidationException("content", string.Create(CultureInfo.InvariantCulture, $"A document has 1 to {options.Value.MaxUploadBytes} bytes."));
        }

        var application = await db.Applications.FindVisibleAsync(currentUser, command.ApplicationId, cancellationToken);
        var now = clock.GetUtcNow();
        var upload = ApplicationUpload.Create(Guid.CreateVersion7(now), application.Id, command.DocumentCode, contentType, command.Content, now, currentUser.Id);
        application.AttachUpload(
            command.DocumentCode, upload.Id, string.Create(CultureInfo.InvariantCulture, $"{contentType}, {upload.Size} bytes, sha256 {Convert.ToHexStringLower(upload.Sha256)}"),
            currentUser.Id, now);
        db.ApplicationUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationView.From(application, now);
    }
}

public static class UploadLimits
{
    /// <summary>"image/PNG; charset=x" is image/png.</summary>
    public static string? MediaTypeOf(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant();
}
