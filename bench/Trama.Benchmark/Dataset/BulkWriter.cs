using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Trama.Web.Data;

namespace Trama.Benchmark.Dataset;

/// Writes the app's own entities as the app would store them, millions at a time. Tables, columns
/// and every value come from the EF model of the engine in use (its value converters, and its literal
/// syntax on SQLite), so the rows are exactly the app's; only the change tracker is skipped, which
/// at four million diary entries would cost more than the whole load.
public sealed class BulkWriter(AppDbContext db)
{
    private const int RowsPerStatement = 400;

    private readonly Dictionary<IEntityType, Table> tables = [];
    private readonly ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();

    public long Rows { get; private set; }

    public void Add<T>(IEnumerable<T> entities)
        where T : class
    {
        var table = TableOf(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T) + " is not in the model"));
        foreach (var entity in entities)
        {
            table.Add(entity);
        }
    }

    /// Rows of an entity type with no class of its own (the many-to-many join tables), by column name.
    public void AddJoin(string entityName, IReadOnlyDictionary<string, object> row)
    {
        var table = TableOf(db.Model.FindEntityType(entityName) ?? throw new InvalidOperationException(entityName + " is not in the model"));
        table.AddValues(table.Columns.Select(c => row[c.Property.Name]).ToArray());
    }

    /// Sends everything added so far, parents first, in one transaction: through COPY on PostgreSQL
    /// (multi-row INSERTs there loaded L at a third of SQLite's rate), as INSERTs of many rows on SQLite.
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables.Values.OrderBy(t => t.Order))
        {
            if (connection is NpgsqlConnection npgsql)
            {
                await table.CopyAsync(npgsql, cancellationToken);
            }
            else
            {
                await table.InsertAsync(connection, transaction, cancellationToken);
            }

            Rows += table.Count;
            table.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private Table TableOf(IEntityType type)
    {
        if (!tables.TryGetValue(type, out var table))
        {
            table = new Table(type, sql, Depth(type, []));
            tables[type] = table;
        }

        return table;
    }

    /// How far down the foreign keys a table sits: a table is written after every table it points to.
    private static int Depth(IEntityType type, HashSet<IEntityType> seen)
    {
        if (!seen.Add(type))
        {
            return 0;
        }

        var depth = type.GetForeignKeys()
            .Where(fk => fk.PrincipalEntityType != type)
            .Select(fk => Depth(fk.PrincipalEntityType, seen) + 1)
            .DefaultIfEmpty(0)
            .Max();
        seen.Remove(type);
        return depth;
    }

    /// A column, with the type PostgreSQL's COPY is told it holds: the store type without its size
    /// ("character varying", "numeric"), which the binary format does not carry.
    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter? Getter)
    {
        public string CopyType { get; } = Mapping.StoreType.Split('(')[0].Trim();
    }

    private sealed class Table
    {
        private readonly List<object?[]> rows = [];
        private readonly string insert;
        private readonly string copy;

        public Table(IEntityType type, ISqlGenerationHelper sql, int order)
        {
            Order = order;
            var table = type.GetTableName() ?? throw new InvalidOperationException(type.Name + " has no table");
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            Columns = type.GetProperties()
                .Select(p => new Column(p, (RelationalTypeMapping)p.GetTypeMapping(), type.HasSharedClrType ? null : p.GetGetter()))
                .ToList();
            if (!type.HasSharedClrType && Columns.Any(c => c.Property.IsShadowProperty()))
            {
                throw new InvalidOperationException($"{type.Name} has shadow properties the bulk writer cannot fill");
            }

            var into = $"{sql.DelimitIdentifier(table, type.GetSchema())} ({string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)))})";
            insert = $"INSERT INTO {into} VALUES ";
            copy = $"COPY {into} FROM STDIN (FORMAT BINARY)";
        }

        public int Order { get; }

        public List<Column> Columns { get; }

        public int Count => rows.Count;

        public void Add(object entity) => AddValues(Columns.Select(c => c.Getter!.GetClrValue(entity)).ToArray());

        public void AddValues(object?[] values) => rows.Add(values);

        public async Task InsertAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 600;
            var s = new StringBuilder();
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                s.Clear().Append(insert);
                var end = Math.Min(rows.Count, start + RowsPerStatement);
                for (var r = start; r < end; r++)
                {
                    s.Append(r == start ? "(" : ",(");
                    for (var i = 0; i < Columns.Count; i++)
                    {
                        var value = rows[r][i];
                        s.Append(i == 0 ? "" : ",").Append(value is null ? "NULL" : Columns[i].Mapping.GenerateSqlLiteral(value));
                    }

                    s.Append(')');
                }

                command.CommandText = s.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public async Task CopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            await using var import = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                for (var i = 0; i < Columns.Count; i++)
                {
                    if (row[i] is { } value)
                    {
                        await import.WriteAsync(Columns[i].Mapping.Converter?.ConvertToProvider(value) ?? value, Columns[i].CopyType, cancellationToken);
                    }
                    else
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
        }

        public void Clear() => rows.Clear();
    }
}
