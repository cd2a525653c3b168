using System.Text;

namespace Scheduling.Cli;

/// <summary>
/// The three streams a command reads and writes: the process's own, or in-memory ones in tests.
/// </summary>
/// <remarks>
/// Output is a byte stream because responses are written as UTF-8 directly; whoever creates the streams flushes and
/// disposes them. This type is immutable.
/// </remarks>
internal sealed class StandardStreams : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly bool _ownsStreams;

    /// <summary>Creates a set of streams the caller keeps ownership of.</summary>
    /// <param name="input">Standard input, as text.</param>
    /// <param name="output">Standard output, as bytes; UTF-8 text is written to it.</param>
    /// <param name="error">Standard error, as text.</param>
    public StandardStreams(TextReader input, Stream output, TextWriter error)
        : this(input, output, error, ownsStreams: false)
    {
    }

    private StandardStreams(TextReader input, Stream output, TextWriter error, bool ownsStreams)
    {
        Input = input ?? throw new ArgumentNullException(nameof(input));
        Output = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        _ownsStreams = ownsStreams;
    }

    /// <summary>Gets standard input.</summary>
    public TextReader Input { get; }

    /// <summary>Gets standard output.</summary>
    public Stream Output { get; }

    /// <summary>Gets standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>
    /// Opens the process's streams: UTF-8 input (a byte order mark is skipped), buffered output that is written only
    /// when flushed, and the console's error writer.
    /// </summary>
    public static StandardStreams OpenConsole() => new(
        new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, BufferSize),
        new BufferedStream(Console.OpenStandardOutput(), BufferSize),
        Console.Error,
        ownsStreams: true);

    /// <summary>Flushes output and, for the console's streams, closes input and output.</summary>
    public void Dispose()
    {
        Output.Flush();
        if (_ownsStreams)
        {
            Input.Dispose();
            Output.Dispose();
        }
    }
}
