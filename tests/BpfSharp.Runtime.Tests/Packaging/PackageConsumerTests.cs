using BpfSharp.Runtime.Tests.Net;

namespace BpfSharp.Runtime.Tests.Packaging;

/// <summary>
/// BpfSharp as a user meets it: packages from a local feed built from this commit, referenced by a brand-new
/// project outside the repository, built and run with the plain dotnet CLI; and the `dotnet new bpfsharp`
/// template installed from its package. Serial: each test runs several builds on a machine with two cores.
/// </summary>
[Collection(SerialCollection.Name)]
public class PackageConsumerTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    private const int Minutes = 60_000;

    [Fact(Timeout = 2 * Minutes)]
    public async Task The_packages_hold_what_a_user_needs_and_nothing_of_roslyn()
    {
        await feed.EnsurePacked();
        var language = feed.Package("BpfSharp");
        Assert.Equal(
            [
                "BpfSharp.nuspec", "README.md", "analyzers/dotnet/cs/BpfSharp.Generator.dll",
                "build/BpfSharp.props", "build/BpfSharp.targets", "buildTransitive/BpfSharp.props", "buildTransitive/BpfSharp.targets",
                "lib/netstandard2.0/BpfSharp.dll",
            ],
            language.Files.Where(f => !f.StartsWith("analyzers/dotnet/cs/BpfSharp.CodeFixes")));
        Assert.Empty(language.Dependencies); // the generator's Roslyn stays inside it

        var runtime = feed.Package("BpfSharp.Runtime");
        Assert.Equal(["BpfSharp.Runtime.nuspec", "README.md", "lib/net10.0/BpfSharp.Runtime.dll"], runtime.Files);
        Assert.Equal([$"BpfSharp {feed.Version}"], runtime.Dependencies);

        var templates = feed.Package("BpfSharp.Templates");
        Assert.Equal("Template", templates.MetadataElement("packageType")?.Attribute("name")?.Value);
        Assert.Contains("content/bpfsharp/.template.config/template.json", templates.Files);
        Assert.Contains($"\"defaultValue\": \"{feed.Version}\"", templates.Texts["content/bpfsharp/.template.config/template.json"]);
        Assert.DoesNotContain(templates.Files, f => f.StartsWith("lib/") || f.Contains("/bin/") || f.Contains("/obj/"));

        foreach (var package in new[] { language, runtime, templates })
        {
            Assert.Equal(feed.Version, package.Metadata("version"));
            Assert.Equal("MIT", package.Metadata("license"));
            Assert.Equal("README.md", package.Metadata("readme"));
            Assert.Contains("README.md", package.Files);
            Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")));
            Assert.Contains("ebpf", package.Metadata("tags")!.Split(' '));
            Assert.Equal("git", package.MetadataElement("repository")?.Attribute("type")?.Value);
            Assert.Null(package.Metadata("icon"));
        }
    }

    [KernelFact(Timeout = 4 * Minutes)]
    public async Task A_new_console_project_builds_and_runs_a_program_from_the_packages()
    {
        Kernel.Require();
        await feed.EnsurePacked();
        var cli = feed.Consumer;
        string project = Path.Combine(feed.Root, "consumer");

        await cli.Run(feed.Root, "new", "console", "-o", project, "--no-restore");
        await cli.Run(project, "add", "package", "BpfSharp", "--version", feed.Version, "--no-restore");
        await cli.Run(project, "add", "package", "BpfSharp.Runtime", "--version", feed.Version, "--no-restore");
        File.WriteAllText(Path.Combine(project, ConsumerProgram.ClassName + ".Bpf.cs"), ConsumerProgram.Bpf);
        File.WriteAllText(Path.Combine(project, "Program.cs"), ConsumerProgram.Host);

        string build = await cli.Run(project, "build", "-c", "Debug");
        Assert.Contains(" 0 Warning(s)", build);
        // From the local feed into the test's own packages folder, and nothing else: no Roslyn from the generator.
        Assert.Equal(["bpfsharp", "bpfsharp.runtime"],
            Directory.GetDirectories(Path.Combine(feed.Root, "packages")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(feed.Root, "packages", "bpfsharp", feed.Version)));
        AssertBpfObject(Path.Combine(project, "bin", "Debug", "net10.0", "bpf", ConsumerProgram.ClassName + ".o"));

        // In a network namespace of its own, where nothing but the program's own datagrams crosses loopback.
        using var ns = NetNamespace.Create($"bpfsharp-pkg-{Environment.ProcessId}");
        string output = await cli.RunTool(project, "ip", "netns", "exec", ns.Name,
            "dotnet", "run", "--no-build", "-c", "Debug", "--", "lo", ConsumerProgram.Datagrams.ToString());
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.All(ConsumerProgram.ExpectedLines, expected => Assert.Contains(expected, lines));
    }

    [KernelFact(Timeout = 4 * Minutes)]
    public async Task The_template_installed_from_its_package_creates_a_project_that_builds_and_runs()
    {
        Kernel.Require();
        await feed.EnsurePacked();
        var cli = feed.Consumer;
        string hive = Path.Combine(feed.Root, "template-hive");
        string app = Path.Combine(feed.Root, "app");

        await cli.Run(feed.Root, "new", "install", feed.TemplatePackage, "--debug:custom-hive", hive);
        try
        {
            await cli.Run(feed.Root, "new", "bpfsharp", "-o", app, "--debug:custom-hive", hive);
            // Without --BpfSharpVersion the project references the packages of the template's own version.
            Assert.Contains($"<BpfSharpVersion>{feed.Version}</BpfSharpVersion>", File.ReadAllText(Path.Combine(app, "app.csproj")));

            string build = await cli.Run(app, "build", "-c", "Debug");
            Assert.Contains(" 0 Warning(s)", build);
            AssertBpfObject(Path.Combine(app, "bin", "Debug", "net10.0", "bpf", "PacketCounter.o"));

            // The template's program counts the packets loopback receives for the given seconds, in a namespace
            // of its own where a shell loop keeps sending UDP datagrams (answered by ICMP, also counted).
            using var ns = NetNamespace.Create($"bpfsharp-tpl-{Environment.ProcessId}");
            string script = """
                while true; do echo x > /dev/udp/127.0.0.1/9; sleep 0.05; done &
                traffic=$!
                dotnet run --no-build -c Debug -- lo 2
                status=$?
                kill $traffic
                exit $status
                """;
            string output = await cli.RunTool(app, "ip", "netns", "exec", ns.Name, "bash", "-c", script);
            var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Loaded CountPacket: ", lines[0]);
            Assert.Contains("Counting packets received on lo for 2 s; Ctrl-C stops.", lines);
            var total = Assert.Single(lines, l => l.StartsWith("Total: "));
            Assert.Matches(@"^Total: [1-9][0-9]* packets$", total);
        }
        finally
        {
            await cli.TryRun(feed.Root, "new", "uninstall", "BpfSharp.Templates", "--debug:custom-hive", hive);
        }
    }

    private static void AssertBpfObject(string path)
    {
        Assert.True(File.Exists(path), $"the build should write {path}");
        var header = File.ReadAllBytes(path).AsSpan(0, 20);
        Assert.True(header[..4].SequenceEqual(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }), $"{path} is not an ELF file");
        Assert.Equal(247, BitConverter.ToUInt16(header[18..20])); // e_machine EM_BPF
    }
}
