namespace BpfSharp.Runtime.Tests;

public sealed class BtfLoadTests
{
    [KernelFact]
    public void Valid_btf_loads()
    {
        Kernel.Require();
        using var btf = BtfLoader.Load(TestBtf.IntAndMainFunc());

        Assert.StartsWith("anon_inode:btf", new FileInfo($"/proc/self/fd/{btf.Value}").LinkTarget);
    }

    [KernelFact]
    public void Invalid_btf_is_rejected_with_the_kernel_log()
    {
        Kernel.Require();

        var error = Assert.Throws<BpfVerifierException>(() => BtfLoader.Load(TestBtf.IntAndMainFunc(magic: 0x1234)));

        Assert.Equal("BPF_BTF_LOAD", error.Command);
        Assert.Contains("magic", error.Log, StringComparison.OrdinalIgnoreCase);
    }

    [KernelFact]
    public void Program_with_btf_and_func_info_records_its_btf()
    {
        Kernel.Require();
        using var btf = BtfLoader.Load(TestBtf.IntAndMainFunc());
        var options = new ProgramLoadOptions { ProgramBtf = btf, FuncInfo = TestBtf.FuncInfo(TestBtf.FuncTypeId) };

        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0), "GPL", "with_btf", options);

        Assert.True(program.Info.BtfId > 0);
    }

    [KernelFact]
    public void Func_info_pointing_at_a_non_function_is_rejected()
    {
        Kernel.Require();
        using var btf = BtfLoader.Load(TestBtf.IntAndMainFunc());
        var options = new ProgramLoadOptions { ProgramBtf = btf, FuncInfo = TestBtf.FuncInfo(TestBtf.IntTypeId) };

        var error = Assert.Throws<BpfVerifierException>(() =>
            BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0), "GPL", "bad_func_info", options));

        Assert.Contains("invalid type id 1 in func info", error.Log);
    }
}
