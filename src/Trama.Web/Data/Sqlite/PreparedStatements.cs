using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trama.Web.Data.Sqlite;

/// SQLite connections kept open between requests, each keeping the statements it has prepared.
/// Microsoft.Data.Sqlite prepares every command anew and finalises its statements when the
/// connection closes, which EF does after each query (dotnet/efcore#14044): sampling the server
/// under load at scale L, a project page of twelve queries spent a fifth of its busy time in
/// sqlite3_prepare_v2. A request's scope takes one connection for its whole life
/// (<see cref="Lease"/>), and a query run again on it reuses the statement prepared the first time.
public sealed class SqliteConnections(string connectionString, Action<SqliteConnection> prepare) : IDisposable
{
    /// Connections kept open at most, lent or idle. Each keeps the statements of every page it has
    /// served (about 50 KB each), and a request holds its connection while it waits (on the audit's
    /// commit, on the network): with 32 kept, M's pages grew the server to 435 MB against 327 MB
    /// without; with eight, to 338 MB, for most of the gain. Past this many at once, a request's
    /// DbContext opens and closes pooled connections per query, as EF does by default.
    private const int MostKept = 8;

    private readonly ConcurrentStack<PreparedSqliteConnection> idle = new();

    /// Closed connections for the requests past the kept ones, each prepared once.
    private readonly ConcurrentBag<SqliteConnection> spare = [];
    private int kept;
    private volatile bool disposed;

    public Lease Rent()
    {
        if (idle.TryPop(out var connection))
        {
            return new Lease(this, connection, connection);
        }

        if (Interlocked.Increment(ref kept) > MostKept)
        {
            Interlocked.Decrement(ref kept);
            if (!spare.TryTake(out var other))
            {
                other = new SqliteConnection(connectionString);
                prepare(other);
            }

            return new Lease(this, null, other);
        }

        connection = new PreparedSqliteConnection(connectionString);
        try
        {
            connection.Open();
            prepare(connection);
        }
        catch
        {
            Interlocked.Decrement(ref kept);
            connection.Dispose();
            throw;
        }

        return new Lease(this, connection, connection);
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryPop(out var connection))
        {
            Close(connection);
        }

        while (spare.TryTake(out var other))
        {
            other.Dispose();
        }
    }

    private void Return(PreparedSqliteConnection connection)
    {
        if (disposed || !connection.IsAtRest)
        {
            Close(connection);
            return;
        }

        idle.Push(connection);
        if (disposed && idle.TryPop(out var late))
        {
            Close(late);
        }
    }

    private void ReturnSpare(SqliteConnection connection)
    {
        if (disposed || connection.State != ConnectionState.Closed)
        {
            connection.Dispose();
            return;
        }

        spare.Add(connection);
    }

    private void Close(PreparedSqliteConnection connection)
    {
        connection.Dispose();
        Interlocked.Decrement(ref kept);
    }

    /// A connection held by one scope (a request) and given back when the scope ends, after the
    /// scope's DbContext, which was made after it: a kept one, open, or when as many as may be kept
    /// are lent, a spare one, which EF opens and closes for each query.
    public sealed class Lease(SqliteConnections owner, PreparedSqliteConnection? kept, SqliteConnection connection) : IDisposable
    {
        private int returned;

        public SqliteConnection Connection => connection;

        public bool IsKept => kept is not null;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref returned, 1) != 0)
            {
                return;
            }

            if (kept is not null)
            {
                owner.Return(kept);
            }
            else
            {
                owner.ReturnSpare(connection);
            }
        }
    }
}

