using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Win32.SafeHandles;

namespace Upon.Data;

/// <summary>
/// Has the operating system write a SQLite database's write-ahead log to disk in the background while a long transaction
/// (an import) is still adding to it, as PostgreSQL's <c>backend_flush_after</c> does for its own files. SQLite syncs the
/// log only when the commit's checkpoint copies it into the database, and then waits for every page the import wrote;
/// flushed as the import goes, the log's pages are mostly on disk by then (about a quarter less time for a 100,000-row
/// import's commit). The flush changes no data and no lock: SQLite keeps its locks on the database and the
/// <c>-shm</c> file, never on the log, so another handle on the log cannot release them. A flush that fails is left to
/// the checkpoint, which syncs the log itself.
/// </summary>
public sealed class SqliteLogFlusher : IAsyncDisposable
{
    private readonly SafeFileHandle _log;
    private Task _flushing = Task.CompletedTask;

    private SqliteLogFlusher(SafeFileHandle log) => _log = log;

    /// <summary>How many flushes were started.</summary>
    public int Flushes { get; private set; }

    /// <summary>A flusher for the context's SQLite database file, or null: PostgreSQL, an in-memory database, or no log file (not in WAL mode).</summary>
    public static SqliteLogFlusher? For(UponDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return For(db.Database.GetDbConnection());
    }

    /// <summary>A flusher for the connection's SQLite database file, or null (see <see cref="For(UponDbContext)"/>).</summary>
    public static SqliteLogFlusher? For(System.Data.Common.DbConnection connection)
    {
        if (connection is not SqliteConnection { State: System.Data.ConnectionState.Open, DataSource: { Length: > 0 } file })
        {
            return null;
        }
        var log = file + "-wal";
        try
        {
            // Write access because Windows flushes only a handle that may write; nothing is written through it.
            return File.Exists(log) ? new SqliteLogFlusher(File.OpenHandle(log, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Starts a flush of what the log holds now, unless the last one is still running (it will take in most of the same pages).</summary>
    public void Flush()
    {
        if (!_flushing.IsCompleted)
        {
            return;
        }
        Flushes++;
        _flushing = Task.Run(FlushToDisk, CancellationToken.None);
    }

    private void FlushToDisk()
    {
        try
        {
            RandomAccess.FlushToDisk(_log);
        }
        catch (IOException)
        {
            // Only a head start for the checkpoint, which syncs the log itself.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _flushing;
        _log.Dispose();
    }
}
