using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

public sealed partial class BpfProgram
{
    /// <summary>
    /// Opens a program pinned in bpffs (BPF_OBJ_GET), for instance one that bpftool loaded, so it can be queried
    /// and test-run like a program loaded here.
    /// </summary>
    public static unsafe BpfProgram OpenPinned(string path)
    {
        var fd = BpfFs.Open(path);
        try
        {
            var info = ObjectInfo.Get<BpfProgInfo>(fd);
            return new BpfProgram(fd, (ProgramType)info.Type, ObjectName.Read(info.Name), null);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }
}
