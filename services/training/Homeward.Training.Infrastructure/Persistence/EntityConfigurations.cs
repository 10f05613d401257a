using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Training.Domain.Catalog;
using Homeward.Training.Domain.Certificates;
using Homeward.Training.Domain.Demand;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Outcomes;
using Homeward.Training.Domain.Sessions;
using Homeward.Training.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Training.Infrastructure.Persistence;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> worker)
    {
        worker.ToTable("workers");
        worker.HasKey(w => w.WorkerId);
        worker.Property(w => w.WorkerId).ValueGeneratedNever();
        worker.Property(w => w.Name).HasMaxLength(30);
        worker.Property(w => w.HouseholdDivision).HasMaxLength(12);
        worker.Property(w => w.Status).HasMaxLength(30);
        worker.Ignore(w => w.IsRegistered);
        worker.HasIndex(w => w.HouseholdDivision);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> provider)
    {
        provider.ToTable("providers");
        provider.HasKey(p => p.Id);
        provider.Property(p => p.Id).ValueGeneratedNever();
        provider.Property(p => p.Name).HasMaxLength(100);
        provider.Property(p => p.Division).HasMaxLength(12);
        provider.Property(p => p.Address).HasMaxLength(200);
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.ToTable("courses");
        course.HasKey(c => c.Id);
        course.Property(c => c.Id).ValueGeneratedNever();
        course.Property(c => c.TradeCode).HasMaxLength(40);
        course.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        course.Property(c => c.Title).HasMaxLength(200);
        course.Property(c => c.Syllabus).HasJsonColumn();
        course.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        course.Ignore(c => c.PracticalShare);
        course.HasOne<Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        course.HasIndex(c => c.TradeCode);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> session)
    {
        session.ToTable("sessions", table => table.HasCheckConstraint("ck_sessions_seats", "enrolled_count >= 0 AND enrolled_count <= capacity"));
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.TradeCode).HasMaxLength(40);
        session.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
        session.Property(s => s.Division).HasMaxLength(12);
        session.Property(s => s.Instructors).HasJsonColumn();
        session.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        session.Ignore(s => s.SeatsLeft);
        session.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        session.HasIndex(s => new { s.Division, s.TradeCode });
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> enrollment)
    {
        enrollment.ToTable("enrollments");
        enrollment.HasKey(e => e.Id);
        enrollment.Property(e => e.Id).ValueGeneratedNever();
        enrollment.Property(e => e.WorkerDivision).HasMaxLength(12);
        enrollment.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        enrollment.Ignore(e => e.HoldsSeat);
        enrollment.Ignore(e => e.MayBeCertified);
        enrollment.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
        enrollment.HasIndex(e => new { e.SessionId, e.WorkerId }).IsUnique();
        enrollment.HasIndex(e => new { e.SessionId, e.Arrival }).IsUnique();
        enrollment.HasIndex(e => e.WorkerId);
        enrollment.HasIndex(e => e.WorkerDivision);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> lesson)
    {
        lesson.ToTable("lessons");
        lesson.HasKey(l => l.Id);
        lesson.Property(l => l.Id).ValueGeneratedNever();
        lesson.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        lesson.Property(l => l.Hours).HasPrecision(4, 1);
        lesson.Property(l => l.Topic).HasMaxLength(200);
        lesson.HasOne<TrainingSession>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Restrict);
        lesson.HasIndex(l => l.SessionId);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        attendance.ToTable("attendances");
        attendance.HasKey(a => new { a.LessonId, a.EnrollmentId });
        attendance.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Restrict);
        attendance.HasOne<Enrollment>().WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        attendance.HasIndex(a => a.EnrollmentId);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.ToTable("certificates");
        certificate.HasKey(c => c.Id);
        certificate.Property(c => c.Id).ValueGeneratedNever();
        certificate.Property(c => c.Number).HasMaxLength(40);
        certificate.Property(c => c.WorkerDivision).HasMaxLength(12);
        certificate.Property(c => c.TradeCode).HasMaxLength(40);
        certificate.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        certificate.Property(c => c.Route).HasConversion<string>().HasMaxLength(20);
        certificate.HasIndex(c => c.Number).IsUnique();
        certificate.HasIndex(c => c.SourceId).IsUnique();
        certificate.HasIndex(c => c.WorkerId);
        certificate.HasIndex(c => c.WorkerDivision);
    }
}

internal sealed class PriorLearningAssessmentConfiguration : IEntityTypeConfiguration<PriorLearningAssessment>
{
    public void Configure(EntityTypeBuilder<PriorLearningAssessment> assessment)
    {
        assessment.ToTable("prior_learning_assessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.Id).ValueGeneratedNever();
        assessment.Property(a => a.WorkerDivision).HasMaxLength(12);
        assessment.Property(a => a.TradeCode).HasMaxLength(40);
        assessment.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.Assessor).HasMaxLength(100);
        assessment.HasIndex(a => a.WorkerId);
    }
}

internal sealed class SkillGapConfiguration : IEntityTypeConfiguration<SkillGap>
{
    public void Configure(EntityTypeBuilder<SkillGap> gap)
    {
        gap.ToTable("skill_gaps");
        gap.HasKey(g => new { g.TradeCode, g.Level, g.Division });
        gap.Property(g => g.TradeCode).HasMaxLength(40);
        gap.Property(g => g.Level).HasMaxLength(20);
        gap.Property(g => g.Division).HasMaxLength(12);
    }
}

internal sealed class TrainingNeedCountConfiguration : IEntityTypeConfiguration<TrainingNeedCount>
{
    public void Configure(EntityTypeBuilder<TrainingNeedCount> count)
    {
        count.ToTable("training_need_counts");
        count.HasKey(c => new { c.Division, c.TradeCode });
        count.Property(c => c.Division).HasMaxLength(12);
        count.Property(c => c.TradeCode).HasMaxLength(40);
    }
}

internal sealed class EmploymentRecordConfiguration : IEntityTypeConfiguration<EmploymentRecord>
{
    public void Configure(EntityTypeBuilder<EmploymentRecord> record)
    {
        record.ToTable("employment_records");
        record.HasKey(r => r.Id);
        record.Property(r => r.Id).ValueGeneratedNever();
        record.Property(r => r.TradeCode).HasMaxLength(40);
        record.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        record.HasIndex(r => new { r.WorkerId, r.StartedOn });
    }
}
