using BpfSharp.Tests;
using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// A network namespace made with <c>ip netns add</c>. <see cref="Run{T}"/> executes code on a fresh thread that
/// has joined it (setns changes only the calling thread), so sockets, interface lookups and attachments made
/// there belong to the namespace and the test process itself never leaves the root namespace.
/// </summary>
internal sealed partial class NetNamespace : IDisposable
{
    private const int CLONE_NEWNET = 0x40000000;
    private bool _deleted;

    private NetNamespace(string name) => Name = name;

    public string Name { get; }

    public static NetNamespace Create(string name)
    {
        Ip("netns", "add", name);
        var ns = new NetNamespace(name);
        try
        {
            ns.Exec("ip", "link", "set", "lo", "up");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command inside the namespace (<c>ip netns exec</c>).</summary>
    public string Exec(string tool, params string[] arguments) =>
        Tools.Run("ip", new[] { "netns", "exec", Name, tool }.Concat(arguments), workingDirectory: null);

    /// <summary>Runs <paramref name="work"/> on a thread inside the namespace and returns its result.</summary>
    public T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using (var handle = File.OpenHandle($"/var/run/netns/{Name}"))
                {
                    if (SetNs((int)handle.DangerousGetHandle(), CLONE_NEWNET) != 0)
                        throw new InvalidOperationException($"setns into {Name} failed: errno {Marshal.GetLastPInvokeError()}");
                }
                result = work();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (error is not null)
            throw new InvalidOperationException($"in network namespace {Name}: {error.Message}", error);
        return result;
    }

    public void Run(Action work) => Run(() => { work(); return 0; });

    public void Dispose()
    {
        if (_deleted)
            return;
        _deleted = true;
        // Deleting the namespace destroys its interfaces (and a veth's peer with them) and every attachment on them.
        Ip("netns", "del", Name);
    }

    internal static string Ip(params string[] arguments) => Tools.Run("ip", arguments);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}
