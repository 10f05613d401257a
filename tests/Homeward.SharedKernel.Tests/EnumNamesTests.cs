namespace Homeward.SharedKernel.Tests;

public sealed class EnumNamesTests
{
    private enum Status
    {
        SeekingWork = 0,
        EmployedLocally = 1,
    }

    [Fact]
    public void A_value_is_named_in_camel_case_and_read_back_from_that_name()
    {
        Assert.Equal("employedLocally", EnumNames.Of(Status.EmployedLocally));
        Assert.Equal(Status.EmployedLocally, EnumNames.Parse<Status>("employedLocally"));
    }

    [Fact]
    public void A_name_is_made_once_per_value()
    {
        Assert.Same(EnumNames.Of(Status.SeekingWork), EnumNames.Of(Status.SeekingWork));
    }

    [Fact]
    public void An_undefined_value_is_named_by_its_number_and_an_unknown_name_reads_as_nothing()
    {
        Assert.Equal("7", EnumNames.Of((Status)7));
        Assert.Null(EnumNames.Parse<Status>("retired"));
        Assert.Null(EnumNames.Parse<Status>("7"));
        Assert.Null(EnumNames.Parse<Status>(null));
    }
}
