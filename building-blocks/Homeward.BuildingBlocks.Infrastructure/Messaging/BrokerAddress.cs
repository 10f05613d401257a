namespace Homeward.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Where the broker is and how to reach it, read from the RabbitMQ connection string: <c>amqp://</c> in the clear on
/// 5672 by default, <c>amqps://</c> over TLS on 5671 by default (the broker's certificate is checked against the host
/// name). Any other scheme is refused at start-up rather than silently connecting in the clear.
/// </summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string? UserName, string Password, bool UseTls)
{
    public const ushort AmqpPort = 5672;
    public const ushort AmqpsPort = 5671;

    public static BrokerAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new InvalidOperationException("ConnectionStrings:RabbitMq is an amqp:// or amqps:// URI, e.g. amqps://user:password@broker/vhost.");
        }

        var useTls = uri.Scheme switch
        {
            "amqp" => false,
            "amqps" => true,
            _ => throw new InvalidOperationException($"ConnectionStrings:RabbitMq has the scheme '{uri.Scheme}'; it is amqp:// (plain) or amqps:// (TLS)."),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        return new BrokerAddress(
            uri.Host,
            uri.IsDefaultPort || uri.Port < 0 ? useTls ? AmqpsPort : AmqpPort : (ushort)uri.Port,
            virtualHost.Length == 0 ? "/" : virtualHost,
            userInfo[0].Length == 0 ? null : Uri.UnescapeDataString(userInfo[0]),
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : string.Empty,
            useTls);
    }
}
