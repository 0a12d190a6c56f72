using AngleSharp;
using AngleSharp.Dom;

namespace Upon.Tests.Infrastructure;

/// <summary>Parses HTML responses with AngleSharp and fills forms with their antiforgery token.</summary>
public static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html));
        AssertErrorSummaryRules(document, response.RequestMessage?.RequestUri);
        return document;
    }

    /// <summary>
    /// The GOV.UK error summary's rules, checked on every page a test reads: a page showing one starts its title with
    /// "Error: ", and each error links to something on the page (its field, or the page's content), never to an id that is
    /// not there.
    /// </summary>
    private static void AssertErrorSummaryRules(IDocument document, Uri? address)
    {
        if (document.QuerySelector(".govuk-error-summary") is not null)
        {
            Assert.True(document.Title?.StartsWith("Error: ", StringComparison.Ordinal) == true,
                $"{address?.PathAndQuery} shows an error summary, but its title is \"{document.Title}\".");
        }
        foreach (var link in document.QuerySelectorAll(".govuk-error-summary__list a"))
        {
            var href = link.GetAttribute("href") ?? "";
            Assert.True(href.StartsWith('#') && document.GetElementById(href[1..]) is not null,
                $"{address?.PathAndQuery}: the error summary links to \"{href}\" ({link.TextContent.Trim()}), which is not on the page.");
        }
    }

    /// <summary>Posts a form the way a browser would: fields plus the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(postUrl ?? pageUrl, UriKind.Relative), content);
    }

    /// <summary>Posts a form whose fields may repeat (checkboxes), with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, string? postUrl = null) =>
        PostPairsAsync(client, pageUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), postUrl);

    private static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(postUrl ?? pageUrl, UriKind.Relative), content);
    }

    /// <summary>
    /// The value of the field that <paramref name="selector"/> finds, "" when it has no value attribute; fails when there is
    /// no such field, so that an empty expectation cannot pass on a missing field.
    /// </summary>
    public static string FieldValue(this IDocument document, string selector)
    {
        var field = document.QuerySelector(selector);
        Assert.True(field is not null, $"The page has no field {selector}.");
        return field.GetAttribute("value") ?? "";
    }

    /// <summary>The messages in the GOV.UK error summary.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument document) =>
        [.. document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];
}
