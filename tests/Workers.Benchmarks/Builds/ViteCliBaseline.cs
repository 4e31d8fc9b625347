using System.Diagnostics;

namespace Workers.Benchmarks.Builds;

// The original design, measured the same way as the pool: a prepared project directory per worker, and for each
// request the source written to disk and `vite build` spawned as a new process. It runs Vite's own bin script with
// node directly, which is faster than the original's `npx vite build`, so the comparison favours the baseline.
internal sealed class ViteCliBaseline : IDisposable
{
    private const string ViteConfig = """
        import { defineConfig } from "vite";
        import react from "@vitejs/plugin-react";

        export default defineConfig({
          plugins: [react()],
          logLevel: "error",
          define: { "process.env.NODE_ENV": JSON.stringify("production") },
          build: {
            outDir: "dist",
            emptyOutDir: true,
            lib: { entry: "src/main.jsx", name: "Preview", formats: ["iife"], fileName: () => "preview.js" },
          },
        });
        """;

    private const string Main = """
        import { createRoot } from "react-dom/client";
        import App from "./App.jsx";

        createRoot(document.getElementById("root") ?? document.body.appendChild(document.createElement("div"))).render(<App />);
        """;

    private readonly string _directory;

    public ViteCliBaseline(string nodeDirectory)
    {
        _directory = Directory.CreateTempSubdirectory("workers-vite-baseline-").FullName;
        Directory.CreateDirectory(Path.Combine(_directory, "src"));
        File.WriteAllText(Path.Combine(_directory, "package.json"), """{ "private": true, "type": "module" }""");
        File.WriteAllText(Path.Combine(_directory, "vite.config.mjs"), ViteConfig);
        File.WriteAllText(Path.Combine(_directory, "src", "main.jsx"), Main);
        File.CreateSymbolicLink(Path.Combine(_directory, "node_modules"), Path.Combine(nodeDirectory, "node_modules"));
    }

    // Milliseconds from writing the source to the bundle on disk, for one build.
    public async Task<double> BuildAsync(string source)
    {
        var started = Stopwatch.GetTimestamp();
        await File.WriteAllTextAsync(Path.Combine(_directory, "src", "App.jsx"), source);
        var start = new ProcessStartInfo("node", ["node_modules/vite/bin/vite.js", "build"])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start vite build.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(_directory, "dist", "preview.js")))
        {
            throw new InvalidOperationException($"vite build exited {process.ExitCode}: {await errors}{await output}");
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
