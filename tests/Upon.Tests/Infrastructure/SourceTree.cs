namespace Upon.Tests.Infrastructure;

/// <summary>The repository the tests were built from: they run from its source tree, under <c>tests/*/bin</c>.</summary>
public static class SourceTree
{
    /// <summary>The folder holding <c>Upon.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Upon.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Upon.slnx above {AppContext.BaseDirectory}: the tests run from the source tree.");
    }
}
