using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workers.Domain.Migrations
{
    /// <summary>
    /// Moves the product worker's data from its old schema (<c>product</c>, migration 20261124155429_Initial) into
    /// the pos tables the previous migration created, then drops the old schema. A database that never had the
    /// product worker's schema (a new one) skips it.
    /// </summary>
    /// <remarks>
    /// Copy, not <c>ALTER TABLE … SET SCHEMA</c>: the pos tables are created by EF from the one model, with
    /// columns, constraints and indexes the old tables lack (movements gain a reason, products an item). Moving the
    /// old tables in would need a second, hand-written path reshaping them into the same definitions, which could
    /// drift from the model; copying keeps the model the only definition. Ids are copied as they are (tasks and
    /// logs never show them, but movements refer to them), and the identity sequences are moved past them. The
    /// migration runs in one transaction, so a failure leaves the old schema untouched. Cost: one pass over the rows
    /// (movements are the large table: about a second per million on the build machines).
    /// </remarks>
    public partial class MoveProductSchema : Migration
    {
        private const string Copy =
            """
            DO $move$
            BEGIN
                IF to_regclass('product.stock_movements') IS NULL THEN
                    RETURN;
                END IF;

                INSERT INTO pos.stores (id, code, name) SELECT id, code, name FROM product.stores;
                INSERT INTO pos.products (id, sku, name) SELECT id, sku, name FROM product.products;
                INSERT INTO pos.stock_levels (store_id, product_id, quantity, updated_at)
                    SELECT store_id, product_id, quantity, updated_at FROM product.stock_levels;
                -- Every movement, even a delta of 0 (an updateStock item that changed nothing, which the ledger no
                -- longer writes): the audit trail is kept as it was.
                INSERT INTO pos.stock_movements (id, store_id, product_id, delta, quantity_after, task_id, task_type, reason, reference, created_at)
                    SELECT id, store_id, product_id, delta, quantity_after, task_id, source_task_type,
                           CASE source_task_type WHEN 'csvStock' THEN 'count' ELSE 'adjustment' END, NULL, created_at
                    FROM product.stock_movements;

                PERFORM setval(pg_get_serial_sequence('pos.stores', 'id'), coalesce(max(id), 0) + 1, false) FROM pos.stores;
                PERFORM setval(pg_get_serial_sequence('pos.products', 'id'), coalesce(max(id), 0) + 1, false) FROM pos.products;
                PERFORM setval(pg_get_serial_sequence('pos.stock_movements', 'id'), coalesce(max(id), 0) + 1, false) FROM pos.stock_movements;

                -- Its tables and its migrations history: the product worker now migrates pos only.
                DROP SCHEMA product CASCADE;
            END
            $move$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Copy);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("The product schema is not restored: its data lives in pos now.");
    }
}
