namespace Scheduling.Readme.Tests;

/// <summary>
/// README.md cannot lie: every C# snippet in it compiles as a new console app would compile it, without warnings,
/// runs, and prints exactly the text block that follows it.
/// </summary>
public sealed class ReadmeTest
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The snippets, read once per run.</summary>
    public static TheoryData<ReadmeSnippet> Snippets()
    {
        var data = new TheoryData<ReadmeSnippet>();
        foreach (var snippet in ReadmeDocument.Snippets(File.ReadAllText(ReadmeDocument.Path)))
        {
            data.Add(snippet);
        }

        return data;
    }

    [Fact]
    public void The_readme_shows_its_quick_starts_as_csharp_snippets()
    {
        var headings = ReadmeDocument.Snippets(File.ReadAllText(ReadmeDocument.Path)).Select(s => s.Heading);

        headings.Should().Contain(["Recurrence quick start", "Sessions quick start", "Workspaces"]);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Every_snippet_says_what_it_prints(ReadmeSnippet snippet)
    {
        snippet.ExpectedOutput.Should().NotBeNull(
            "each C# block in README.md is followed by a ```text block with what it prints ({0})", snippet);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Every_snippet_compiles_without_warnings(ReadmeSnippet snippet)
    {
        var (program, problems) = SnippetProgram.Compile(snippet);

        problems.Should().BeEmpty();
        program.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task Every_snippet_prints_what_the_readme_says(ReadmeSnippet snippet)
    {
        var (program, problems) = SnippetProgram.Compile(snippet);
        program.Should().NotBeNull(string.Join('\n', problems));

        var printed = await SnippetProgram.RunAsync(program!, RunTimeout);

        Normalise(printed).Should().Be(Normalise(snippet.ExpectedOutput ?? string.Empty));
    }

    [Fact]
    public void A_snippet_is_read_with_the_text_block_after_it()
    {
        var snippets = ReadmeDocument.Snippets("""
            # Title
            ## Part one
            ```csharp
            Console.WriteLine("one");
            ```
            It prints:
            ```text
            one
            ```
            ## Part two
            ```csharp
            Console.WriteLine("two");
            ```
            ```bash
            echo
            ```
            """);

        snippets.Should().HaveCount(2);
        snippets[0].Should().Be(new ReadmeSnippet("Part one", 4, "Console.WriteLine(\"one\");", "one"));
        snippets[1].Heading.Should().Be("Part two");
        snippets[1].ExpectedOutput.Should().BeNull();
    }

    [Fact]
    public async Task A_snippet_runs_and_what_it_prints_is_captured()
    {
        var snippet = new ReadmeSnippet("Check", 1, """Console.WriteLine(string.Join(",", new[] { 1, 2 }.Select(n => n * 2)));""", "2,4");
        var (program, problems) = SnippetProgram.Compile(snippet);

        problems.Should().BeEmpty();
        (await SnippetProgram.RunAsync(program!, RunTimeout)).Trim().Should().Be("2,4");
    }

    [Fact]
    public async Task A_snippet_that_throws_fails_with_its_exception()
    {
        var (program, _) = SnippetProgram.Compile(new ReadmeSnippet("Check", 1, "await Task.Yield(); throw new FormatException(\"from the snippet\");", ""));

        var run = () => SnippetProgram.RunAsync(program!, RunTimeout);

        (await run.Should().ThrowAsync<InvalidOperationException>()).WithInnerException<FormatException>().WithMessage("from the snippet");
    }

    [Fact]
    public void A_snippet_that_does_not_compile_names_its_readme_line()
    {
        var (program, problems) = SnippetProgram.Compile(new ReadmeSnippet("Check", 40, "Console.WriteLine(1);\nConsole.WriteLine(y);", "1"));

        program.Should().BeNull();
        problems.Should().ContainSingle().Which.Should().StartWith("README.md line 41: CS0103");
    }

    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
