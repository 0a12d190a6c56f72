using Upon;

return await UponProgram.MainAsync(args);

/// <summary>The entry point: with a command (<c>upon import appointments FILE</c>) runs the command line, otherwise serves the web app.</summary>
public partial class Program;
