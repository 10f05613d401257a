using Homeward.Contracts.Training;
using Homeward.Registry.Application.Integration;
using Homeward.Registry.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Infrastructure.Consumers;

public sealed class CertificateIssuedConsumer(RegistryDbContext db, ISender sender, ILogger<CertificateIssuedConsumer> logger)
    : WorkerFactConsumer<CertificateIssued>(db, sender, logger)
{
    protected override Guid WorkerOf(CertificateIssued message) => message.WorkerId;

    protected override ICommand CommandFor(CertificateIssued message) => new RecordCertificate(message);
}
