using System.Security.Claims;

namespace Upon.Audit;

/// <summary>Who is acting now: the signed-in user of a web request, or the operator running a command.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string Name { get; }
}

/// <summary>The signed-in user of the current request (or "anonymous").</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => User?.Identity?.IsAuthenticated == true
        ? User.FindFirstValue(ClaimTypes.Email) ?? User.Identity.Name ?? "signed-in user"
        : accessor.HttpContext is null ? "system" : "anonymous";
}

/// <summary>The operator running a command: the operating-system user.</summary>
public sealed class CommandLineAuditActor : IAuditActor
{
    public string? UserId => null;

    public string Name => $"command line ({Environment.UserName})";
}
