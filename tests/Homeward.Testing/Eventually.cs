namespace Homeward.Testing;

/// <summary>
/// Waits for something that happens asynchronously (an event reaching a consumer, a backlog draining) by polling,
/// instead of sleeping for a guessed time. Fails with the last observation when the time is up.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls until <paramref name="observe"/> returns a value that satisfies <paramref name="condition"/>, and returns it.</summary>
    public static async Task<T> MatchesAsync<T>(
        Func<Task<T>> observe,
        Func<T, bool> condition,
        string description,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await observe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {description}; last observed: {value}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    public static Task<bool> TrueAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null) =>
        MatchesAsync(condition, value => value, description, timeout);
}
