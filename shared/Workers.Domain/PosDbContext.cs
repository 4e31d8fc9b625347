using Microsoft.EntityFrameworkCore;
using Workers.Domain.Catalog;
using Workers.Domain.EcOrders;
using Workers.Domain.Model;
using Workers.Domain.Promotions;
using Workers.Domain.Receipts;
using Workers.Domain.Stock;
using Workers.Domain.Stores;
using Workers.Domain.Transactions;
using Workers.TaskManager.Persistence;

namespace Workers.Domain;

/// <summary>
/// The POS tables every worker shares, in the <c>pos</c> schema of the fleet database. A worker with no tables of
/// its own uses this context directly (<c>UseDatabase&lt;PosDbContext&gt;(PosDbContext.Schema)</c>); a worker
/// with private tables derives from it, adds its entities in its own schema, and uses the derived context, so
/// its chunk transactions write both. The pos tables' migrations live only here: a derived context maps them but
/// excludes them from its own migrations.
/// </summary>
public class PosDbContext : DbContext
{
    /// <summary>The schema of every shared POS table.</summary>
    public const string Schema = "pos";

    /// <summary>
    /// The longest code, SKU or external id. A lookup of a longer one simply finds nothing, so bodies validate
    /// their codes against it.
    /// </summary>
    public const int CodeLength = 64;

    /// <summary>The longest name of a store, item, product, supplier or promotion.</summary>
    public const int NameLength = 200;

    /// <summary>Creates the context (a worker that uses the pos tables only).</summary>
    public PosDbContext(DbContextOptions<PosDbContext> options)
        : base(options)
    {
    }

    /// <summary>Creates a derived worker context, with the options of its own type.</summary>
    protected PosDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Shops.</summary>
    public DbSet<Store> Stores => Set<Store>();

    /// <summary>Suppliers.</summary>
    public DbSet<Supplier> Suppliers => Set<Supplier>();

    /// <summary>Catalogue categories.</summary>
    public DbSet<Category> Categories => Set<Category>();

    /// <summary>Catalogue items.</summary>
    public DbSet<Item> Items => Set<Item>();

    /// <summary>Products (SKUs).</summary>
    public DbSet<Product> Products => Set<Product>();

    /// <summary>Stock per store and product; change it only through <see cref="Ledger.StockLedger"/>.</summary>
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();

    /// <summary>Every stock change.</summary>
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    /// <summary>Pending EC stock and price pushes.</summary>
    public DbSet<EcStockSync> EcStockSyncs => Set<EcStockSync>();

    /// <summary>Register transactions.</summary>
    public DbSet<Transaction> Transactions => Set<Transaction>();

    /// <summary>Their lines.</summary>
    public DbSet<TransactionLine> TransactionLines => Set<TransactionLine>();

    /// <summary>Sales.</summary>
    public DbSet<Sale> Sales => Set<Sale>();

    /// <summary>Products on sale.</summary>
    public DbSet<SaleProduct> SaleProducts => Set<SaleProduct>();

    /// <summary>Set deals.</summary>
    public DbSet<SetDeal> SetDeals => Set<SetDeal>();

    /// <summary>Products of set deals.</summary>
    public DbSet<SetDealProduct> SetDealProducts => Set<SetDealProduct>();

    /// <summary>Bundles.</summary>
    public DbSet<BundleItem> BundleItems => Set<BundleItem>();

    /// <summary>Bundle components.</summary>
    public DbSet<BundleComponent> BundleComponents => Set<BundleComponent>();

    /// <summary>Stock receipts.</summary>
    public DbSet<StockReceipt> StockReceipts => Set<StockReceipt>();

    /// <summary>Stock receipt lines.</summary>
    public DbSet<StockReceiptLine> StockReceiptLines => Set<StockReceiptLine>();

    /// <summary>EC orders.</summary>
    public DbSet<EcOrder> EcOrders => Set<EcOrder>();

    /// <summary>EC order lines.</summary>
    public DbSet<EcOrderLine> EcOrderLines => Set<EcOrderLine>();

    /// <summary>
    /// Maps the pos tables. A derived context calls this first, then maps its own entities (with its own default
    /// schema), then calls <see cref="ModelBuilderExtensions.UseSnakeCaseNames"/> again for them.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var tables = new PosTables(modelBuilder, ownsMigrations: GetType() == typeof(PosDbContext));
        CatalogModel.Configure(tables);
        StockModel.Configure(tables);
        TransactionModel.Configure(tables);
        PromotionModel.Configure(tables);
        ReceiptModel.Configure(tables);
        EcOrderModel.Configure(tables);
        modelBuilder.UseSnakeCaseNames();
    }
}
