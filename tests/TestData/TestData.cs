namespace Upon.Testing;

/// <summary>
/// The reference files the tests read (<c>tests/TestData</c>), copied beside the test binaries by each test project, so
/// that no test walks up the directory tree looking for them.
/// </summary>
public static class TestData
{
    /// <summary>The path of a file in <c>tests/TestData</c>; fails when the build did not copy it.</summary>
    public static string PathOf(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"tests/TestData/{fileName} was not copied beside the tests.", path);
    }
}
