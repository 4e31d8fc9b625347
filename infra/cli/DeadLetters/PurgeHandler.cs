using Amazon.SQS;
using Amazon.SQS.Model;
using Spectre.Console;
using Workers.Cli.Composition;
using Workers.Cli.Errors;

namespace Workers.Cli.DeadLetters;

// workers dlq purge: deletes every message in the dead-letter queue, after the operator confirms (or --yes).
internal sealed class PurgeHandler(IAmazonSQS sqs, DeadLetterQueueLocator locator, Consoles consoles)
{
    public async Task<int> RunAsync(string worker, bool yes, CancellationToken cancellationToken)
    {
        var queue = await locator.FindAsync(worker, cancellationToken);
        var counts = await locator.CountAsync(queue, cancellationToken);
        if (counts.IsEmpty)
        {
            consoles.Out.WriteLine($"{queue.Name} is empty: nothing to purge.");
            return ExitCodes.Success;
        }

        if (!yes)
        {
            // No one can answer a prompt in CI or a pipe: refusing is the only safe reading of silence.
            if (!CanAsk(consoles.Out))
            {
                throw CliException.Usage($"purging deletes the {counts.Visible + counts.InFlight} message(s) in {queue.Name} for good; there is no terminal to confirm on, so pass --yes.");
            }

            var prompt = new ConfirmationPrompt($"Delete all {counts.Visible + counts.InFlight} message(s) in {Markup.Escape(queue.Name)} for good?") { DefaultValue = false };
            if (!await consoles.Out.PromptAsync(prompt, cancellationToken))
            {
                consoles.Out.WriteLine("not purged.");
                return ExitCodes.Success;
            }
        }

        try
        {
            await sqs.PurgeQueueAsync(new PurgeQueueRequest { QueueUrl = queue.Url }, cancellationToken);
        }
        catch (PurgeQueueInProgressException)
        {
            throw CliException.Failure($"a purge of {queue.Name} is already under way; SQS allows one purge per queue every 60 seconds.");
        }

        // SQS may take up to 60 seconds to finish a purge; messages sent meanwhile may go too.
        // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html
        consoles.Out.WriteLine($"purged {queue.Name}: {counts.Visible + counts.InFlight} message(s) deleted (SQS can take up to a minute to finish).");
        return ExitCodes.Success;
    }

    private static bool CanAsk(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal && !Console.IsInputRedirected;
}
