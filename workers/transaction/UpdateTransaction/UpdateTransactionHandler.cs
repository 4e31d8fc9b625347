using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;
using Workers.Transaction.Stock;

namespace Workers.Transaction.UpdateTransaction;

// updateTransaction: completes, cancels or returns recorded transactions, one change per database transaction
// (chunk size 1 in the fleet: a change is an operator's action, and a cancel rejected for stock must not have
// decided a later change of the same transaction in the same chunk). An illegal transition is rejected with its
// reason; asking for the state a transaction is already in changes nothing.
//
// Follow-ups: none of its own (the ledger writes the EC stock sync of linked products).
internal sealed class UpdateTransactionHandler(PosDbContext db, StockLedger ledger, TimeProvider time, ILogger<UpdateTransactionHandler> logger)
    : ITaskHandler<UpdateTransactionBody>
{
    public async Task HandleAsync(TaskContext<UpdateTransactionBody> task, CancellationToken cancellationToken)
    {
        var chunks = new ChangeChunk(db, new WholeGroups(ledger), time, task.Info);
        var result = await task.ProcessItemsAsync(task.Body.Changes, chunks.ApplyAsync, cancellationToken);
        Log.TransactionsChanged(logger, result.Items, result.ItemsRejected, chunks.Unchanged, result.ChunksSkipped);
    }
}
