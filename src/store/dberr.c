/*
 * dberr.c -- SQLite's failures named, rolled back without hiding them, and
 * the wait for another writer (see dberr.h).
 */
#include "store/dberr.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A lock held by a process that is not a sitrep writer making progress
 * is waited for this long. */
#define WAIT_QUIET 10
/* A sitrep writer that has not made progress for this long is taken for
 * hung (a batch's commit over a large corpus takes minutes). */
#define WAIT_STALE (30 * 60)

sitrep_status sr_db_status(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK: return SITREP_OK;
    case SQLITE_FULL: return SITREP_EFULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return SITREP_EBUSY;
    case SQLITE_NOMEM: return SITREP_ENOMEM;
    default: return SITREP_EDB;
    }
}

void sr_db_message(sqlite3 *db, int rc, const char *what, char *out, size_t cap)
{
    int err = db ? sqlite3_system_errno(db) : 0;
    const char *problem;
    char buf[160];
    switch (rc & 0xFF) {
    case SQLITE_FULL:
        problem = err == EFBIG ? "file size limit reached" : "disk full";
        break;
    case SQLITE_IOERR: {
        const char *doing = rc == SQLITE_IOERR_WRITE                                  ? " writing"
                            : rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ ? " reading"
                            : rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_DIR_FSYNC ? " syncing to disk"
                            : rc == SQLITE_IOERR_TRUNCATE                              ? " truncating"
                            : rc == SQLITE_IOERR_SHMOPEN || rc == SQLITE_IOERR_SHMSIZE || rc == SQLITE_IOERR_SHMMAP
                                ? " on the shared-memory file (-shm)"
                                : "";
        if (err == EFBIG)
            snprintf(buf, sizeof buf, "file size limit reached (I/O error%s)", doing);
        else
            snprintf(buf, sizeof buf, "I/O error%s%s%s", doing, err ? ": " : "", err ? strerror(err) : "");
        problem = buf;
        break;
    }
    case SQLITE_BUSY:
    case SQLITE_LOCKED: problem = "locked by another process"; break;
    case SQLITE_READONLY: problem = "read-only (cannot write to it)"; break;
    case SQLITE_CORRUPT: problem = "damaged (SQLite finds it corrupt)"; break;
    case SQLITE_NOTADB: problem = "not a database"; break;
    case SQLITE_CANTOPEN:
        snprintf(buf, sizeof buf, "cannot open it%s%s", err ? ": " : "", err ? strerror(err) : "");
        problem = buf;
        break;
    case SQLITE_PERM:
    case SQLITE_AUTH: problem = "permission denied"; break;
    case SQLITE_NOMEM: problem = "out of memory"; break;
    default: problem = "database error"; break;
    }
    const char *said = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    snprintf(out, cap, "%s%s%s (SQLite: %s)", problem, what && *what ? " while " : "", what ? what : "",
             said ? said : sqlite3_errstr(rc));
}

void sr_db_rollback(sqlite3 *db)
{
    if (db && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- waiting for another writer ---- */

bool sr_db_writer_init(sr_db_writer *w, const char *path)
{
    memset(w, 0, sizeof *w);
    if (!path || !*path || path[0] == ':' || strncmp(path, "file:", 5) == 0)
        return true; /* in memory, or a URI: no file beside it */
    size_t n = strlen(path);
    w->path = malloc(n + sizeof "-writer");
    if (!w->path)
        return false;
    memcpy(w->path, path, n);
    memcpy(w->path + n, "-writer", sizeof "-writer");
    return true;
}

void sr_db_writer_free(sr_db_writer *w)
{
    free(w->path);
    w->path = NULL;
}

void sr_db_writer_beat(sr_db_writer *w, bool force)
{
    if (!w->path)
        return;
    long now = (long)time(NULL);
    if (!force && now == w->last_beat)
        return;
    w->last_beat = now;
    int fd = open(w->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return; /* a read-only folder: waiters fall back to the plain wait */
    char line[64];
    int k = snprintf(line, sizeof line, "pid %ld\n", (long)getpid());
    if (write(fd, line, (size_t)k) != k) {
        /* nothing to do: the mark is a courtesy to other writers */
    }
    close(fd);
}

void sr_db_writer_done(sr_db_writer *w)
{
    if (w->path && w->last_beat)
        unlink(w->path);
    w->last_beat = 0;
}

/* The sitrep writer named in PATH-writer when it is alive, with the age of
 * its last mark (seconds); 0 when there is none. */
static long live_writer(const sr_db_writer *w, long *age)
{
    if (!w->path)
        return 0;
    int fd = open(w->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[64];
    ssize_t k = read(fd, buf, sizeof buf - 1);
    struct stat sb;
    bool have = fstat(fd, &sb) == 0;
    close(fd);
    if (k <= 0 || !have)
        return 0;
    buf[k] = '\0';
    long pid = 0;
    if (sscanf(buf, "pid %ld", &pid) != 1 || pid <= 0 || pid == (long)getpid())
        return 0;
    if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
        return 0; /* gone: its locks went with it */
    *age = (long)time(NULL) - (long)sb.st_mtime;
    return pid;
}

int sr_db_wait_busy(void *ctx, int tries)
{
    sr_db_writer *w = ctx;
    long now = (long)time(NULL);
    if (tries == 0) {
        w->waited_since = now;
        w->other_pid = 0;
        w->why[0] = '\0';
    }
    long age = 0, pid = live_writer(w, &age);
    if (pid && age < WAIT_STALE) {
        /* another ingest holds a batch open: wait for it, and for a
         * quiet while after it */
        w->other_pid = pid;
        w->waited_since = now;
    } else if (pid) {
        snprintf(w->why, sizeof w->why,
                 "another sitrep ingest (pid %ld) holds it and has made no progress for %ld minutes", pid, age / 60);
        return 0;
    } else if (now - w->waited_since >= WAIT_QUIET) {
        if (w->other_pid)
            snprintf(w->why, sizeof w->why, "the ingest waited for (pid %ld) ended, and another process holds it",
                     w->other_pid);
        else
            snprintf(w->why, sizeof w->why, "locked for %d s by another process (no sitrep ingest is running)",
                     WAIT_QUIET);
        return 0;
    }
    struct timespec ts = {0, (tries < 20 ? 10 : 100) * 1000000L};
    nanosleep(&ts, NULL);
    return 1;
}
