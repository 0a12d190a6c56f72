namespace Upon.Core.Tests;

/// <summary>Finds the project's <c>shared/data</c> folder (beside the checkout) for tests that read public reference data.</summary>
public static class SharedData
{
    public static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"Could not find shared/data/{fileName} above {AppContext.BaseDirectory}.");
    }
}
