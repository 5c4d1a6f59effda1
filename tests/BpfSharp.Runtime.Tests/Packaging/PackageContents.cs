using System.IO.Compression;
using System.Xml.Linq;

namespace BpfSharp.Runtime.Tests.Packaging;

/// <summary>A packed .nupkg read back: its file list and its nuspec.</summary>
internal sealed class PackageContents
{
    public PackageContents(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        Files = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("package/") && !n.StartsWith("_rels/") && n != "[Content_Types].xml").Order(StringComparer.Ordinal).ToArray();
        using (var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open())
            Nuspec = XDocument.Load(nuspec);
        Texts = zip.Entries.Where(e => e.FullName.EndsWith(".json")).ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    public string[] Files { get; }

    public XDocument Nuspec { get; }

    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>The text of a metadata element (id, version, license, readme...), or null.</summary>
    public string? Metadata(string name) => Nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? MetadataElement(string name) => Nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>Every dependency as "id version", whatever its framework group.</summary>
    public string[] Dependencies => Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
        .Select(e => $"{e.Attribute("id")?.Value} {e.Attribute("version")?.Value}").ToArray();
}
