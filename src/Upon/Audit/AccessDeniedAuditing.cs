using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Upon.Audit;

/// <summary>Writes a denied request (a signed-in user refused by policy) to the audit log, then answers as usual.</summary>
public sealed class AccessDeniedAuditing(AuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public AccessDeniedAuditing() : this(new AuthorizationMiddlewareResultHandler())
    {
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.RecordAsync(AuditActions.AccessDenied, detail: $"{context.Request.Method} {context.Request.Path}");
        }
        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
