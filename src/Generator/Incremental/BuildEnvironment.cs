using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// What every program class's compilation reads beyond its own and its mentioned types' source: the options
/// that change binding, the global usings, and the referenced assemblies by metadata identity. Two compilations
/// with the same references share their metadata objects, so this is a comparison of references, not of bytes;
/// a rebuilt assembly has new metadata and so a new identity, even at the same path.
/// </summary>
internal sealed class BuildEnvironment : IEquatable<BuildEnvironment>
{
    private static readonly ConditionalWeakTable<MetadataReference, ReferenceToken> s_tokens = new();
    private static BuildEnvironment? s_last;

    private readonly ReferenceToken[] _references;
    private readonly string _globalUsings;
    private readonly WeakReference<Compilation> _compilation;
    private RuntimeFacts? _runtime;

    private BuildEnvironment(string text, string globalUsings, ReferenceToken[] references, Compilation compilation)
    {
        Text = text;
        _globalUsings = globalUsings;
        _references = references;
        _compilation = new WeakReference<Compilation>(compilation);
        int hash = text.GetHashCode();
        foreach (var reference in references)
            hash = unchecked(hash * 31 + reference.GetHashCode());
        Hash = hash;
    }

    public string Text { get; }

    public int Hash { get; }

    /// <summary>
    /// The environment of <paramref name="compilation"/>; the same object as the previous compilation's when
    /// nothing here changed, so that the per-class keys compare by reference.
    /// </summary>
    public static BuildEnvironment Of(Compilation compilation, string globalUsings)
    {
        // An edit keeps the compilation's options and reference list objects: then only the global usings can differ.
        var last = s_last;
        if (last is not null && last._compilation.TryGetTarget(out var previous)
            && ReferenceEquals(previous.Options, compilation.Options)
            && previous.ExternalReferences == compilation.ExternalReferences
            && last._globalUsings == globalUsings)
        {
            last._compilation.SetTarget(compilation);
            return last;
        }

        var text = new StringBuilder();
        if (compilation.Options is CSharpCompilationOptions options)
            text.Append(options.AllowUnsafe).Append(options.CheckOverflow).Append(options.NullableContextOptions).Append('|');
        text.Append(globalUsings);
        // ExternalReferences, not References: the latter binds the compilation's reference manager.
        var references = compilation.ExternalReferences;
        var tokens = new ReferenceToken[references.Length];
        for (int i = 0; i < tokens.Length; i++)
            tokens[i] = s_tokens.GetValue(references[i], ReferenceToken.Of);
        var environment = new BuildEnvironment(text.ToString(), globalUsings, tokens, compilation);
        if (last is not null && last.Equals(environment))
        {
            last._compilation.SetTarget(compilation);
            return last;
        }
        s_last = environment;
        return environment;
    }

    /// <summary>
    /// What the referenced runtime offers the skeleton; asked once per environment when it comes from a reference
    /// (then it is a function of the references), each time otherwise.
    /// </summary>
    public RuntimeFacts Runtime(Compilation compilation)
    {
        if (_runtime is { } known)
            return known;
        var facts = RuntimeFacts.Of(compilation, out bool fromReference);
        if (fromReference)
            _runtime = facts;
        return facts;
    }

    public bool Equals(BuildEnvironment? other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is null || Hash != other.Hash || Text != other.Text || _references.Length != other._references.Length)
            return false;
        for (int i = 0; i < _references.Length; i++)
        {
            if (!_references[i].Equals(other._references[i]))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as BuildEnvironment);

    public override int GetHashCode() => Hash;

    /// <summary>
    /// A reference by the identity of its metadata (shared by all reference objects that read the same file
    /// version) and its aliases. Holds no metadata and no compilation, so a cached key keeps neither alive.
    /// </summary>
    private sealed class ReferenceToken : IEquatable<ReferenceToken>
    {
        private readonly object _identity;
        private readonly string _properties;

        private ReferenceToken(object identity, string properties)
        {
            _identity = identity;
            _properties = properties;
        }

        public static ReferenceToken Of(MetadataReference reference)
        {
            string properties = string.Join(",", reference.Properties.Aliases) + (reference.Properties.EmbedInteropTypes ? "+embed" : "");
            object? identity = null;
            if (reference is PortableExecutableReference executable)
            {
                try
                {
                    identity = executable.GetMetadataId();
                }
                catch (Exception ex) when (ex is BadImageFormatException or System.IO.IOException or UnauthorizedAccessException)
                {
                    // Unreadable: the compilation reports it; an identity of its own means nothing is reused.
                }
            }
            // A compilation reference (the IDE's project reference) has no metadata of its own: this object only.
            return new ReferenceToken(identity ?? new object(), properties);
        }

        public bool Equals(ReferenceToken? other) =>
            ReferenceEquals(this, other) || (other is not null && ReferenceEquals(_identity, other._identity) && _properties == other._properties);

        public override bool Equals(object? obj) => Equals(obj as ReferenceToken);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(_identity);
    }
}
