using System.Runtime.InteropServices;
using System.Text;

namespace BpfSharp.Samples;

/// <summary>One exec as printed: the arguments record joined with the name the new program got.</summary>
public sealed record ExecLine(double Seconds, string Comm, int Pid, int Ppid, uint Uid, IReadOnlyList<string> Args, bool Truncated);

/// <summary>Joins each exec's two records on the calling thread's id. Entries whose exec failed are dropped when a newer exec of the same thread arrives.</summary>
public sealed unsafe class ExecJoin
{
    private readonly Dictionary<int, ExecArguments> pending = new();
    private readonly DateTime start = DateTime.UtcNow;

    /// <summary>Takes one ring buffer record; returns the finished line when it completes an exec.</summary>
    public ExecLine? Add(ReadOnlySpan<byte> record)
    {
        var kind = (ExecRecordKind)MemoryMarshal.Read<int>(record);
        if (kind == ExecRecordKind.Arguments && record.Length >= sizeof(ExecArguments))
        {
            var arguments = MemoryMarshal.Read<ExecArguments>(record);
            pending[arguments.Tid] = arguments;
            return null;
        }
        if (kind != ExecRecordKind.Done || record.Length < sizeof(ExecDone))
            return null;
        var done = MemoryMarshal.Read<ExecDone>(record);
        if (!pending.Remove(done.OldTid, out var a))
            return null;
        int ppid = a.Ppid != 0 ? a.Ppid : ParentFromProc(a.Pid);
        return new ExecLine((DateTime.UtcNow - start).TotalSeconds, Text(done.Comm.Bytes, 16), a.Pid, ppid, a.Uid, Args(a), a.ArgCount >= ExecArguments.MaxArgs);
    }

    private static List<string> Args(ExecArguments a)
    {
        var args = new List<string>();
        for (int i = 0; i < a.ArgCount && i < ExecArguments.MaxArgs; i++)
            args.Add(Text(a.Args + i * ExecArguments.ArgSize, ExecArguments.ArgSize));
        return args;
    }

    private static string Text(byte* bytes, int size)
    {
        var span = new ReadOnlySpan<byte>(bytes, size);
        int end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    /// <summary>Processes forked before the tracer started are not in its fork map; /proc knows, while the process lives.</summary>
    private static int ParentFromProc(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("PPid:", StringComparison.Ordinal))
                    return int.Parse(line.AsSpan(5).Trim());
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}
