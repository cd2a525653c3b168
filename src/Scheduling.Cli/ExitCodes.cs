namespace Scheduling.Cli;

/// <summary>The exit codes of the <c>scheduling</c> tool.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked. In <c>--jsonl</c> mode, the input ended, even if some lines had errors.</summary>
    public const int Success = 0;

    /// <summary>Something unforeseen went wrong; the message on standard error says what.</summary>
    public const int Failure = 1;

    /// <summary>The command line or a value on it is invalid; standard error says which, standard output is empty.</summary>
    public const int InvalidInput = 2;
}
