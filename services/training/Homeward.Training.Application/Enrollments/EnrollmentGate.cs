using Homeward.Training.Application.Common;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Enrollments;

/// <summary>
/// Bounds how many enrollments of this process wait on a session's lock at once. Without it a burst of enrollments into
/// one session parks a pooled connection per request on the row lock, drains the pool, and requests that wait longer
/// than the pool's timeout fail; with it the burst queues here, in order of arrival, and the rest of the service keeps
/// its connections.
/// </summary>
public sealed class EnrollmentGate(IOptions<TrainingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentEnrollments, options.Value.MaxConcurrentEnrollments);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
