using Homeward.BuildingBlocks.Web.Logging;

namespace Homeward.BuildingBlocks.Tests.Security;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("worker 11010519491231002X registered", "worker [national-id] registered")]
    [InlineData("id=110105194912310021.", "id=[national-id].")]
    [InlineData("lowercase 11010519491231002x too", "lowercase [national-id] too")]
    [InlineData("call 13812345678 now", "call [phone] now")]
    [InlineData("call +86 138 1234 5678 now", "call [phone] now")]
    [InlineData("call 138-1234-5678", "call [phone]")]
    public void Id_and_phone_numbers_are_masked_wherever_they_appear(string line, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(line));
    }

    [Theory]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("took 12345 ms for 2026 rows")]
    [InlineData("worker 01a21fe0-3f39-78ab-9281-e44187c08965")]
    [InlineData("masked 110105********002X and 138****5678")]
    public void Other_numbers_and_masked_forms_stay_as_they_are(string line)
    {
        Assert.Equal(line, PersonalDataRedactor.Redact(line));
    }
}
