using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Upon.Core;

namespace Upon.Shared.Text;

/// <summary>
/// Refuses control characters (<see cref="ControlCharacters"/>) in every text input before it reaches a page or an API
/// endpoint: query-string values, URL-encoded form fields (which may hold line breaks and tabs, as a text area does) and
/// every string in a JSON body under <c>/api</c>. The answer is 400, naming the field: ProblemDetails under <c>/api</c>,
/// a short page otherwise. Uploaded files are checked by their importers, which name the line and column.
/// </summary>
public sealed class ControlCharacterGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ErrorResponses.IsReExecuted(context))
        {
            // The error page of a request already refused (too large, say): its body is not read again.
            await next(context);
            return;
        }
        var problem = FindInQuery(context.Request.Query)
            ?? await FindInFormAsync(context.Request)
            ?? await FindInJsonAsync(context.Request);
        if (problem is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Control characters are not allowed",
                Detail = problem,
            }, options: null, contentType: "application/problem+json");
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Error: there is a problem</title></head><body><main id=\"main-content\">" +
            "<h1>There is a problem</h1><p id=\"control-character-error\">" + System.Net.WebUtility.HtmlEncode(problem) +
            "</p><p>Go back, remove the character and try again.</p></main></body></html>");
    }

    private static string? FindInQuery(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (Problem(key, values, multiline: false) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static async Task<string?> FindInFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        request.EnableBuffering();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // ASP.NET Core's form reader refuses %00 itself, by throwing: find the field in the raw body to name it.
            return await FindNulInRawFormAsync(request);
        }
        foreach (var (key, values) in form)
        {
            if (Problem(key, values, multiline: true) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static async Task<string> FindNulInRawFormAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        foreach (var pair in body.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (pair.Contains("%00", StringComparison.Ordinal))
            {
                var name = Uri.UnescapeDataString(key.Replace('+', ' ').Replace("%00", "", StringComparison.Ordinal));
                return $"The field {Name(name)} must not contain control characters (U+0000).";
            }
        }
        return "A form field must not contain control characters (U+0000).";
    }

    private static async Task<string?> FindInJsonAsync(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api") || request.HasJsonContentType() is false || request.ContentLength is 0)
        {
            return null;
        }
        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return FindInElement(document.RootElement, "");
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint's own binding answers that.
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string? FindInElement(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString();
                return ControlCharacters.Contains(text, multiline: true) ? $"The field {Name(path)} {ControlCharacters.Problem(text!, multiline: true)}." : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (ControlCharacters.Contains(property.Name))
                    {
                        return $"A field name {ControlCharacters.Problem(property.Name)}.";
                    }
                    if (FindInElement(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInElement(item, $"{path}[{i++}]") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static string? Problem(string key, Microsoft.Extensions.Primitives.StringValues values, bool multiline)
    {
        if (ControlCharacters.Contains(key))
        {
            return $"A field name {ControlCharacters.Problem(key)}.";
        }
        foreach (var value in values)
        {
            if (ControlCharacters.Contains(value, multiline))
            {
                return $"The field {Name(key)} {ControlCharacters.Problem(value!, multiline)}.";
            }
        }
        return null;
    }

    private static string Name(string key) => key.Length == 0 ? "(the body)" : key;
}
