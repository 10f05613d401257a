namespace Homeward.SharedKernel;

/// <summary>
/// An aggregate whose updates are optimistic: <see cref="RowVersion"/> is the database's row version (PostgreSQL
/// <c>xmin</c>), sent to clients as the ETag and checked against If-Match before a change is saved.
/// </summary>
public interface IHasRowVersion
{
    uint RowVersion { get; }
}
