/*
 * dberr.h -- SQLite's failures as a store's caller and its user need
 * them (dberr.c): a status that says what kind of failure it was, a
 * message that names it, a rollback that never hides it, and the wait for
 * another writer.
 */
#ifndef SITREP_DBERR_H
#define SITREP_DBERR_H

#include "core/core.h"

#include <sqlite3.h>

/* The status of SQLite result code rc (primary or extended): EFULL (the
 * disk or the file-size limit is full), EBUSY (another process holds the
 * database), ENOMEM, EDB for any other. */
sitrep_status sr_db_status(int rc);

/* Writes "PROBLEM while WHAT (SQLite: ...)" into out: PROBLEM names the
 * failure ("disk full", "I/O error: File too large", "locked by another
 * process", "damaged", ...). */
void sr_db_message(sqlite3 *db, int rc, const char *what, char *out, size_t cap);

/* Rolls the open transaction back, if one is open.  SQLite ends a
 * transaction itself after some failures (a full disk, an I/O error): a
 * ROLLBACK then fails ("cannot rollback - no transaction is active"), and
 * its message must not replace the failure's. */
void sr_db_rollback(sqlite3 *db);

/* ---- waiting for another writer ---- */

/* A writer marks the database as being written (the file PATH-writer:
 * its process id and when it last made progress) for as long as it holds
 * a batch open; sr_db_wait_busy, SQLite's busy handler of every store,
 * waits for as long as that writer is alive and makes progress, and
 * gives up after WAIT_QUIET seconds of a lock held by anyone else. */
typedef struct sr_db_writer {
    char *path;          /* PATH-writer, or NULL */
    long last_beat;      /* when it was last written (seconds) */
    /* the waiter's side */
    long waited_since;   /* when the wait began (seconds), 0: not waiting */
    long other_pid;      /* the writer waited for, 0: none known */
    char why[200];       /* why the wait ended without the lock */
} sr_db_writer;

/* Sets `w` up for the database at `path` (mem for the file name). */
bool sr_db_writer_init(sr_db_writer *w, const char *path);
void sr_db_writer_free(sr_db_writer *w);
/* The writer's side: a batch holds the database (`force`: write now,
 * else at most once a second), or no longer does. */
void sr_db_writer_beat(sr_db_writer *w, bool force);
void sr_db_writer_done(sr_db_writer *w);
/* SQLite's busy handler (sqlite3_busy_handler, ctx an sr_db_writer):
 * nonzero to try again. */
int sr_db_wait_busy(void *ctx, int tries);

#endif
