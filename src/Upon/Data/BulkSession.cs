using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Upon.Data;

/// <summary>
/// Where the <see cref="BulkReader"/> and <see cref="BulkWriter"/> run their SQL: a context's connection, in its current
/// transaction; or, for an import from the command line on SQLite, a connection and transaction of the session's own
/// (<see cref="BeginOwnAsync"/>), so that the import builds no EF Core model (any use of a context's connection does,
/// 0.13 s of a command: bench/README.md, thirty-fourth round) unless it needs the context itself, which then joins the
/// same transaction (<see cref="JoinContextAsync"/>).
/// </summary>
public sealed class BulkSession : IAsyncDisposable
{
    private readonly UponDbContext _db;
    private readonly SqliteConnection? _connection;
    private readonly SqliteTransaction? _transaction;
    private IDbContextTransaction? _contextTransaction;
    private bool _figureDataChanged;

    /// <summary>The context's connection and its current transaction (begun and ended by the caller).</summary>
    public BulkSession(UponDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    private BulkSession(UponDbContext db, SqliteConnection connection, SqliteTransaction transaction)
    {
        _db = db;
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>A session on the context's connection, in a transaction it begins now and ends with <see cref="CommitAsync"/>, <see cref="RollbackAsync"/> or when disposed.</summary>
    public static async Task<BulkSession> BeginAsync(UponDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new BulkSession(db) { _contextTransaction = await db.Database.BeginTransactionAsync(cancellationToken) };
    }

    /// <summary>
    /// A session on <paramref name="connection"/> (open, from <see cref="DatabaseConnections"/>), which it now owns, in a
    /// transaction of its own that holds SQLite's write lock from the start, as the context's would.
    /// </summary>
    public static async Task<BulkSession> BeginOwnAsync(UponDbContext db, SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new BulkSession(db, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A session on <paramref name="connection"/> in <paramref name="transaction"/>, both begun by the caller, which the
    /// session now owns (ended and closed when it is disposed).
    /// </summary>
    public static BulkSession Own(UponDbContext db, SqliteConnection connection, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        return new BulkSession(db, connection, transaction);
    }

    /// <summary>Whether the session has a connection of its own (<see cref="BeginOwnAsync"/>).</summary>
    public bool OwnsConnection => _connection is not null;

    public DbConnection Connection => _connection ?? _db.Database.GetDbConnection();

    public DbTransaction? Transaction => _connection is null ? _db.Database.CurrentTransaction?.GetDbTransaction() : _transaction;

    /// <summary>Whether the database is PostgreSQL (a connection of the session's own is always SQLite's).</summary>
    public bool IsPostgres => _connection is null && _db.Database.IsPostgres();

    /// <summary>The context, for the PostgreSQL path's EF Core queries (never on a connection of the session's own).</summary>
    public UponDbContext Context => _connection is null ? _db : throw new InvalidOperationException("The session's own connection has no context: join it first.");

    /// <summary>
    /// A table's map: from the EF model on the context's connection (as always), by name on a connection of the session's
    /// own (<see cref="TableMap.Named{T}"/>, which tests keep equal to the model).
    /// </summary>
    internal TableMap Map<T>(params string[] properties) =>
        _connection is null ? TableMap.Of<T>(_db.Model, properties) : TableMap.Named<T>(properties);

    /// <summary>Marks the transaction as changing figure data: its commit raises the data version (<see cref="DataVersions"/>).</summary>
    public void MarkFigureDataChanged()
    {
        if (_connection is null || _contextTransaction is not null)
        {
            _db.MarkFigureDataChanged();
        }
        else
        {
            _figureDataChanged = true;
        }
    }

    /// <summary>
    /// The context, in this session's transaction: on a connection of the session's own, the context is given the
    /// connection and transaction now (which builds the EF model), and what it saves is committed or rolled back with the
    /// session's writes.
    /// </summary>
    public async Task<UponDbContext> JoinContextAsync(CancellationToken cancellationToken)
    {
        if (_connection is null || _contextTransaction is not null)
        {
            return _db;
        }
        _db.Database.SetDbConnection(_connection, contextOwnsConnection: false);
        _contextTransaction = await _db.Database.UseTransactionAsync(_transaction, cancellationToken);
        if (_figureDataChanged)
        {
            _db.MarkFigureDataChanged();
        }
        return _db;
    }

    /// <summary>Commits the session's transaction, raising the data version first when figure data changed.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_contextTransaction is not null)
        {
            // Through the context, whose interceptor raises the data version.
            await _contextTransaction.CommitAsync(cancellationToken);
            return;
        }
        var transaction = OwnTransaction;
        if (_figureDataChanged)
        {
            await using var bump = DataVersions.Bump(transaction);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rolls back the session's transaction.</summary>
    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_contextTransaction is not null)
        {
            await _contextTransaction.RollbackAsync(cancellationToken);
            return;
        }
        await OwnTransaction.RollbackAsync(cancellationToken);
    }

    private SqliteTransaction OwnTransaction => _transaction ?? throw new InvalidOperationException("The context's current transaction is its caller's to end.");

    /// <summary>Ends the session's transaction (rolled back unless committed) and closes its own connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_contextTransaction is not null)
        {
            await _contextTransaction.DisposeAsync();
        }
        if (_connection is not null)
        {
            await _transaction!.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
