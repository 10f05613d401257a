using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Web.Http;
using Microsoft.AspNetCore.Http;

namespace Homeward.BuildingBlocks.Tests.Web;

public sealed class ETagTests
{
    [Fact]
    public void An_etag_is_the_quoted_row_version()
    {
        var context = new DefaultHttpContext();
        context.Response.SetETag(4711);

        Assert.Equal("\"4711\"", context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public void If_match_with_our_etag_yields_the_row_version()
    {
        Assert.Equal(4711u, Request("\"4711\"").RequireIfMatch("Worker", 1));
    }

    [Fact]
    public void An_update_without_if_match_is_refused_as_precondition_required()
    {
        Assert.Throws<PreconditionRequiredException>(() => Request(null).RequireIfMatch("Worker", 1));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"4711\"")]
    [InlineData("\"not-a-version\"")]
    [InlineData("4711")]
    public void An_if_match_that_is_not_one_of_our_etags_fails_the_precondition(string ifMatch)
    {
        Assert.Throws<PreconditionFailedException>(() => Request(ifMatch).RequireIfMatch("Worker", 1));
    }

    private static HttpRequest Request(string? ifMatch)
    {
        var context = new DefaultHttpContext();
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        return context.Request;
    }
}
