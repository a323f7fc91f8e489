// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Node;

/// <summary>A file this node appends lines to, one writer at a time; <see cref="Append"/> returns once the lines are
/// flushed to the operating system and, when <c>durable</c>, to the disk (<see cref="FileStream.Flush(bool)"/>), so a
/// line in the file survives a SIGKILL of the node right after.</summary>
internal sealed class AppendOnlyLog(string path, bool durable) : IDisposable
{
    private readonly FileStream stream = new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
    private readonly Lock gate = new();

    public void Append(IEnumerable<string> lines)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n")));
        if (bytes.Length == 0)
        {
            return;
        }
        lock (gate)
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: durable);
        }
    }

    public void Dispose() => stream.Dispose();
}
