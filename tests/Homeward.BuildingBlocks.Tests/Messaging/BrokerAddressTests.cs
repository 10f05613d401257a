using Homeward.BuildingBlocks.Infrastructure.Messaging;

namespace Homeward.BuildingBlocks.Tests.Messaging;

public sealed class BrokerAddressTests
{
    [Fact]
    public void Amqp_connects_in_the_clear_on_5672_unless_a_port_is_given()
    {
        Assert.Equal(new BrokerAddress("127.0.0.1", 5672, "/", "guest", "guest", UseTls: false), BrokerAddress.Parse("amqp://guest:guest@127.0.0.1/"));
        Assert.Equal(5673, BrokerAddress.Parse("amqp://guest:guest@127.0.0.1:5673/").Port);
    }

    [Fact]
    public void Amqps_connects_over_tls_on_5671_unless_a_port_is_given()
    {
        var broker = BrokerAddress.Parse("amqps://homeward:secret@rabbitmq.internal/homeward");

        Assert.True(broker.UseTls);
        Assert.Equal(5671, broker.Port);
        Assert.Equal("rabbitmq.internal", broker.Host);
        Assert.Equal("homeward", broker.VirtualHost);
        Assert.Equal(6000, BrokerAddress.Parse("amqps://rabbitmq.internal:6000/").Port);
    }

    [Fact]
    public void Escaped_user_password_and_virtual_host_are_read_unescaped()
    {
        var broker = BrokerAddress.Parse("amqp://app%40city:p%3Ass%2Fw@broker:5672/bench%2Fone");

        Assert.Equal("app@city", broker.UserName);
        Assert.Equal("p:ss/w", broker.Password);
        Assert.Equal("bench/one", broker.VirtualHost);
    }

    [Fact]
    public void Without_credentials_the_broker_defaults_apply()
    {
        var broker = BrokerAddress.Parse("amqp://broker/");

        Assert.Null(broker.UserName);
        Assert.Equal("/", broker.VirtualHost);
    }

    [Theory]
    [InlineData("http://broker:5672/")]
    [InlineData("broker:5672")]
    [InlineData("not a uri")]
    public void Anything_but_amqp_or_amqps_is_refused_at_start_up(string connectionString)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => BrokerAddress.Parse(connectionString));

        Assert.Contains("amqp", refused.Message, StringComparison.Ordinal);
    }
}
