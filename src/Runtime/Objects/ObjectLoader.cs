using BpfSharp.Asm;
using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

/// <summary>
/// Makes kernel objects from an <see cref="ObjectSpec"/>: BTF first (optional: without it maps and programs load
/// bare, as libbpf does), then maps (reusing pins), global data written (unless all zeros) and .rodata frozen, then
/// programs with their map fds patched in, then program array slots; maps of maps get their initial inner maps once
/// all maps exist. Whatever was created is closed if a later step fails.
/// </summary>
internal static class ObjectLoader
{
    public sealed record Loaded(BpfFd? Btf, string? BtfError, Dictionary<string, BpfMap> Maps, Dictionary<string, BpfProgram> Programs);

    public static Loaded Load(ObjectSpec spec, BpfLoadOptions options)
    {
        BpfFd? btf = null;
        string? btfError = spec.BtfError;
        var maps = new Dictionary<string, BpfMap>(StringComparer.Ordinal);
        var programs = new Dictionary<string, BpfProgram>(StringComparer.Ordinal);
        try
        {
            if (spec.Btf is { } bytes)
                btf = TryLoadBtf(bytes, out btfError);
            foreach (var objectMap in spec.ObjectMaps)
                maps.Add(objectMap.Spec.Name, CreateMap(spec, objectMap.Spec, btf, options));
            foreach (var slot in spec.InnerMapSlots)
                BpfMapOfMaps<uint>.Set(maps[slot.Map], BitConverter.GetBytes(slot.Index), maps[slot.InnerMap]);
            foreach (var program in spec.Programs)
                programs.Add(program.Name, LoadProgram(spec, program, maps, btf, options));
            foreach (var slot in spec.ProgramArraySlots)
                new BpfProgramArray(maps[slot.Map]).Set(slot.Index, programs[slot.Program]);
            return new Loaded(btf, btfError, maps, programs);
        }
        catch
        {
            foreach (var program in programs.Values)
                program.Dispose();
            foreach (var map in maps.Values)
                map.Dispose();
            btf?.Dispose();
            throw;
        }
    }

    /// <summary>BTF the kernel rejects costs only type information, as with libbpf: the object loads without it.</summary>
    private static BpfFd? TryLoadBtf(byte[] bytes, out string? error)
    {
        try
        {
            error = null;
            return BtfLoader.Load(bytes);
        }
        catch (BpfException e) when (e is not BpfPermissionException)
        {
            error = e.Message;
            return null;
        }
    }

    private static BpfMap CreateMap(ObjectSpec objectSpec, MapSpec spec, BpfFd? btf, BpfLoadOptions options)
    {
        // libbpf's convention: a perf event array without a size gets one slot per CPU.
        if (spec.Type == MapType.PerfEventArray && spec.MaxEntries == 0)
            spec = spec with { MaxEntries = (uint)PossibleCpus.Count };
        if (options.MaxEntries.TryGetValue(spec.Name, out uint maxEntries))
            spec = spec with { MaxEntries = maxEntries };
        if (spec.Contents is { } contents)
            spec = spec with { Contents = WithGlobalValues(objectSpec, spec.Name, contents, options) };

        if (spec.Pinning == MapPinning.ByName)
        {
            string directory = options.PinPath ?? BpfFs.EnsureMounted();
            string path = Path.Combine(directory, spec.Name);
            if (File.Exists(path))
                return OpenCompatiblePin(spec, path);
            var created = Create(spec, btf);
            try
            {
                created.Pin(path);
            }
            catch
            {
                created.Dispose();
                throw;
            }
            return created;
        }
        return Create(spec, btf);
    }

