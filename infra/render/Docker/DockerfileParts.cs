using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Docker;

// What a worker's and a service's image share: the parser directive (which must be the first line), the notice
// that the file is rendered, and the build stage.
internal static class DockerfileParts
{
    public static string Header(string what, string name, string tag) => $"""
        # syntax=docker/dockerfile:1
        {Yaml.Header}
        # {what} Build context: the repository root (it needs shared/, global.json and the Directory.*.props), as
        # its Copilot manifest sets it:
        #   docker build -f workers/{name}/Dockerfile -t {tag} .
        """;

    // The SDK restores and publishes; nothing of it reaches the runtime image. Project files come first, so a
    // change to the sources alone reuses the restored-packages layer.
    public static string BuildStage(string name, IReadOnlyList<string> projects)
    {
        var project = projects[^1];
        var copies = string.Join("\n", projects.Select(p => $"COPY {p} {p[..(p.LastIndexOf('/') + 1)]}"));
        return $"""
            # Build stage: the SDK restores and publishes; nothing of it reaches the runtime image.
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            # Project files first (this project and every project it references), so a source-only change reuses
            # the restored packages layer.
            COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
            COPY shared/Directory.Build.props shared/fleet.json shared/
            {copies}
            RUN dotnet restore {project}
            COPY shared/ shared/
            COPY workers/{name}/ workers/{name}/
            RUN dotnet publish {project} -c Release --no-restore -o /app
            """;
    }
}