/// An open connection with the commands it has prepared, by their SQL.
public sealed class PreparedSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// Enough for every query of the app several times over; past it the kept statements start again.
    private const int StatementLimit = 256;

    private readonly Dictionary<string, Kept> statements = new(StringComparer.Ordinal);
    private readonly HashSet<(string Kind, string Name, int Arity)> definitions = [];

    /// Outside a transaction, with none of its statements still being read: safe for the next request.
    public bool IsAtRest =>
        State == ConnectionState.Open
        && !InTransaction
        && statements.Values.All(k => k.Reader is not { IsClosed: false });

    /// Inside a transaction however it was begun: SQLite's own answer, not a SqliteTransaction's.
    private bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(Handle) == 0;

    /// The kept command for this SQL, with the command's parameters and transaction, or null when
    /// that command is still being read (the same query run inside the reading of another).
    internal Kept? Take(DbCommand command)
    {
        if (!statements.TryGetValue(command.CommandText, out var kept))
        {
            if (statements.Count >= StatementLimit)
            {
                ForgetStatements();
            }

            kept = new Kept(CreateCommand());
            kept.Command.CommandText = command.CommandText;
            statements.Add(command.CommandText, kept);
        }

        if (kept.Reader is { IsClosed: false })
        {
            return null;
        }

        kept.Reader = null;
        kept.Command.Parameters.Clear();
        foreach (SqliteParameter parameter in command.Parameters)
        {
            kept.Command.Parameters.Add(parameter);
        }

        kept.Command.Transaction = (SqliteTransaction?)command.Transaction;
        kept.Command.CommandTimeout = command.CommandTimeout;
        return kept;
    }

    // EF defines its SQL functions, aggregates and collation on the connection each time a DbContext
    // is given it, and SQLite expires every prepared statement of a connection on which one of them
    // is defined again: so each is defined once per connection, not once per request. Only EF
    // defines them, always the same; a test holds a kept statement to not being prepared again.
    public override void CreateFunction<T1, TResult>(string name, Func<T1, TResult>? function, bool isDeterministic = false)
    {
        if (FirstDefinition("function", name, 1))
        {
            base.CreateFunction(name, function, isDeterministic);
        }
    }

    public override void CreateFunction<T1, T2, TResult>(string name, Func<T1, T2, TResult>? function, bool isDeterministic = false)
    {
        if (FirstDefinition("function", name, 2))
        {
            base.CreateFunction(name, function, isDeterministic);
        }
    }

    public override void CreateAggregate<T1, TAccumulate>(string name, TAccumulate seed, Func<TAccumulate, T1, TAccumulate>? func, bool isDeterministic = false)
    {
        if (FirstDefinition("aggregate", name, 1))
        {
            base.CreateAggregate(name, seed, func, isDeterministic);
        }
    }

    public override void CreateAggregate<T1, TAccumulate, TResult>(string name, TAccumulate seed, Func<TAccumulate, T1, TAccumulate>? func, Func<TAccumulate, TResult>? resultSelector, bool isDeterministic = false)
    {
        if (FirstDefinition("aggregate", name, 1))
        {
            base.CreateAggregate(name, seed, func, resultSelector, isDeterministic);
        }
    }

    public override void CreateCollation(string name, Comparison<string>? comparison)
    {
        if (FirstDefinition("collation", name, 0))
        {
            base.CreateCollation(name, comparison);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ForgetStatements();

            // Closing hands the handle beneath back to Microsoft.Data.Sqlite's pool, which rolls back
            // only a SqliteTransaction of its own (and sees this rollback as done outside it): a
            // transaction begun otherwise would stay open for the next connection given the handle.
            if (State == ConnectionState.Open && InTransaction)
            {
                SQLitePCL.raw.sqlite3_exec(Handle, "ROLLBACK");
            }
        }

        base.Dispose(disposing);
    }

    private bool FirstDefinition(string kind, string name, int arity) => definitions.Add((kind, name.ToUpperInvariant(), arity));

    private void ForgetStatements()
    {
        foreach (var kept in statements.Values)
        {
            kept.Command.Dispose();
        }

        statements.Clear();
    }

    internal sealed class Kept(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public SqliteDataReader? Reader { get; set; }

        public SqliteDataReader Read() => Reader = Command.ExecuteReader();
    }
}

/// Runs EF's commands on a <see cref="PreparedSqliteConnection"/> through the command it keeps for
/// the same SQL; any other connection's commands run as they are.
internal sealed class PreparedStatements : DbCommandInterceptor
{
    public static readonly PreparedStatements Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Take(command) is { } kept ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.Read()) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Run(command, result, kept => kept.ExecuteNonQuery());

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Run(command, result, kept => kept.ExecuteScalar()!);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    // Parameters are let go once the command has run (a reader's, when its SQL next runs): they may
    // hold what a person typed.
    private static InterceptionResult<T> Run<T>(DbCommand command, InterceptionResult<T> result, Func<SqliteCommand, T> run)
    {
        if (Take(command) is not { } kept)
        {
            return result;
        }

        try
        {
            return InterceptionResult<T>.SuppressWithResult(run(kept.Command));
        }
        finally
        {
            kept.Command.Parameters.Clear();
        }
    }

    private static PreparedSqliteConnection.Kept? Take(DbCommand command) =>
        command.Connection is PreparedSqliteConnection connection ? connection.Take(command) : null;
}
