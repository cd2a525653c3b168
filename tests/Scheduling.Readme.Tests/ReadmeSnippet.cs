namespace Scheduling.Readme.Tests;

/// <summary>
/// One C# block of README.md with the text block after it that says what it prints. The README shows complete
/// programs, the way a reader pastes them into a new console app.
/// </summary>
public sealed record ReadmeSnippet(string Heading, int FirstLine, string Code, string? ExpectedOutput)
{
    /// <summary>The test's display name: the section and the line, so a failure points at the README.</summary>
    public override string ToString() => $"{Heading} (README.md line {FirstLine})";
}
