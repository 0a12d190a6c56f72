using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Upon.Accounts;

namespace Upon.Tests.Accounts;

/// <summary>
/// The second line behind the scheme selector: every policy's <see cref="InteractiveOutsideApiRequirement"/> refuses a
/// token's principal outside /api, so an endpoint that named the token scheme itself would still not let a token in.
/// </summary>
public sealed class InteractiveOutsideApiTests
{
    private static async Task<bool> AllowedAsync(ClaimsPrincipal user, string path)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        var context = new AuthorizationHandlerContext([InteractiveOutsideApiRequirement.Instance], user, http);
        await new InteractiveOutsideApiHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    private static readonly ClaimsPrincipal Token = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(SignInClaims.ApiToken, "7")], "ApiToken"));
    private static readonly ClaimsPrincipal Cookie = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(SignInClaims.SignInId, "s1")], "Identity.Application"));

    [Theory]
    [InlineData("/account/passkeys")]
    [InlineData("/account/tokens")]
    [InlineData("/admin/accounts")]
    [InlineData("/apiary")]
    public async Task TokenPrincipal_OutsideApi_IsRefused(string path) => Assert.False(await AllowedAsync(Token, path));

    [Theory]
    [InlineData("/api/authorities")]
    [InlineData("/API/sessions/1/bookings")]
    public async Task TokenPrincipal_UnderApi_Passes(string path) => Assert.True(await AllowedAsync(Token, path));

    [Theory]
    [InlineData("/account/passkeys")]
    [InlineData("/api/authorities")]
    public async Task CookiePrincipal_PassesEverywhere(string path) => Assert.True(await AllowedAsync(Cookie, path));
}
