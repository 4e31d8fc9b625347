namespace Workers.Infra.Tests.Checks;

// One Dockerfile instruction: FROM, COPY, USER, ... with its arguments and the line it starts on.
public sealed record DockerInstruction(string Keyword, string Arguments, int Line);
