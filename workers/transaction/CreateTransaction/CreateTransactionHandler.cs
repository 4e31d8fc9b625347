using Microsoft.Extensions.Logging;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;
using Workers.Transaction.Stock;

namespace Workers.Transaction.CreateTransaction;

// createTransaction: records register transactions in chunks (one database transaction each, resumed after a
// crash). A transaction that cannot be recorded whole (unknown store or SKU, stock short, sale not on or over its
// limit, code reused with other content) is rejected with its reason; the rest of the chunk is still recorded.
//
// Follow-ups: none of its own. The EC stock sync of linked products is written by the stock ledger in the same
// transaction (pos.ec_stock_sync), and nothing else waits on a register transaction.
internal sealed class CreateTransactionHandler(PosDbContext db, StockLedger ledger, TimeProvider time, ILogger<CreateTransactionHandler> logger)
    : ITaskHandler<CreateTransactionBody>
{
    public async Task HandleAsync(TaskContext<CreateTransactionBody> task, CancellationToken cancellationToken)
    {
        var chunks = new RegisterChunk(db, new WholeGroups(ledger), time, task.Info);
        var result = await task.ProcessItemsAsync(task.Body.Transactions, chunks.ApplyAsync, cancellationToken);
        Log.TransactionsCreated(logger, result.Items, result.ItemsRejected, chunks.Duplicates, result.ChunksSkipped);
    }
}
