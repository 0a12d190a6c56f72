using Upon.Commands;

namespace Upon;

public static class UponProgram
{
    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version"))
        {
            return await UponCommandLine.InvokeAsync(args);
        }
        await WebApp.RunAsync(args);
        return 0;
    }
}
