namespace Scheduling.Readme.Tests;

/// <summary>Reads README.md and finds its C# snippets and what each one prints.</summary>
public static class ReadmeDocument
{
    private const string Fence = "```";

    /// <summary>The README at the repository root, found from the test's output folder upwards.</summary>
    public static string Path
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, "README.md");
                if (File.Exists(candidate) && File.Exists(System.IO.Path.Combine(folder.FullName, "Scheduling.sln")))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("README.md beside Scheduling.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// Every <c>csharp</c> block in order, each with the <c>text</c> block that follows it before any other block
    /// (null when the next block is not a text block, or there is none).
    /// </summary>
    public static IReadOnlyList<ReadmeSnippet> Snippets(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<(string Language, int FirstLine, string Body)>();
        var headings = new List<(int Line, string Heading)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                headings.Add((i + 1, lines[i].TrimStart('#').Trim()));
            }

            if (!lines[i].StartsWith(Fence, StringComparison.Ordinal))
            {
                continue;
            }

            var language = lines[i][Fence.Length..].Trim();
            var end = i + 1;
            while (end < lines.Length && !lines[end].StartsWith(Fence, StringComparison.Ordinal))
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new FormatException($"README.md line {i + 1}: a code block is never closed.");
            }

            blocks.Add((language, i + 2, string.Join('\n', lines[(i + 1)..end])));
            i = end;
        }

        var snippets = new List<ReadmeSnippet>();
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Language != "csharp")
            {
                continue;
            }

            var heading = headings.LastOrDefault(h => h.Line < blocks[b].FirstLine).Heading ?? "README";
            var output = b + 1 < blocks.Count && blocks[b + 1].Language == "text" ? blocks[b + 1].Body : null;
            snippets.Add(new ReadmeSnippet(heading, blocks[b].FirstLine, blocks[b].Body, output));
        }

        return snippets;
    }
}
