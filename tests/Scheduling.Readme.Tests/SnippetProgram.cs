using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Scheduling.Readme.Tests;

/// <summary>
/// Compiles a README snippet as the program of a new console app (<c>dotnet new console</c>: top-level statements,
/// its implicit usings, nullable enabled) against the assemblies this test runs with, then runs it and captures
/// what it writes to the console.
/// </summary>
public static class SnippetProgram
{
    // The global usings a `dotnet new console` project gets from ImplicitUsings.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="snippet"/>; the errors and warnings, each with its README line.</summary>
    public static (Assembly? Program, IReadOnlyList<string> Problems) Compile(ReadmeSnippet snippet)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet_" + snippet.FirstLine,
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options), CSharpSyntaxTree.ParseText(snippet.Code, options, path: "README.md")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"README.md line {snippet.FirstLine + d.Location.GetLineSpan().StartLinePosition.Line}: {d.Id} {d.GetMessage()}")
            .ToList();
        if (!result.Success)
        {
            return (null, problems);
        }

        // A context of its own per compilation, so a snippet compiled twice loads twice; the Scheduling assemblies
        // still come from the default context, the ones the test itself uses.
        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return (context.LoadFromStream(image), problems);
    }

    /// <summary>Runs a compiled snippet's entry point and returns what it wrote to the console.</summary>
    /// <remarks>The console is process-wide, so the tests that run snippets are in one collection and run one by one.</remarks>
    public static async Task<string> RunAsync(Assembly program, TimeSpan timeout)
    {
        var entry = program.EntryPoint ?? throw new InvalidOperationException("The snippet has no entry point.");
        var console = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var arguments = entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
            var run = Task.Run(() =>
            {
                if (entry.Invoke(null, arguments) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            });
            await run.WaitAsync(timeout);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException("The snippet threw: " + e.InnerException, e.InnerException);
        }
        finally
        {
            Console.SetOut(console);
        }

        return output.ToString();
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        // Under `dotnet test` the trusted platform assemblies are the runtime plus everything the test project
        // references: the Scheduling packages, NodaTime and Microsoft.Extensions.DependencyInjection among them.
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. paths.Select(p => MetadataReference.CreateFromFile(p))];
    }
}
