using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Domain;
using Workers.Domain.EcOrders;
using Workers.Domain.Ledger;
using Workers.ExternalEc.Ochanoko;
using Workers.TaskManager;
using Workers.TaskManager.Publishing;

namespace Workers.ExternalEc.ImportOrder;

// One order's import, inside one step's transaction: the order, its lines and its stock commit together, or, when
// a product is unknown or stock is short, nothing but a notice e-mail (through the outbox, in the same commit).
internal sealed class OrderImport(PosDbContext db, StockLedger ledger, IOptions<OchanokoOptions> options, TimeProvider time)
{
    public const string Platform = "ochanoko";

    // Unpaid konbini / bank-transfer orders get this long to be paid when Ochanoko names no deadline (guess: the
    // platform's usual 3 days); the ec-order worker's paymentTimeout cancels them after it.
    private static readonly TimeSpan PaymentWindow = TimeSpan.FromDays(3);

    // The advisory lock's first key ("ocho"): two tasks importing the same order (the platform sent the event twice)
    // wait for each other, and the second finds the order imported.
    private const int LockClass = 0x6F63686F;

    // Null when imported; otherwise why not (a notice went out).
    public async Task<string?> ImportAsync<T>(TaskContext<T> task, int storeId, string storeCode, OchanokoOrder order, ImportOchanokoOrderBody body, CancellationToken cancellationToken)
        where T : class
    {
        await using (var lockOrder = PosCommands.Create(db, "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            new NpgsqlParameter<int> { TypedValue = LockClass }, new NpgsqlParameter<string> { TypedValue = order.Id }))
        {
            await lockOrder.ExecuteNonQueryAsync(cancellationToken);
        }

        if (await db.EcOrders.AnyAsync(o => o.Platform == Platform && o.ExternalOrderId == order.Id, cancellationToken))
        {
            await ApplyEventAsync(body, cancellationToken);
            return null;
        }

        var lines = OchanokoOrderLine.From(order);
        var products = await OrderLineMapping.MapAsync(db, lines, cancellationToken);
        var problem = lines.Count == 0 ? "the order has no products"
            : lines.Select((l, i) => products[i] is null ? $"product {l.Name} is not a linked product of this shop"
                : l.Quantity <= 0 ? $"product {l.Name} has quantity {l.Quantity}" : null).FirstOrDefault(p => p is not null);
        if (problem is null)
        {
            var cause = StockCause.From(task.Info);
            var changes = lines.Select((l, i) => StockChange.Add(storeId, products[i]!.Value, -l.Quantity, StockReasons.EcOrder, $"{Platform}:{order.Id}")).ToList();
            var outcome = (await ledger.ApplyGroupsAsync([changes], cause, null, null, cancellationToken))[0];
            problem = outcome.Applied ? null : "stock is short: " + string.Join("; ", outcome.Changes
                .Select((c, i) => c.Applied ? null : $"{lines[i].Name} {c.RejectionReason}").Where(r => r is not null));
        }

        if (problem is not null)
        {
            Notify(task, storeCode, order, problem);
            return problem;
        }

        var row = await AddOrderAsync(task.Info.TaskId, storeId, order, body, lines, products, cancellationToken);
        if (row.Status == EcOrderStatus.Unpaid)
        {
            PaymentDeadlines.Schedule(task, storeCode, order.Id, row.PaymentDeadline!.Value);
        }

        return null;
    }

    // An event for an order imported already: "paid" marks it paid, "shipped" completes it. Returns what was done.
    public async Task<string> ApplyEventAsync(ImportOchanokoOrderBody body, CancellationToken cancellationToken)
    {
        if (body.Paid)
        {
            return await PaymentDeadlines.MarkPaidAsync(db, body.OrderId, time.GetUtcNow(), cancellationToken);
        }

        if (body.Shipped)
        {
            await CompleteAsync(body.OrderId, cancellationToken);
            return "completed";
        }

        return "nothing to do";
    }

    private async Task CompleteAsync(string orderId, CancellationToken cancellationToken) =>
        await db.EcOrders
            .Where(o => o.Platform == Platform && o.ExternalOrderId == orderId && o.Status != EcOrderStatus.Completed && o.Status != EcOrderStatus.Cancelled)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, EcOrderStatus.Completed).SetProperty(o => o.CompletedAt, time.GetUtcNow()), cancellationToken);

