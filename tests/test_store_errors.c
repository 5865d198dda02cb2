/*
 * test_store_errors.c -- the store's failures named and contained: a full
 * disk and an I/O error (provoked by a VFS over SQLite's own whose writes
 * fail past a budget), a database opened to be read only, a missing or
 * foreign database.  After a failed batch, the batches before it are
 * stored whole and nothing of it is.
 */
#include "test.h"

#include "sitrep.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a VFS whose writes fail once `budget` bytes are written ---- */

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static long long budget = -1; /* bytes writes may still write; -1: any */
static int fail_rc = SQLITE_FULL;

typedef struct shim_file {
    sqlite3_file base;
    sqlite3_file *real; /* follows this struct in the same block */
} shim_file;

#define REAL(f) (((shim_file *)(f))->real)

static int shim_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int shim_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xRead(REAL(f), b, n, o); }
static int shim_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    if (budget >= 0) {
        if (budget < n)
            return fail_rc;
        budget -= n;
    }
    return REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int shim_truncate(sqlite3_file *f, sqlite3_int64 n) { return REAL(f)->pMethods->xTruncate(REAL(f), n); }
static int shim_sync(sqlite3_file *f, int fl) { return REAL(f)->pMethods->xSync(REAL(f), fl); }
static int shim_size(sqlite3_file *f, sqlite3_int64 *n) { return REAL(f)->pMethods->xFileSize(REAL(f), n); }
static int shim_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int shim_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int shim_check(sqlite3_file *f, int *r) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r); }
static int shim_fcntl(sqlite3_file *f, int op, void *a) { return REAL(f)->pMethods->xFileControl(REAL(f), op, a); }
static int shim_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int shim_caps(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int shim_shm_map(sqlite3_file *f, int i, int sz, int ext, void volatile **p)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, ext, p);
}
static int shim_shm_lock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void shim_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int shim_shm_unmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }

static const sqlite3_io_methods shim_io = {
    2, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_size, shim_lock, shim_unlock,
    shim_check, shim_fcntl, shim_sector, shim_caps, shim_shm_map, shim_shm_lock, shim_shm_barrier,
    shim_shm_unmap, NULL, NULL};

static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)vfs;
    shim_file *s = (shim_file *)f;
    s->real = (sqlite3_file *)(s + 1);
    int rc = real_vfs->xOpen(real_vfs, name, s->real, flags, out);
    f->pMethods = rc == SQLITE_OK && s->real->pMethods ? &shim_io : NULL;
    return rc;
}

static void shim_install(void)
{
    real_vfs = sqlite3_vfs_find(NULL);
    shim_vfs = *real_vfs;
    shim_vfs.zName = "failing";
    shim_vfs.szOsFile = (int)sizeof(shim_file) + real_vfs->szOsFile;
    shim_vfs.xOpen = shim_open;
    sqlite3_vfs_register(&shim_vfs, 1);
}

/* ---- the articles ---- */

/* Article i (< 128); its bytes live on: a document borrows them. */
static sitrep_doc *article(int i)
{
    static char texts[128][512];
    char id[32], *text = texts[i];
    snprintf(id, sizeof id, "a%03d", i);
    snprintf(text, sizeof texts[i],
             "Gunmen attacked the village of Example-%d on Monday, killing %d people, police said. "
             "The attack was the %dth in the district this year, a local official said.",
             i, 3 + i % 7, 2 + i % 9);
    sitrep_doc *d = NULL;
    sitrep_status st = sitrep_doc_from_memory(id, text, strlen(text), NULL, NULL, &d);
    CHECK(st == SITREP_OK);
    return d;
}

/* Adds articles [from, to) and commits: the status of the first failure. */
static sitrep_status batch(sitrep_store *s, int from, int to)
{
    for (int i = from; i < to; i++) {
        sitrep_doc *d = article(i);
        sitrep_store_outcome out;
        sitrep_status st = sitrep_store_add(s, d, &out);
        sitrep_doc_free(d);
        if (st != SITREP_OK)
            return st;
    }
    return sitrep_store_commit(s);
}

