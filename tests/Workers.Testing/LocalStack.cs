using System.Diagnostics;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workers.Fleet;
using Workers.TaskManager.Aws;

namespace Workers.Testing;

/// <summary>
/// The SQS/S3 emulator and PostgreSQL every test and benchmark runs against, started once per process. When
/// <c>AWS_ENDPOINT_URL</c> and <c>WORKERS_TEST_POSTGRES</c> (an admin connection string) are set, those are
/// used; otherwise <c>infra/local/stack.sh start</c> installs what is missing and starts the local stack, and
/// its endpoint settings are applied to this process so every AWS client created here uses them.
/// </summary>
public sealed class LocalStack
{
    private static readonly Lazy<Task<LocalStack>> Shared = new(StartAsync);

    private LocalStack(string adminConnectionString)
    {
        AdminConnectionString = adminConnectionString;

        // The clients the workers get, configured the same way (from the AWS_* settings applied above).
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build())
            .AddWorkersAws()
            .BuildServiceProvider();
        Sqs = services.GetRequiredService<IAmazonSQS>();
        S3 = services.GetRequiredService<IAmazonS3>();
        Bucket = FleetDeclaration.Current.BucketName("local");
    }

    /// <summary>A connection string to the server's maintenance database, allowed to create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>An SQS client on the stack.</summary>
    public IAmazonSQS Sqs { get; }

    /// <summary>An S3 client on the stack.</summary>
    public IAmazonS3 S3 { get; }

    /// <summary>The fleet's bucket in the <c>local</c> environment (created by the stack).</summary>
    public string Bucket { get; }

    /// <summary>The stack, started on first use.</summary>
    public static Task<LocalStack> GetAsync() => Shared.Value;

    private static async Task<LocalStack> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 }
            && Environment.GetEnvironmentVariable("WORKERS_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return new LocalStack(configured);
        }

        var script = Path.Combine(RepositoryRoot.Path, "infra", "local", "stack.sh");
        await RunAsync(script, "start");
        string? connectionString = null;
        foreach (var line in (await RunAsync(script, "env")).Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (!line.StartsWith("export ", StringComparison.Ordinal) || eq < 0)
            {
                continue;
            }

            var name = line[7..eq];
            var value = line[(eq + 1)..].Trim().Trim('\'', '"');
            // The AWS endpoint and credentials, and the stand-ins' endpoints (Notification__*, ExternalEc__*): every
            // client made here and every worker process started from here (they inherit this environment) use them.
            // The database and the environment name stay per test.
            if (name.StartsWith("AWS_", StringComparison.Ordinal)
                || name.StartsWith("Notification__", StringComparison.Ordinal)
                || name.StartsWith("ExternalEc__", StringComparison.Ordinal))
            {
                Environment.SetEnvironmentVariable(name, value);
            }
            else if (name == "ConnectionStrings__Workers")
            {
                connectionString = value;
            }
        }

        return new LocalStack(connectionString ?? throw new InvalidOperationException("stack.sh env printed no ConnectionStrings__Workers."));
    }

    private static async Task<string> RunAsync(string script, string command)
    {
        var start = new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"stack.sh {command} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }
}