    private async Task<EcOrder> AddOrderAsync(string taskId, int storeId, OchanokoOrder order, ImportOchanokoOrderBody body, IReadOnlyList<OchanokoOrderLine> lines, int?[] products, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var created = order.CreatedAt ?? now;
        var method = PaymentMethod(order.PaymentMethod);
        var card = method == EcPaymentMethod.Card;
        var status = body.Shipped ? EcOrderStatus.Completed : card || body.Paid ? EcOrderStatus.Paid : EcOrderStatus.Unpaid;
        var row = new EcOrder
        {
            StoreId = storeId,
            Platform = Platform,
            ExternalOrderId = order.Id,
            Status = status,
            PaymentMethod = method,
            // Ochanoko's own deadline when the order carries one, else our guess.
            PaymentDeadline = status == EcOrderStatus.Unpaid ? order.PaymentDeadline ?? created + PaymentWindow : null,
            Total = order.TotalPrice,
            CustomerEmail = order.Customer?.Email,
            TaskId = taskId,
            CreatedAt = created,
            PaidAt = card ? created : body.Paid ? now : null,
            CompletedAt = body.Shipped ? now : null,
        };
        db.EcOrders.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.EcOrderLines.AddRange(lines.Select((l, i) => new EcOrderLine
        {
            OrderId = row.Id,
            LineNumber = i + 1,
            ProductId = products[i]!.Value,
            ExternalProductId = l.ProductId,
            Quantity = l.Quantity,
            UnitPrice = l.Price,
        }));
        return row;
    }

    // Ochanoko's names as the original client saw them; anything else is a card payment's (paid at checkout).
    private static EcPaymentMethod PaymentMethod(string? name) => name?.ToLowerInvariant() switch
    {
        "konbini" or "convenience_store" or "cvs" => EcPaymentMethod.Konbini,
        "bank" or "bank_transfer" => EcPaymentMethod.BankTransfer,
        _ => EcPaymentMethod.Card,
    };

    // The customer (when the order has an address) and the shop's notice address hear why the order was refused.
    // The task id is the order's: a second event for the same refused order does not mail them twice.
    private void Notify<T>(TaskContext<T> task, string storeCode, OchanokoOrder order, string problem)
        where T : class
    {
        var items = new List<EmailItem>();
        if (order.Customer?.Email is { Length: > 0 } customer)
        {
            items.Add(new EmailItem(customer, $"ご注文 {order.Id} について / About your order {order.Id}",
                $"ご注文 {order.Id} は在庫の都合によりお受けできませんでした。ご迷惑をおかけし申し訳ございません。\n\n"
                + $"We are sorry: your order {order.Id} could not be accepted because an item is not available."));
        }

        if (options.Value.NoticeEmail is { Length: > 0 } shop)
        {
            items.Add(new EmailItem(shop, $"Ochanoko order {order.Id} not imported ({storeCode})",
                $"Ochanoko order {order.Id} of store {storeCode} was not imported and took no stock: {problem}."));
        }

        NoticeCount = items.Count;
        if (items.Count > 0)
        {
            task.Enqueue("notification", TaskMessage.Create("sendEmail", new SendEmailBody(items), storeCode, RefusedNoticeId(storeCode, order.Id)));
        }
    }

    public int NoticeCount { get; private set; }

    // A store code and an order id may each be 64 characters, a task id at most 128: the pair is hashed.
    private static string RefusedNoticeId(string storeCode, string orderId) =>
        "ochanoko-order-refused-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{storeCode}\n{orderId}")))[..32];
}
