using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Packaging;

/// <summary>
/// The packages of this commit in a local feed, under a temporary directory outside the repository, with a
/// nuget.config that adds the feed to the machine's configured sources and a packages folder of its own, so
/// neither the machine's NuGet cache nor a stale copy of a package can take part. The version is unique per run.
/// </summary>
public sealed class LocalFeed : IDisposable
{
    private readonly Tools.TempDirectory _root = Tools.CreateTempDirectory();
    private readonly SemaphoreSlim _packing = new(1, 1);
    private bool _packed;

    public LocalFeed()
    {
        Version = $"0.0.0-packagetest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Directory.CreateDirectory(FeedDirectory);
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="bpfsharp-local" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        Consumer = new DotnetCli().With("NUGET_PACKAGES", Path.Combine(Root, "packages"));
    }

    /// <summary>Where consumer projects go: below the nuget.config, outside the repository.</summary>
    public string Root => _root.Path;

    public string Version { get; }

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string TemplatePackage => Path.Combine(FeedDirectory, $"BpfSharp.Templates.{Version}.nupkg");

    internal PackageContents Package(string id) => new(Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg"));

    /// <summary>The CLI as a consumer runs it: restores into this feed's own packages folder.</summary>
    public DotnetCli Consumer { get; }

    /// <summary>Packs BpfSharp, BpfSharp.Runtime and BpfSharp.Templates once, the first time a test needs them.</summary>
    public async Task EnsurePacked()
    {
        await _packing.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_packed)
                return;
            var packer = new DotnetCli();
            string nuspecs = Path.Combine(Root, "nuspec") + "/";
            // The libraries as the test build left them (this test project references them), so packing costs no
            // compile; the nuspecs go to the temporary directory rather than the repository's obj folders.
            foreach (var project in new[] { "src/Attributes/BpfSharp.csproj", "src/Runtime/BpfSharp.Runtime.csproj" })
            {
                await packer.Run(Repo.Root, "pack", project, "-c", Repo.Configuration, "--no-build", "-o", FeedDirectory,
                    $"-p:PackageVersion={Version}", $"-p:NuspecOutputPath={nuspecs}", "-warnaserror");
            }
            // The template package has no code to build; its restore and build land in the temporary directory.
            await packer.Run(Repo.Root, "pack", "templates/BpfSharp.Templates.csproj", "-c", Repo.Configuration, "-o", FeedDirectory,
                "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:PackageVersion={Version}", "-warnaserror");
            _packed = true;
        }
        finally
        {
            _packing.Release();
        }
    }

    public void Dispose()
    {
        _packing.Dispose();
        _root.Dispose();
    }
}