static size_t stored(const char *path)
{
    sitrep_store *s = NULL;
    size_t n = (size_t)-1;
    if (sitrep_store_open_read(path, NULL, &s) == SITREP_OK)
        n = sitrep_store_count(s, NULL);
    sitrep_store_close(s);
    return n;
}

static bool has(const char *s, const char *w)
{
    return s && strstr(s, w) != NULL;
}

/* A failed batch (writes failing with `rc` after the first one): its
 * status and message, and only the first batch stored. */
static void failing_writes(const char *dir, int rc, sitrep_status want, const char *said)
{
    char path[512];
    snprintf(path, sizeof path, "%s/fail-%d.db", dir, rc);
    budget = -1;
    fail_rc = rc;
    sitrep_store *s = NULL;
    CHECK(sitrep_store_open(path, NULL, &s) == SITREP_OK);
    sitrep_status first = batch(s, 0, 10);
    CHECK(first == SITREP_OK);
    if (first != SITREP_OK)
        fprintf(stderr, "  first batch: %s: %s\n", sitrep_strerror(first), sitrep_store_message(s));
    budget = 0; /* from now on nothing can be written */
    sitrep_status st = batch(s, 10, 20);
    CHECK(st == want);
    CHECK(has(sitrep_store_message(s), said));
    /* the failure's message, not a rollback's */
    CHECK(!has(sitrep_store_message(s), "no transaction is active"));
    if (!has(sitrep_store_message(s), said))
        fprintf(stderr, "  %s: %s (budget now %lld)\n", sitrep_strerror(st), sitrep_store_message(s), budget);
    sitrep_store_close(s);
    budget = -1;
    CHECK(stored(path) == 10);
    /* and the database takes the failed batch again once there is room */
    CHECK(sitrep_store_open(path, NULL, &s) == SITREP_OK);
    CHECK(batch(s, 10, 20) == SITREP_OK);
    sitrep_store_close(s);
    CHECK(stored(path) == 20);
}

int main(void)
{
    char dir[] = "/tmp/sitrep-store-errors.XXXXXX";
    if (!mkdtemp(dir))
        return 2;
    shim_install();

    failing_writes(dir, SQLITE_FULL, SITREP_EFULL, "disk full");
    failing_writes(dir, SQLITE_IOERR_WRITE, SITREP_EDB, "I/O error writing");
    CHECK(strcmp(sitrep_strerror(SITREP_EFULL), sitrep_strerror(SITREP_EIO)) != 0);
    CHECK(!has(sitrep_strerror(SITREP_EDB), "input"));

    /* read only: a missing database is an error and is not created */
    char path[512];
    snprintf(path, sizeof path, "%s/missing.db", dir);
    sitrep_store *s = NULL;
    CHECK(sitrep_store_open_read(path, NULL, &s) == SITREP_EDB);
    CHECK(has(sitrep_store_message(s), "cannot open"));
    sitrep_store_close(s);
    CHECK(access(path, F_OK) != 0);
    /* a SQLite database that is not sitrep's */
    snprintf(path, sizeof path, "%s/other.db", dir);
    sqlite3 *db;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    s = NULL;
    CHECK(sitrep_store_open_read(path, NULL, &s) == SITREP_EFORMAT);
    CHECK(has(sitrep_store_message(s), "not a sitrep database"));
    sitrep_store_close(s);
    /* a file that is not a database */
    snprintf(path, sizeof path, "%s/text.db", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("just some text, not a database at all, long enough to be read as a header\n", f);
        fclose(f);
    }
    s = NULL;
    CHECK(sitrep_store_open_read(path, NULL, &s) == SITREP_EDB);
    CHECK(has(sitrep_store_message(s), "not a database"));
    sitrep_store_close(s);
    /* a store opened to be read only takes nothing */
    snprintf(path, sizeof path, "%s/fail-%d.db", dir, SQLITE_FULL);
    s = NULL;
    CHECK(sitrep_store_open_read(path, NULL, &s) == SITREP_OK);
    sitrep_doc *d = article(99);
    CHECK(sitrep_store_add(s, d, NULL) == SITREP_EDB);
    CHECK(has(sitrep_store_message(s), "read only"));
    sitrep_doc_free(d);
    sitrep_store_close(s);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    printf("%d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}
