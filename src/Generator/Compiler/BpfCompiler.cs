using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BpfSharp.Generator.Compiler.Backend;
using BpfSharp.Generator.Compiler.Frontend;
using BpfSharp.Generator.Compiler.Passes;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler;

/// <summary>
/// The compiler's entry point: from the Roslyn symbols of one program class to eBPF functions.
/// It never throws for a user's mistake: whatever it cannot compile becomes a diagnostic at its location.
/// </summary>
internal static class BpfCompiler
{
    public static CompilationResult CompileClass(
        INamedTypeSymbol type,
        IReadOnlyList<(IMethodSymbol Method, ProgramSpec Spec)> programs,
        Compilation compilation,
        CancellationToken cancellationToken,
        CpuVersion cpu = CpuVersion.V3)
    {
        var result = new CompilationResult();
        var subprograms = new Subprograms();
        foreach (var (method, spec) in programs)
        {
            var compiled = CompileMethod(method, spec.MethodName, compilation, result.Diagnostics, cancellationToken, subprograms, cpu);
            if (compiled is not null)
                result.Programs.Add(compiled);
        }

        // Callees that were not inlined become .text functions; compiling them may request more.
        while (subprograms.Pending.Count > 0)
        {
            var (method, name) = subprograms.Pending.Dequeue();
            var compiled = CompileMethod(method, name, compilation, result.Diagnostics, cancellationToken, subprograms, cpu);
            if (compiled is not null)
                result.Subprograms.Add(compiled);
        }
        InstructionLimits.Check(result, programs);
        return result;
    }

    /// <summary>Compiles one method; on failure adds diagnostics and returns null. Internal faults become BPF9999.</summary>
    internal static CompiledFunction? CompileMethod(IMethodSymbol method, string name, Compilation compilation,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, Subprograms? subprograms = null, CpuVersion cpu = CpuVersion.V3)
    {
        try
        {
            var ir = MethodLowering.Lower(method, name, compilation, diagnostics, cancellationToken, subprograms);
            if (ir is null)
                return null;
            ir.Cpu = cpu;
            PassPipeline.Optimize(ir);
            var function = CodeGenerator.Generate(ir);
            if (function.StackSize > FrameLayout.MaxStack && !Analysis.ProgramAnalyzer.IsDisabled(method.ContainingType))
            {
                diagnostics.Add(StackTooLarge(method, ir, function.StackSize));
                return null;
            }
            return function;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (FunctionTooLargeException e)
        {
            diagnostics.Add(TooLargeToLower(method, e));
            return null;
        }
        catch (JumpOutOfRangeException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JumpOutOfRange, method.Locations.Length > 0 ? method.Locations[0] : null, method.Name));
            return null;
        }
        catch (Exception e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, method.Locations.Length > 0 ? method.Locations[0] : null,
                method.Name, e.GetType().Name + ": " + e.Message));
            return null;
        }
    }

    /// <summary>BPF0011 when lowering gave up: at the method, naming (and linking to) the method inlined most often.</summary>
    private static DiagnosticInfo TooLargeToLower(IMethodSymbol method, FunctionTooLargeException e)
    {
        var location = method.Locations.Length > 0 ? method.Locations[0] : null;
        string limit = InstructionLimits.Count(InstructionLimits.Privileged);
        if (e.MostInlined is not { } most)
            return DiagnosticInfo.Create(DiagnosticDescriptors.ProgramTooLarge, location, method.Name,
                $"grows past {limit} instructions", "Split the work into programs that tail-call each other.");
        return DiagnosticInfo.Create(DiagnosticDescriptors.ProgramTooLarge, location, method.Name,
            $"grows past {limit} instructions as its calls are inlined ('{most.Method.Name}' {InstructionLimits.Count(most.Copies)} times before lowering stopped)",
            $"Mark the methods inlined most often, such as '{most.Method.Name}', [MethodImpl(MethodImplOptions.NoInlining)] so each is compiled once and called.") with
        {
            AdditionalLocations = most.Method.Locations.Length > 0 && LocationInfo.From(most.Method.Locations[0]) is { } at
                ? new[] { at }.ToEquatableArray() : EquatableArray<LocationInfo>.Empty,
        };
    }

    /// <summary>BPF0007 at the method, naming the three largest parts of the frame and linking to their declarations.</summary>
    private static DiagnosticInfo StackTooLarge(IMethodSymbol method, Ir.IrFunction ir, int stackSize)
    {
        var largest = FrameReport.Largest(ir, 3);
        string list = string.Join(", ", largest.Select(l => l.Origin.Describe(l.Bytes, l.Slots)));
        return DiagnosticInfo.Create(DiagnosticDescriptors.StackTooLarge, method.Locations.Length > 0 ? method.Locations[0] : null,
            method.Name, stackSize, FrameLayout.MaxStack, list) with
        {
            AdditionalLocations = largest.Select(l => l.Origin.Location).OfType<LocationInfo>().ToEquatableArray(),
        };
    }
}

/// <summary>What <see cref="BpfCompiler.CompileClass"/> produced for a class.</summary>
internal sealed class CompilationResult
{
    /// <summary>One per program, in the order they were given.</summary>
    public List<CompiledFunction> Programs { get; } = new();

    /// <summary>BPF-to-BPF callees, placed in <c>.text</c>.</summary>
    public List<CompiledFunction> Subprograms { get; } = new();

    public List<DiagnosticInfo> Diagnostics { get; } = new();
}
