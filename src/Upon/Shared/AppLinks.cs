namespace Upon.Shared;

/// <summary>The address people use to reach Upon (<c>App:BaseUrl</c>), for links in emails, feeds and printed output.</summary>
public static class AppLinks
{
    public const string DefaultBaseUrl = "http://localhost:5080";

    /// <summary><c>App:BaseUrl</c> without a trailing slash, or <see cref="DefaultBaseUrl"/> when unset.</summary>
    public static string BaseUrl(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration["App:BaseUrl"] ?? DefaultBaseUrl).TrimEnd('/');
    }
}
