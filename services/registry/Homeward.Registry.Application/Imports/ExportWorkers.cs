using System.Runtime.CompilerServices;
using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Divisions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// The workers of the caller's division (optionally of a division below it) as ledger rows, in the columns an import
/// reads, with national ID and phone masked. The rows are read from the database as they are written out.
/// </summary>
public sealed record ExportWorkers(string? Division) : IQuery<IAsyncEnumerable<LedgerRecord>>;

public sealed class ExportWorkersValidator : AbstractValidator<ExportWorkers>
{
    public ExportWorkersValidator()
    {
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _))
            .When(q => q.Division is not null)
            .WithMessage("The division is a 12-digit statistical code or a 6-digit county code.");
    }
}

public sealed class ExportWorkersHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<ExportWorkers, IAsyncEnumerable<LedgerRecord>>
{
    public ValueTask<IAsyncEnumerable<LedgerRecord>> Handle(ExportWorkers query, CancellationToken cancellationToken)
    {
        var workers = db.Workers.AsNoTracking().WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode);
        if (query.Division is not null)
        {
            var (first, last) = DivisionCode.Parse(query.Division).SubtreeRange;
            workers = workers.Where(w => string.Compare(w.HouseholdDivisionCode, first) >= 0 && string.Compare(w.HouseholdDivisionCode, last) <= 0);
        }

        var rows = workers
            .OrderBy(w => w.Id)
            .Select(w => new ExportedWorker(
                w.Id,
                w.NationalId.Masked,
                w.Name,
                w.Phone == null ? null : w.Phone.Masked,
                w.HouseholdDivisionCode,
                w.Education,
                w.Skills,
                w.Certificates,
                w.ReturnedOn,
                w.ReturnReason,
                w.Status,
                w.TrainingNeeds,
                w.JobIntention,
                w.Family))
            .AsAsyncEnumerable();
        return ValueTask.FromResult(ToRecords(rows, cancellationToken));
    }

    private static async IAsyncEnumerable<LedgerRecord> ToRecords(
        IAsyncEnumerable<ExportedWorker> workers,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var row = 1;
        await foreach (var worker in workers.WithCancellation(cancellationToken))
        {
            yield return new LedgerRecord(++row, worker.Cells());
        }
    }

    private sealed record ExportedWorker(
        Guid Id,
        string NationalIdMasked,
        string Name,
        string? PhoneMasked,
        string HouseholdDivision,
        EducationLevel? Education,
        IReadOnlyList<Skill> Skills,
        IReadOnlyList<Certificate> Certificates,
        DateOnly? ReturnedOn,
        ReturnReason? ReturnReason,
        EmploymentStatus Status,
        string[] TrainingNeeds,
        JobIntention? JobIntention,
        FamilySituation? Family)
    {
        public string?[] Cells()
        {
            var cells = new string?[LedgerColumns.All.Count];
            Set(LedgerColumns.WorkerId, Id.ToString());
            Set(LedgerColumns.NationalId, NationalIdMasked);
            Set(LedgerColumns.Name, Name);
            Set(LedgerColumns.Phone, PhoneMasked);
            Set(LedgerColumns.HouseholdDivision, HouseholdDivision);
            Set(LedgerColumns.Education, LedgerText.Of(Education));
            Set(LedgerColumns.Skills, LedgerText.Of(Skills));
            Set(LedgerColumns.Certificates, LedgerText.Of(Certificates));
            Set(LedgerColumns.ReturnedOn, ReturnedOn is { } on ? LedgerText.Of(on) : null);
            Set(LedgerColumns.ReturnReason, ReturnReason is { } reason ? LedgerText.Name(reason) : null);
            Set(LedgerColumns.Status, LedgerText.Name(Status));
            Set(LedgerColumns.TrainingNeeds, LedgerText.Of(TrainingNeeds));
            if (JobIntention is { } intention)
            {
                Set(LedgerColumns.JobTrades, LedgerText.Of(intention.Trades));
                Set(LedgerColumns.JobWhere, LedgerText.Name(intention.Where));
                Set(LedgerColumns.JobMinWage, intention.MinimumMonthlyWage is { } wage ? LedgerText.Of(wage) : null);
            }

            if (Family is { } family)
            {
                Set(LedgerColumns.HouseholdSize, LedgerText.Of(family.HouseholdSize));
                Set(LedgerColumns.DependentChildren, LedgerText.Of(family.DependentChildren));
                Set(LedgerColumns.DependentElderly, LedgerText.Of(family.DependentElderly));
                Set(LedgerColumns.LowIncome, LedgerText.Of(family.LowIncome));
                Set(LedgerColumns.Monitored, LedgerText.Of(family.Monitored));
            }

            return cells;

            void Set(string column, string? value) => cells[LedgerColumns.IndexOf(column)] = value;
        }
    }
}