    private static BpfMap Create(MapSpec spec, BpfFd? btf)
    {
        var map = spec.Contents is null ? BpfMap.Create(spec, btf) : CreateGlobalData(spec, btf);
        try
        {
            // A new array is all zeros already: .bss (and zero .data) needs no write.
            if (spec.Contents is { } contents && contents.AsSpan().ContainsAnyExcept((byte)0))
                map.Update(stackalloc byte[4], contents);
            if (spec.Freeze)
                map.Freeze();
            return map;
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Global data asks for BPF_F_MMAPABLE so the host can map it (<see cref="GlobalDataRegion"/>). A kernel that
    /// refuses the flag (EINVAL before 5.5) gets the map without it, and the process remembers not to ask again.
    /// </summary>
    private static BpfMap CreateGlobalData(MapSpec spec, BpfFd? btf)
    {
        var withoutMmap = spec with { Flags = spec.Flags & ~MapFlags.Mmapable };
        if (!spec.Flags.HasFlag(MapFlags.Mmapable) || GlobalDataRegion.MmapableRefused)
            return BpfMap.Create(withoutMmap, btf);
        try
        {
            return BpfMap.Create(spec, btf);
        }
        catch (BpfException e) when (e.Errno == Runtime.Errno.EINVAL)
        {
            var map = BpfMap.Create(withoutMmap, btf);
            GlobalDataRegion.MmapableRefused = true;
            return map;
        }
    }

    private static BpfMap OpenCompatiblePin(MapSpec spec, string path)
    {
        var pinned = BpfMap.OpenPinned(path);
        var info = pinned.Info;
        if (info.Type != spec.Type || info.KeySize != spec.KeySize || info.ValueSize != spec.ValueSize || info.MaxEntries != spec.MaxEntries)
        {
            pinned.Dispose();
            throw new InvalidOperationException($"The map pinned at {path} ({info.Type}, key {info.KeySize}, value {info.ValueSize}, {info.MaxEntries} entries) does not match {spec}.");
        }
        return pinned;
    }

    private static byte[] WithGlobalValues(ObjectSpec spec, string section, byte[] contents, BpfLoadOptions options)
    {
        byte[]? result = null;
        foreach (var (name, value) in options.GlobalValues)
        {
            var variable = spec.Variable(name);
            if (variable.Section != section)
                continue;
            if (value.Length > variable.Size)
                throw new ArgumentException($"Global variable '{name}' has {variable.Size} bytes; the value given has {value.Length}.");
            result ??= (byte[])contents.Clone();
            value.CopyTo(result, variable.Offset);
        }
        return result ?? contents;
    }

    private static BpfProgram LoadProgram(ObjectSpec spec, ProgramSpec program, Dictionary<string, BpfMap> maps, BpfFd? btf, BpfLoadOptions options)
    {
        var code = (Instruction[])program.Instructions.Clone();
        foreach (var reference in program.MapReferences)
        {
            var map = maps[reference.Map];
            code[reference.Instruction] = code[reference.Instruction] with
            {
                Src = reference.IsValue ? PseudoSource.MapValue : PseudoSource.MapFd,
                Imm = map.Fd.Value,
            };
            code[reference.Instruction + 1] = code[reference.Instruction + 1] with { Imm = reference.IsValue ? reference.Offset : 0 };
        }
        var bytes = Instruction.Encode(code);
        // What the section implies for the load: XDP fragments, and for fentry/fexit the kernel function's BTF id.
        var flags = program.Section == "xdp.frags" ? ProgramFlags.XdpHasFrags : ProgramFlags.None;
        uint attachBtfId = program.Type == ProgramType.Tracing ? VmlinuxBtf.FunctionId(program.AttachTarget, "fentry/fexit") : 0;
        ProgramLoadOptions Options(bool withBtf) => new()
        {
            ExpectedAttachType = program.AttachType,
            LogLevel = options.LogLevel,
            Flags = flags,
            AttachBtfId = attachBtfId,
            ProgramBtf = withBtf ? btf : null,
            FuncInfo = withBtf ? program.FuncInfo : default,
            LineInfo = withBtf ? program.LineInfo : default,
            Source = program.Source,
        };

        if (btf is null || program.FuncInfo.Length == 0)
            return BpfProgram.Load(program, spec.License, bytes, Options(withBtf: false));
        try
        {
            return BpfProgram.Load(program, spec.License, bytes, Options(withBtf: true));
        }
        catch (BpfException e) when (e is not BpfPermissionException && e is not BpfVerifierException)
        {
            // func/line info the kernel rejects should not cost the program: load it without them.
            return BpfProgram.Load(program, spec.License, bytes, Options(withBtf: false));
        }
    }
}
