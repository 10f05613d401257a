namespace Homeward.BuildingBlocks.Web;

/// <summary>
/// Who a process is: <see cref="Name"/> is the kebab-case segment of its URL prefix (<c>/api/&lt;name&gt;/v1</c>),
/// its telemetry service name suffix and the prefix of its message endpoints.
/// </summary>
public sealed record ServiceDescription(string Name, string Title, string Description)
{
    public string ApiPrefix => $"/api/{Name}";
}
