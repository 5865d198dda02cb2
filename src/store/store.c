/*
 * store.c -- sitrep_store: articles and what they say, kept in SQLite.
 *
 * A store holds every article it was given (its bytes, compressed, with
 * its metadata), the corpus those articles make as a snapshot
 * (corpus/snapshot.c), and what the corpus says in tables (tables.c): the
 * documents, stories and near-copies, the entities with their mentions in
 * a table of their own, the claims and events of each article and the
 * claims and events merged across articles, conflicts and trends, each
 * with the columns queries look up by (actor, place, country, date,
 * story) indexed.  A record is read back from its row and its lists
 * (records.c), byte for byte the record `sitrep extract` writes.
 *
 * Articles come in batches.  A batch is one transaction: its articles, the
 * new snapshot and the tables made again from it are committed together,
 * so a process killed in the middle of a batch leaves the database as the
 * last batch left it, and running the batch again completes it.  An
 * article whose id is stored already is not added again (the same bytes:
 * nothing changes; other bytes: reported, skipped), so the same input
 * twice changes nothing.  Adding articles never analyses the stored ones
 * again: the snapshot is loaded and the new articles added to it, and the
 * batch saves the rows it added as a part of the snapshot (the parts are
 * merged as they grow: save_snapshot), not the whole snapshot.  Only a
 * snapshot from a build with another layout is made again from the stored
 * articles (the migration of the corpus).
 *
 * The database is in WAL mode: readers (queries, reports) see the last
 * committed batch while a batch is being ingested.
 */
#include "store/db.h"

#include "store/dberr.h"

#include "corpus/corpus.h"
#include "doc.h"
#include "wordhash.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

/* The schema, in one place.  Each step takes the database from version
 * i to i + 1; meta.schema_version says how far a database has come.  A
 * database from before SCHEMA_FILLED has its tables filled again from the
 * snapshot in the last step's transaction (fill_from_snapshot). */
static const char *const migrations[] = {
    /* 1: articles, batches, the corpus snapshot, the records */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE batches(id INTEGER PRIMARY KEY, started TEXT NOT NULL, committed TEXT,"
    "  articles INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE articles(id TEXT PRIMARY KEY, hash TEXT NOT NULL, batch INTEGER NOT NULL"
    "  REFERENCES batches(id), title TEXT, outlet TEXT, url TEXT, published TEXT,"
    "  bytes INTEGER NOT NULL, content BLOB NOT NULL);"
    "CREATE TABLE corpus(id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL, data BLOB NOT NULL);"
    "CREATE TABLE records(seq INTEGER PRIMARY KEY, type TEXT NOT NULL, rid TEXT, json TEXT NOT NULL);"
    "CREATE INDEX records_type ON records(type, rid);",
    /* 2: what the corpus says in tables, one row per document, story,
     * entity, mention list, claim, event, merged claim and event,
     * conflict and trend, in place of whole records */
    "DROP TABLE records;"
    /* documents: n is the order the store took them in (the corpus's) */
    "CREATE TABLE docs(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, record TEXT NOT NULL,"
    "  outlet TEXT, title TEXT, published TEXT, day INTEGER, inferred TEXT, basis TEXT, date TEXT,"
    "  story INTEGER NOT NULL, dup INTEGER NOT NULL, sig BLOB NOT NULL);"
    "CREATE INDEX docs_story ON docs(story, id);"
    "CREATE INDEX docs_dup ON docs(dup);"
    "CREATE INDEX docs_date ON docs(date);"
    /* stories and groups of near-copies, keyed by a document of theirs */
    "CREATE TABLE stories(k INTEGER PRIMARY KEY, sid TEXT NOT NULL, title TEXT, first_seen TEXT,"
    "  last_seen TEXT, ndocs INTEGER NOT NULL, first INTEGER NOT NULL, earliest INTEGER);"
    "CREATE INDEX stories_sid ON stories(sid);"
    "CREATE INDEX stories_first_seen ON stories(first_seen);"
    "CREATE INDEX stories_last_seen ON stories(last_seen);"
    "CREATE TABLE dups(k INTEGER PRIMARY KEY, canon INTEGER NOT NULL, ndocs INTEGER NOT NULL);"
    /* the story linking's indexes: map, key -> documents, newest last */
    "CREATE TABLE idx(map INTEGER NOT NULL, key INTEGER NOT NULL, seq INTEGER NOT NULL,"
    "  doc INTEGER NOT NULL, day INTEGER, attr TEXT, PRIMARY KEY(map, key, seq)) WITHOUT ROWID;"
    "CREATE INDEX idx_doc ON idx(doc);"
    /* entities; their mentions by entity and document; their surface forms */
    "CREATE TABLE entities(k INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL, country TEXT,"
    "  parent TEXT, role TEXT, role_doc TEXT, admin1 TEXT, admin1_code TEXT, feature TEXT, lat REAL,"
    "  lon REAL, nmentions INTEGER NOT NULL);"
    "CREATE INDEX entities_order ON entities(kind, name, k);"
    "CREATE TABLE mentions(entity INTEGER NOT NULL, doc TEXT NOT NULL, spans TEXT NOT NULL,"
    "  PRIMARY KEY(entity, doc)) WITHOUT ROWID;"
    "CREATE INDEX mentions_doc ON mentions(doc);"
    "CREATE TABLE aliases(entity INTEGER NOT NULL, quote TEXT NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(entity, quote)) WITHOUT ROWID;"
    /* each article's claims, in the order corroboration reads them
     * (fact key, document id, position, order in the article) */
    "CREATE TABLE claims(c INTEGER PRIMARY KEY, doc INTEGER NOT NULL, docid TEXT NOT NULL,"
    "  pos INTEGER NOT NULL, ord INTEGER NOT NULL, key INTEGER NOT NULL, data BLOB NOT NULL,"
    "  sources TEXT NOT NULL, grp INTEGER);"
    "CREATE INDEX claims_run ON claims(key, docid, pos, ord);"
    "CREATE INDEX claims_grp ON claims(grp, docid, pos, ord);"
    "CREATE INDEX claims_doc ON claims(doc);"
    /* claims merged across articles: head is the record up to its
     * sources, which are its members' */
    "CREATE TABLE cgroups(g INTEGER PRIMARY KEY, key INTEGER NOT NULL, first INTEGER NOT NULL,"
    "  fdoc TEXT NOT NULL, fpos INTEGER NOT NULL, ford INTEGER NOT NULL, gid TEXT NOT NULL,"
    "  rep INTEGER NOT NULL, n INTEGER NOT NULL, actor TEXT, attributed_to TEXT, pfrom TEXT, pto TEXT,"
    "  outlets INTEGER NOT NULL, contested INTEGER NOT NULL, scope INTEGER NOT NULL, head TEXT NOT NULL);"
    "CREATE INDEX cgroups_run ON cgroups(key, fdoc, fpos, ford);"
    "CREATE INDEX cgroups_order ON cgroups(fdoc, fpos, ford);"
    "CREATE INDEX cgroups_scope ON cgroups(scope, gid);"
    "CREATE INDEX cgroups_actor ON cgroups(actor);"
    "CREATE INDEX cgroups_source ON cgroups(attributed_to);"
    "CREATE INDEX cgroups_start ON cgroups(pfrom);"
    "CREATE INDEX cgroups_end ON cgroups(pto);"
    "CREATE TABLE cgroup_places(g INTEGER NOT NULL, i INTEGER NOT NULL, name TEXT NOT NULL, country TEXT,"
    "  PRIMARY KEY(g, i)) WITHOUT ROWID;"
    "CREATE INDEX cgroup_places_name ON cgroup_places(name);"
    "CREATE INDEX cgroup_places_country ON cgroup_places(country);"
    "CREATE TABLE cgroup_outlets(g INTEGER NOT NULL, okey TEXT NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(g, okey)) WITHOUT ROWID;"
    /* each article's events, in the order corroboration reads them (the
     * country or place, document id, position, order in the article) */
    "CREATE TABLE events(e INTEGER PRIMARY KEY, doc INTEGER NOT NULL, docid TEXT NOT NULL,"
    "  pos INTEGER NOT NULL, ord INTEGER NOT NULL, run TEXT NOT NULL, data BLOB NOT NULL,"
    "  sources TEXT NOT NULL, grp INTEGER);"
    "CREATE INDEX events_run ON events(run, docid, pos, ord);"
    "CREATE INDEX events_grp ON events(grp, docid, pos, ord);"
    "CREATE INDEX events_doc ON events(doc);"
    "CREATE TABLE egroups(g INTEGER PRIMARY KEY, run TEXT NOT NULL, first INTEGER NOT NULL,"
    "  fdoc TEXT NOT NULL, fpos INTEGER NOT NULL, ford INTEGER NOT NULL, gid TEXT NOT NULL,"
    "  rep INTEGER NOT NULL, n INTEGER NOT NULL, head TEXT NOT NULL, dfrom TEXT, dto TEXT,"
    "  location TEXT, country TEXT, admin1 TEXT);"
    "CREATE INDEX egroups_run ON egroups(run, fdoc, fpos, ford);"
    "CREATE INDEX egroups_order ON egroups(fdoc, fpos, ford);"
    "CREATE INDEX egroups_start ON egroups(dfrom);"
    "CREATE INDEX egroups_end ON egroups(dto);"
    "CREATE INDEX egroups_location ON egroups(location);"
    "CREATE INDEX egroups_country ON egroups(country);"
    "CREATE INDEX egroups_admin1 ON egroups(admin1);"
    "CREATE TABLE egroup_actors(g INTEGER NOT NULL, actor TEXT NOT NULL, PRIMARY KEY(g, actor)) WITHOUT ROWID;"
    "CREATE INDEX egroup_actors_actor ON egroup_actors(actor);"
    "CREATE TABLE conflicts(a INTEGER NOT NULL, b INTEGER NOT NULL, ida TEXT NOT NULL, idb TEXT NOT NULL,"
    "  reason TEXT NOT NULL, PRIMARY KEY(a, b));"
    "CREATE INDEX conflicts_order ON conflicts(ida, idb);"
    "CREATE INDEX conflicts_b ON conflicts(b);"
    "CREATE TABLE trends(scope INTEGER PRIMARY KEY, json TEXT NOT NULL);"
    "CREATE TABLE trendwords(doc INTEGER NOT NULL, w INTEGER NOT NULL, start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL, quote TEXT NOT NULL, phrase TEXT NOT NULL, kind INTEGER NOT NULL,"
    "  PRIMARY KEY(doc, w)) WITHOUT ROWID;"
    /* the names a query's text is matched against: 1 actors and sources,
     * 2 places, 3 countries, 4 regions */
    "CREATE TABLE names(kind INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(kind, name)) WITHOUT ROWID;",
    /* 3: a conflict's kind: 0 a dispute between sources, 1 an update (a
     * later report revising a figure: a the earlier, b the later) */
    "ALTER TABLE conflicts ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;",
    /* 4: a happening several reports tell: each report's own event
     * record head (k 0, 1, ... in document order, doc its report) and the
     * happening's (k -1), before their sources and documents */
    ("CREATE TABLE ereports(g INTEGER NOT NULL, k INTEGER NOT NULL, doc TEXT, head TEXT NOT NULL,"
     "  PRIMARY KEY(g, k));"),
    /* 5: a merged claim or event keyed by its first member (g, and the
     * claims' and events' grp, conflicts' a and b: a stored dated
     * article's claim or event keeps its number), with a hash of what is
     * written for it (h), so that a batch rewrites only the merged rows
     * that changed (tables.c) */
    "ALTER TABLE cgroups ADD COLUMN h INTEGER;"
    "CREATE INDEX cgroups_h ON cgroups(h);"
    "ALTER TABLE egroups ADD COLUMN h INTEGER;"
    "CREATE INDEX egroups_h ON egroups(h);",
    /* 6: no index a batch updates at random places that no query reads:
     * claims_run, events_run, cgroups_run and cgroups_scope (keyed by a
     * fact key's or an id's hash: each batch's new rows landed all over
     * them, so a batch wrote every page of them again), egroups_run; the
     * stored hashes read by key (g, h) in place of by hash (h): new merged
     * rows go at its end */
    "DROP INDEX claims_run; DROP INDEX events_run; DROP INDEX cgroups_run; DROP INDEX cgroups_scope;"
    "DROP INDEX egroups_run; DROP INDEX cgroups_h; DROP INDEX egroups_h;"
    "CREATE INDEX cgroups_gh ON cgroups(g, h);"
    "CREATE INDEX egroups_gh ON egroups(g, h);"
    /* the snapshot in parts, in order after the whole one in corpus (if
     * any): a batch saves the rows it added as a part (mark: the number of
     * rows of each table before them), and the newest parts are merged
     * into one as they grow (save_snapshot) */
    "CREATE TABLE corpus_parts(seq INTEGER PRIMARY KEY, bytes INTEGER NOT NULL, data BLOB NOT NULL,"
    "  mark BLOB NOT NULL);",
    /* 7: no table of a merged claim's outlets: no query or record read
     * it (a merged claim's outlets are counted in cgroups.outlets, its
     * articles' outlets are their documents'), and a batch wrote a row
     * per article of every merged claim it wrote */
    "DROP TABLE cgroup_outlets;",
};
/* The largest part of the snapshot that merging makes (save_snapshot):
 * twice the batch's own part, and no less than SR_PART_MIN (32 MB
 * compressed, about 10,000 articles of news) so that small batches still
 * make few parts. */
#define SR_PART_MIN ((int64_t)32 << 20)

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

static sitrep_status fill_from_snapshot(sitrep_store *s);

/* The tables are filled from the snapshot (fill_from_snapshot) when a
 * database older than this version is migrated: steps 2 to 5 changed what
 * the tables hold; 6 only indexes.  Filling needs every table: it runs
 * once, in the last step's transaction. */
#define SCHEMA_FILLED 5

/* The failure of the last SQLite call on s->db, `what` naming the step:
 * its status (EFULL, EBUSY, EDB, ...) and s->msg saying it (dberr.c). */
sitrep_status sr_db_fail(sitrep_store *s, const char *what)
{
    int rc = s->db ? sqlite3_extended_errcode(s->db) : SQLITE_CANTOPEN;
    if (rc == SQLITE_OK)
        rc = SQLITE_ERROR;
    sr_db_message(s->db, rc, what, s->msg, sizeof s->msg);
    if (sr_db_status(rc) == SITREP_EBUSY && s->writer.why[0])
        snprintf(s->msg, sizeof s->msg, "%s%s%s", s->writer.why, what ? " while " : "", what ? what : "");
    s->last = sr_db_status(rc);
    return s->last;
}

static sitrep_status exec_what(sitrep_store *s, const char *sql, const char *what)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? SITREP_OK : sr_db_fail(s, what);
}

sitrep_status sr_db_exec(sitrep_store *s, const char *sql)
{
    return exec_what(s, sql, NULL);
}

/* The ending of a batch that failed: its transaction rolled back (if
 * SQLite has not ended it already), its articles out of the corpus, the
 * failure's message kept. */
static void abandon_batch(sitrep_store *s)
{
    sr_db_rollback(s->db);
    sr_db_writer_done(&s->writer);
    s->in_batch = false;
    sitrep_corpus_free(s->corpus);
    s->corpus = NULL;
}

sqlite3_stmt *sr_db_stmt(sitrep_store *s, const char *sql)
{
    for (size_t i = 0; i < s->ncache; i++)
        if (s->cache[i].sql == sql) {
            sqlite3_reset(s->cache[i].stmt);
            sqlite3_clear_bindings(s->cache[i].stmt);
            return s->cache[i].stmt;
        }
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &q, NULL) != SQLITE_OK) {
        sr_db_fail(s, "preparing a statement");
        sqlite3_finalize(q);
        return NULL;
    }
    if (s->ncache < SR_STMT_CACHE) {
        s->cache[s->ncache].sql = sql;
        s->cache[s->ncache++].stmt = q;
    } else {
        snprintf(s->msg, sizeof s->msg, "too many statements");
        sqlite3_finalize(q);
        return NULL;
    }
    return q;
}

void sr_db_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

sitrep_status sr_db_done(sitrep_store *s, sqlite3_stmt *q, const char *what)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? SITREP_OK : sr_db_fail(s, what);
}

#define db_fail sr_db_fail
#define exec sr_db_exec

/* The schema version the database says it has; 0 for a database without
 * the meta table (a new one), -1 when it cannot be read (*rc says why). */
static int schema_version(sitrep_store *s, int *rc)
{
    sqlite3_stmt *q;
    int v = 0;
    *rc = sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &q, NULL);
    if (*rc != SQLITE_OK) {
        bool no_table = (*rc & 0xFF) == SQLITE_ERROR;
        *rc = sqlite3_extended_errcode(s->db);
        return no_table ? 0 : -1;
    }
    int step = sqlite3_step(q);
    if (step == SQLITE_ROW)
        v = atoi((const char *)sqlite3_column_text(q, 0));
    else if (step != SQLITE_DONE) {
        *rc = sqlite3_extended_errcode(s->db);
        v = -1;
    }
    sqlite3_finalize(q);
    return v;
}

/* Brings the schema to SCHEMA_VERSION, one transaction per step. */
static sitrep_status migrate(sitrep_store *s)
{
    int rc;
    int v = schema_version(s, &rc);
    if (v < 0)
        return db_fail(s, "reading the schema version");
    if (v > SCHEMA_VERSION) {
        snprintf(s->msg, sizeof s->msg, "the database has schema version %d, newer than this sitrep (%d)", v,
                 SCHEMA_VERSION);
        return SITREP_EFORMAT;
    }
    bool fill = v < SCHEMA_FILLED;
    for (; v < SCHEMA_VERSION; v++) {
        char set[160];
        snprintf(set, sizeof set,
                 "INSERT INTO meta(key, value) VALUES('schema_version', '%d')"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value;",
                 v + 1);
        sitrep_status st = exec(s, "BEGIN IMMEDIATE");
        if (st == SITREP_OK)
            st = exec(s, migrations[v]);
        if (st == SITREP_OK && fill && v + 1 == SCHEMA_VERSION)
            st = fill_from_snapshot(s);
        if (st == SITREP_OK)
            st = exec(s, set);
        if (st == SITREP_OK)
            st = exec(s, "COMMIT");
        if (st != SITREP_OK) {
            sr_db_rollback(s->db);
            sitrep_corpus_free(s->corpus);
            s->corpus = NULL;
            return st;
        }
    }
    return SITREP_OK;
}

/* A store for `path`, its database not open yet. */
static sitrep_status new_store(const char *path, const sitrep_options *opts, sitrep_store **out)
{
    if (!path || !out)
        return SITREP_EARG;
    *out = NULL;
    const sitrep_mem *mem = sr_mem_or_default(opts ? opts->mem : NULL);
    sitrep_store *s = mem->calloc(1, sizeof *s);
    if (!s)
        return SITREP_ENOMEM;
    s->mem = mem;
    if (opts)
        s->opts = *opts;
    else
        sitrep_options_init(&s->opts);
    s->opts.json_flags = 0; /* records without the text: the articles are kept apart */
    s->profile = getenv("SITREP_STORE_PROFILE") != NULL;
    const char *pm = getenv("SITREP_STORE_PART_MAX");
    s->part_max = pm && atoll(pm) > 0 ? atoll(pm) : 0;
    sr_store_step(s, -1);
    if (!sr_db_writer_init(&s->writer, path)) {
        mem->free(s);
        return SITREP_ENOMEM;
    }
    *out = s;
    return SITREP_OK;
}

/* A failed open: the database closed, the message kept for the caller
 * (it names the file's problem); *out stays set for sitrep_store_message. */
static sitrep_status open_failed(sitrep_store *s, sitrep_status st)
{
    char msg[sizeof s->msg];
    memcpy(msg, s->msg, sizeof msg);
    for (size_t i = 0; i < s->ncache; i++)
        sqlite3_finalize(s->cache[i].stmt);
    s->ncache = 0;
    sqlite3_close(s->db);
    s->db = NULL;
    memcpy(s->msg, msg, sizeof msg);
    return st;
}

sitrep_status sitrep_store_open(const char *path, const sitrep_options *opts, sitrep_store **out)
{
    sitrep_store *s;
    sitrep_status st = new_store(path, opts, &s);
    if (st != SITREP_OK)
        return st;
    *out = s;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        return open_failed(s, db_fail(s, NULL));
    /* another writer is waited for while it makes progress (dberr.c) */
    sqlite3_busy_handler(s->db, sr_db_wait_busy, &s->writer);
    /* WAL: readers see the last commit while a batch is written;
     * synchronous=NORMAL loses no committed batch when the process dies
     * (only, at worst, the last one on power loss); a page cache of 64 MB
     * (a batch updates indexes all over a large store: read from the OS,
     * page by page, with the default 2 MB) */
    st = exec_what(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                   " PRAGMA cache_size = -65536;",
                   "opening it");
    if (st == SITREP_OK)
        st = migrate(s);
    return st == SITREP_OK ? SITREP_OK : open_failed(s, st);
}

/* A WAL database without its -shm file in a folder the user cannot write
 * to: SQLite cannot read it as it is.  No other connection is open then
 * (the last one removed the file), so it is read as immutable: the
 * database file without the log.  (A writer that starts meanwhile and
 * checkpoints under a long query can make that query fail, never the
 * database.)  True when it could be opened so. */
static bool open_immutable(sitrep_store *s, const char *path)
{
    size_t n = strlen(path);
    char *uri = s->mem->calloc(1, n * 3 + 32);
    if (!uri)
        return false;
    size_t w = (size_t)snprintf(uri, 8, "file:");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (c == '?' || c == '#' || c == '%' || c <= ' ' || c >= 0x7F)
            w += (size_t)snprintf(uri + w, 4, "%%%02X", c);
        else
            uri[w++] = (char)c;
    }
    memcpy(uri + w, "?immutable=1", sizeof "?immutable=1");
    sqlite3_close(s->db);
    s->db = NULL;
    bool ok = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK;
    s->mem->free(uri);
    return ok;
}

sitrep_status sitrep_store_open_read(const char *path, const sitrep_options *opts, sitrep_store **out)
{
    sitrep_store *s;
    sitrep_status st = new_store(path, opts, &s);
    if (st != SITREP_OK)
        return st;
    *out = s;
    s->read_only = true;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return open_failed(s, db_fail(s, NULL));
    sqlite3_busy_handler(s->db, sr_db_wait_busy, &s->writer);
    int rc;
    int v = schema_version(s, &rc);
    if (v < 0 && (rc & 0xFF) == SQLITE_READONLY && open_immutable(s, path))
        v = schema_version(s, &rc);
    if (v < 0)
        return open_failed(s, db_fail(s, "reading the schema version"));
    if (v != SCHEMA_VERSION) {
        if (v == 0)
            snprintf(s->msg, sizeof s->msg, "not a sitrep database (no schema version)");
        else
            snprintf(s->msg, sizeof s->msg, "the database has schema version %d, this sitrep reads %d%s", v,
                     SCHEMA_VERSION, v < SCHEMA_VERSION ? " (an ingest brings it up to date)" : "");
        return open_failed(s, SITREP_EFORMAT);
    }
    return SITREP_OK;
}

const char *sitrep_store_message(const sitrep_store *s)
{
    return s ? s->msg : "";
}

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void sr_store_step(sitrep_store *s, int step)
{
    if (!s->profile)
        return;
    double now = cpu_seconds();
    if (step >= 0 && step < SR_STEPS)
        s->step_cpu[step] += now - s->step_mark;
    s->step_mark = now;
}

/* The profile on stderr: CPU seconds per step of the batches. */
static void profile_print(const sitrep_store *s)
{
    static const char *const names[SR_STEPS] = {"load", "analyse+add", "save", "finish", "docs", "entities",
                                                 "claims", "events", "rest", "commit", "close"};
    double total = 0;
    fprintf(stderr, "store profile (CPU s):");
    for (int i = 0; i < SR_STEPS; i++) {
        fprintf(stderr, " %s %.2f", names[i], s->step_cpu[i]);
        total += s->step_cpu[i];
    }
    fprintf(stderr, " total %.2f\n", total);
}

void sitrep_store_close(sitrep_store *s)
{
    if (!s)
        return;
    sr_store_step(s, -1);
    for (size_t i = 0; i < s->ncache; i++)
        sqlite3_finalize(s->cache[i].stmt);
    if (s->db) {
        if (s->in_batch)
            sr_db_rollback(s->db); /* an uncommitted batch is not kept */
        sqlite3_close(s->db);
    }
    sr_store_step(s, SR_STEP_CLOSE);
    if (s->profile && s->step_cpu[SR_STEP_ADD] + s->step_cpu[SR_STEP_LOAD] > 0)
        profile_print(s);
    sr_db_writer_done(&s->writer);
    sr_db_writer_free(&s->writer);
    sitrep_corpus_free(s->corpus);
    sr_store_base_drop(s);
    s->mem->free(s);
}

void sr_store_base_drop(sitrep_store *s)
{
    s->mem->free(s->base_entities);
    s->mem->free(s->base_undated);
    s->base_entities = NULL;
    s->base_undated = NULL;
    s->base_nentities = s->base_mentions = s->base_ndocs = 0;
    s->base_ok = false;
}

/* The tables hold what the loaded snapshot says: kept as the batch's base. */
static sitrep_status base_keep(sitrep_store *s)
{
    sr_store_base_drop(s);
    size_t ne = SR_VEC_COUNT(&s->corpus->entities, sr_centity);
    s->base_entities = s->mem->calloc(ne ? ne : 1, sizeof *s->base_entities);
    if (!s->base_entities)
        return SITREP_ENOMEM;
    if (ne)
        memcpy(s->base_entities, s->corpus->entities.data, ne * sizeof *s->base_entities);
    s->base_nentities = ne;
    s->base_mentions = s->corpus->mentions.n;
    size_t nd = SR_VEC_COUNT(&s->corpus->docs, sr_cdoc);
    s->base_undated = s->mem->calloc(nd ? nd : 1, 1);
    if (!s->base_undated)
        return SITREP_ENOMEM;
    for (size_t i = 0; i < nd; i++)
        s->base_undated[i] = SR_VEC_AT(&s->corpus->docs, sr_cdoc, i).src_at >= 0;
    s->base_ndocs = nd;
    s->base_ok = true;
    return SITREP_OK;
}

/* ---- the corpus ---- */

static int64_t count_rows(sitrep_store *s, const char *sql)
{
    sqlite3_stmt *q;
    int64_t n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

/* The article's bytes back from their stored, compressed form. */
static char *inflate_content(const sitrep_mem *mem, const void *z, size_t zlen, size_t len)
{
    char *out = mem->calloc(1, len + 1);
    uLongf got = (uLongf)len;
    if (out && (uncompress((Bytef *)out, &got, z, (uLong)zlen) != Z_OK || got != len)) {
        mem->free(out);
        out = NULL;
    }
    return out;
}

/* The corpus made again from the stored articles: for a snapshot another
 * build wrote (or none where articles are stored). */
static sitrep_status rebuild_corpus(sitrep_store *s)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT id, title, outlet, url, published, bytes, content FROM articles ORDER BY id",
                           -1, &q, NULL) != SQLITE_OK)
        return db_fail(s, "reading the articles");
    sitrep_status st = SITREP_OK;
    while (st == SITREP_OK && sqlite3_step(q) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(q, 0);
        sitrep_doc_hints h = {(const char *)sqlite3_column_text(q, 3), (const char *)sqlite3_column_text(q, 1),
                              (const char *)sqlite3_column_text(q, 4), (const char *)sqlite3_column_text(q, 2)};
        size_t len = (size_t)sqlite3_column_int64(q, 5);
        char *bytes = inflate_content(s->mem, sqlite3_column_blob(q, 6), (size_t)sqlite3_column_bytes(q, 6), len);
        if (!bytes) {
            snprintf(s->msg, sizeof s->msg, "article %s: its stored bytes are damaged", id ? id : "?");
            st = SITREP_EFORMAT;
            break;
        }
        sitrep_doc *doc = NULL;
        st = sitrep_doc_from_memory(id, bytes, len, &h, &s->opts, &doc);
        if (st == SITREP_OK)
            st = sitrep_corpus_add(s->corpus, doc);
        sitrep_doc_free(doc);
        s->mem->free(bytes);
    }
    sqlite3_finalize(q);
    return st;
}

/* The corpus of the stored articles, loaded once per batch: the whole
 * snapshot (corpus), then its parts in order (corpus_parts). */
static sitrep_status load_corpus(sitrep_store *s)
{
    if (s->corpus)
        return SITREP_OK;
    sr_store_base_drop(s);
    sitrep_status st = sitrep_corpus_new(&s->opts, &s->corpus);
    if (st != SITREP_OK)
        return st;
    s->corpus->stable_rows = true; /* the tables number the rows across batches */
    memset(&s->snap_from, 0, sizeof s->snap_from);
    s->snap_reset = false;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 0, bytes, data FROM corpus WHERE id = 1"
                           " UNION ALL SELECT 1, bytes, data FROM corpus_parts ORDER BY 1",
                           -1, &q, NULL) != SQLITE_OK)
        return db_fail(s, "reading the corpus");
    bool any = false;
    int rc;
    while (st == SITREP_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        /* the snapshot is kept compressed (a tenth of its size) */
        size_t len = (size_t)sqlite3_column_int64(q, 1);
        char *snap = inflate_content(s->mem, sqlite3_column_blob(q, 2), (size_t)sqlite3_column_bytes(q, 2), len);
        /* the first is whole (the corpus table's) or a part after nothing */
        st = !snap ? SITREP_EFORMAT
             : any || sqlite3_column_int(q, 0) ? sr_corpus_load_part(s->corpus, snap, len)
                                                : sr_corpus_load(s->corpus, snap, len);
        any = true;
        s->mem->free(snap);
    }
    sqlite3_finalize(q);
    if (st == SITREP_OK)
        sr_corpus_mark(s->corpus, &s->snap_from);
    if (st == SITREP_EFORMAT || (st == SITREP_OK && s->corpus->ndocs == 0 &&
                                 count_rows(s, "SELECT count(*) FROM articles") > 0)) {
        memset(&s->snap_from, 0, sizeof s->snap_from);
        s->snap_reset = true; /* the parts there are go: the next is all */
        /* another build's snapshot: made again from the articles */
        sitrep_corpus_free(s->corpus);
        s->corpus = NULL;
        st = sitrep_corpus_new(&s->opts, &s->corpus);
        if (st == SITREP_OK) {
            s->corpus->stable_rows = true;
            st = rebuild_corpus(s);
        }
    } else if (st == SITREP_OK) {
        st = base_keep(s);
    }
    if (st != SITREP_OK) {
        sr_store_base_drop(s);
        sitrep_corpus_free(s->corpus);
        s->corpus = NULL;
    }
    return st;
}

/* ---- batches ---- */

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static sitrep_status begin_batch(sitrep_store *s)
{
    if (s->in_batch)
        return SITREP_OK;
    if (s->read_only) {
        snprintf(s->msg, sizeof s->msg, "opened to be read only");
        return SITREP_EDB;
    }
    sitrep_status st = exec_what(s, "BEGIN IMMEDIATE", "starting a batch");
    if (st != SITREP_OK)
        return st;
    s->in_batch = true;
    s->batch_added = 0;
    sr_db_writer_beat(&s->writer, true);
    sr_store_step(s, SR_STEP_ADD);
    st = load_corpus(s);
    sr_store_step(s, SR_STEP_LOAD);
    if (st == SITREP_OK) {
        char t[32], sql[128];
        now_iso(t);
        snprintf(sql, sizeof sql, "INSERT INTO batches(started) VALUES('%s')", t);
        st = exec_what(s, sql, "starting a batch");
        s->batch = sqlite3_last_insert_rowid(s->db);
    }
    if (st != SITREP_OK)
        abandon_batch(s);
    return st;
}

/* 16 hex digits of a 64-bit hash of the bytes and their length. */
static void content_hash(const char *b, size_t n, char out[17])
{
    uint64_t h = sr_mix64((uint64_t)n);
    for (size_t i = 0; i < n; i += 4096)
        h = sr_mix64(h ^ sr_word_hash(b + i, n - i < 4096 ? n - i : 4096));
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

/* The article's row: its metadata and its bytes, compressed (z). */
static sitrep_status insert_article(sitrep_store *s, const char *id, const char *hash, const char *title,
                                    const char *outlet, const char *url, const char *published, size_t len,
                                    const void *z, size_t zlen)
{
    sqlite3_stmt *q = sr_db_stmt(s, "INSERT INTO articles(id, hash, batch, title, outlet, url, published, bytes,"
                                    " content) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!q)
        return sr_db_last(s);
    bind_text(q, 1, id);
    bind_text(q, 2, hash);
    sqlite3_bind_int64(q, 3, s->batch);
    bind_text(q, 4, title);
    bind_text(q, 5, outlet);
    bind_text(q, 6, url);
    bind_text(q, 7, published);
    sqlite3_bind_int64(q, 8, (sqlite3_int64)len);
    sqlite3_bind_blob64(q, 9, z, zlen, SQLITE_STATIC);
    return sr_db_done(s, q, "storing an article");
}

/* Is an article stored under `id`: KNOWN with this hash, ID_TAKEN with
 * another, ADDED (not yet) when none. */
static sitrep_status lookup_article(sitrep_store *s, const char *id, const char *hash, sitrep_store_outcome *out)
{
    sqlite3_stmt *q = sr_db_stmt(s, "SELECT hash FROM articles WHERE id = ?");
    if (!q)
        return sr_db_last(s);
    bind_text(q, 1, id);
    int rc = sqlite3_step(q);
    *out = SITREP_STORE_ADDED;
    if (rc == SQLITE_ROW)
        *out = strcmp((const char *)sqlite3_column_text(q, 0), hash) == 0 ? SITREP_STORE_KNOWN : SITREP_STORE_ID_TAKEN;
    sqlite3_reset(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SITREP_OK : sr_db_fail(s, "looking up an article");
}

sitrep_status sitrep_store_add(sitrep_store *s, const sitrep_doc *doc, sitrep_store_outcome *outcome)
{
    if (!s || !s->db || !doc)
        return SITREP_EARG;
    if (outcome)
        *outcome = SITREP_STORE_ADDED;
    size_t len;
    const char *bytes = sitrep_doc_source(doc, &len);
    const char *id = sitrep_doc_id(doc);
    char hash[17];
    content_hash(bytes, len, hash);
    sitrep_status st = begin_batch(s);
    if (st != SITREP_OK)
        return st;
    sr_db_writer_beat(&s->writer, false);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT hash FROM articles WHERE id = ?", -1, &q, NULL) != SQLITE_OK) {
        st = db_fail(s, "looking up an article");
        abandon_batch(s);
        return st;
    }
    bind_text(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        bool same = strcmp((const char *)sqlite3_column_text(q, 0), hash) == 0;
        sqlite3_finalize(q);
        if (outcome)
            *outcome = same ? SITREP_STORE_KNOWN : SITREP_STORE_ID_TAKEN;
        return SITREP_OK;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        st = db_fail(s, "looking up an article");
        abandon_batch(s);
        return st;
    }
    /* the bytes, compressed: to make the corpus again if ever needed */
    uLongf zlen = compressBound((uLong)len);
    Bytef *z = s->mem->calloc(1, zlen ? zlen : 1);
    if (!z)
        return SITREP_ENOMEM;
    if (compress2(z, &zlen, (const Bytef *)bytes, (uLong)len, 1) != Z_OK) {
        s->mem->free(z);
        return SITREP_ENOMEM;
    }
    st = sitrep_corpus_add(s->corpus, doc);
    if (st == SITREP_OK)
        st = insert_article(s, id, hash, sitrep_doc_title(doc), sitrep_doc_outlet(doc), sitrep_doc_url(doc),
                            sitrep_doc_published(doc), len, z, zlen);
    s->mem->free(z);
    if (st == SITREP_OK)
        s->batch_added++;
    else
        abandon_batch(s); /* the corpus may hold half of the article: dropped with the batch */
    return st;
}

static int cmp_id(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Does any id appear twice in docs[0..n)? */
static bool ids_repeat(const sitrep_mem *mem, const sr_cdoc *docs, size_t n, bool *repeat)
{
    const char **ids = mem->calloc(n ? n : 1, sizeof *ids);
    if (!ids)
        return false;
    for (size_t i = 0; i < n; i++)
        ids[i] = docs[i].id;
    qsort(ids, n, sizeof *ids, cmp_id);
    *repeat = false;
    for (size_t i = 1; i < n && !*repeat; i++)
        *repeat = strcmp(ids[i - 1], ids[i]) == 0;
    mem->free(ids);
    return true;
}

sitrep_status sitrep_store_add_corpus(sitrep_store *s, const sitrep_corpus *c, sitrep_store_article_fn report,
                                      void *ctx)
{
    if (!s || !s->db || !c)
        return SITREP_EARG;
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc);
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    if (c->finished || c->narticles != nd) {
        snprintf(s->msg, sizeof s->msg, "%s", c->finished ? "the corpus is finished: its articles cannot be added"
                 : "the corpus does not carry its articles (its shards were made without keeping them:"
                   " sitrep extract --articles)");
        return SITREP_EARG;
    }
    if (c->opts.json_flags != s->opts.json_flags || c->opts.skip != s->opts.skip) {
        snprintf(s->msg, sizeof s->msg, "the corpus was made with other options (--text) than the store's");
        return SITREP_EARG;
    }
    sitrep_status st = begin_batch(s);
    if (st != SITREP_OK)
        return st;
    /* each article checked (its document's, its bytes whole) and looked
     * up before anything is added: a damaged one leaves the batch as it was */
    char (*hashes)[17] = s->mem->calloc(nd ? nd : 1, sizeof *hashes);
    uint8_t *outcome = s->mem->calloc(nd ? nd : 1, 1);
    char *bytes = NULL;
    size_t cap = 0, at = 0, nnew = 0;
    bool repeat = false;
    if (!hashes || !outcome || !ids_repeat(s->mem, docs, nd, &repeat))
        st = SITREP_ENOMEM;
    for (size_t i = 0; i < nd && st == SITREP_OK; i++) {
        sr_article a;
        if (!sr_article_next(&c->articles, &at, &a) || strcmp(a.id, docs[i].id) != 0) {
            snprintf(s->msg, sizeof s->msg, "article %.200s: not the article of the corpus's document", docs[i].id);
            st = SITREP_EFORMAT;
            break;
        }
        if (a.len + 1 > cap) {
            s->mem->free(bytes);
            cap = a.len + 1;
            bytes = s->mem->calloc(1, cap);
            if (!bytes) {
                st = SITREP_ENOMEM;
                break;
            }
        }
        uLongf got = (uLongf)a.len;
        if (uncompress((Bytef *)bytes, &got, a.z, (uLong)a.zlen) != Z_OK || got != a.len) {
            snprintf(s->msg, sizeof s->msg, "article %.200s: its bytes are damaged", a.id);
            st = SITREP_EFORMAT;
            break;
        }
        content_hash(bytes, a.len, hashes[i]);
        sitrep_store_outcome o = SITREP_STORE_ADDED;
        st = lookup_article(s, a.id, hashes[i], &o);
        outcome[i] = (uint8_t)o;
        nnew += o == SITREP_STORE_ADDED;
    }
    if (st != SITREP_OK && st != SITREP_EFORMAT && st != SITREP_ENOMEM)
        abandon_batch(s); /* the database failed, as sitrep_store_add's lookup can */
    if (st == SITREP_OK && nnew == nd && !repeat) {
        /* none stored: the corpus's analysis is taken as it is */
        at = 0;
        for (size_t i = 0; i < nd && st == SITREP_OK; i++) {
            sr_article a;
            sr_article_next(&c->articles, &at, &a);
            st = insert_article(s, a.id, hashes[i], a.title, a.outlet, a.url, a.published, a.len, a.z, a.zlen);
        }
        if (st == SITREP_OK)
            st = sr_corpus_absorb_some(s->corpus, c, false, false);
        if (st == SITREP_OK) {
            s->batch_added += nd;
            for (size_t i = 0; i < nd && report; i++)
                report(docs[i].id, SITREP_STORE_ADDED, ctx);
        } else {
            abandon_batch(s);
        }
    } else if (st == SITREP_OK) {
        /* some stored already: their documents are part of what the corpus
         * says of its entities, so the new articles are analysed again, one
         * by one, as the store reads its articles again (rebuild_corpus) */
        at = 0;
        for (size_t i = 0; i < nd && st == SITREP_OK; i++) {
            sr_article a;
            sr_article_next(&c->articles, &at, &a);
            sitrep_store_outcome o = (sitrep_store_outcome)outcome[i];
            if (o == SITREP_STORE_ADDED) {
                uLongf got = (uLongf)a.len;
                uncompress((Bytef *)bytes, &got, a.z, (uLong)a.zlen);
                sitrep_doc_hints h = {a.url, a.title, a.published, a.outlet};
                sitrep_doc *doc = NULL;
                st = sitrep_doc_from_memory(a.id, bytes, a.len, &h, &s->opts, &doc);
                if (st == SITREP_OK) {
                    st = sitrep_store_add(s, doc, &o); /* a repeated id: KNOWN or ID_TAKEN now */
                } else {
                    snprintf(s->msg, sizeof s->msg, "article %.200s: %s", a.id, sitrep_strerror(st));
                    abandon_batch(s); /* the batch holds some of the corpus's articles */
                }
                sitrep_doc_free(doc);
            }
            if (st == SITREP_OK && report)
                report(a.id, o, ctx);
        }
    }
    s->mem->free(bytes);
    s->mem->free(hashes);
    s->mem->free(outcome);
    return st;
}

/* The rows added since `from` as a part of the snapshot, compressed fast
 * (zlib level 1: a tenth of the bytes for a tenth of a second per 40 MB),
 * stored as part `seq`. */
static sitrep_status save_part(sitrep_store *s, const sr_snap_mark *from, int64_t seq, int64_t *zbytes)
{
    sr_buf snap;
    sr_buf_init(&snap, s->mem);
    sitrep_status st = sr_corpus_save_part(s->corpus, from, &snap);
    uLongf zlen = compressBound((uLong)snap.len);
    Bytef *z = st == SITREP_OK ? s->mem->calloc(1, zlen ? zlen : 1) : NULL;
    if (st == SITREP_OK && (!z || compress2(z, &zlen, (const Bytef *)snap.data, (uLong)snap.len, 1) != Z_OK))
        st = SITREP_ENOMEM;
    sqlite3_stmt *q = st == SITREP_OK ? sr_db_stmt(s, "INSERT INTO corpus_parts(seq, bytes, data, mark)"
                                                      " VALUES(?, ?, ?, ?)")
                                      : NULL;
    if (q) {
        sqlite3_bind_int64(q, 1, seq);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)snap.len);
        sqlite3_bind_blob64(q, 3, z, zlen, SQLITE_STATIC);
        sqlite3_bind_blob(q, 4, from, sizeof *from, SQLITE_STATIC);
        st = sr_db_done(s, q, "storing the corpus");
        if (zbytes)
            *zbytes = (int64_t)zlen;
    } else if (st == SITREP_OK) {
        st = sr_db_last(s);
    }
    s->mem->free(z);
    sr_buf_free(&snap);
    return st;
}

/* The snapshot saved: the batch's rows as a new part; then, while the
 * newest parts together are as large as the one before them, they and it
 * merged into one part (saved again from its mark), so that a batch
 * writes its own rows and, now and then, parts that grew by doubling: a
 * row is written again about log2(batches) times, not once per batch.
 * The doubling stops at twice the batch's part (or SR_PART_MIN, if
 * larger): a merge makes no part larger, so no batch writes (or holds in
 * memory, to write) more than about two batches' rows however large the
 * store grows (it rewrote the whole snapshot, every doubling, before);
 * the parts are then about store / (2 batches) + 2.  Only past
 * SR_MAX_PARTS parts are the newest merged beyond it. */
enum { SR_MAX_PARTS = 4096 };
static sitrep_status save_snapshot(sitrep_store *s)
{
    sitrep_status st = SITREP_OK;
    if (s->snap_reset)
        st = exec_what(s, "DELETE FROM corpus; DELETE FROM corpus_parts", "storing the corpus");
    sqlite3_stmt *q = st == SITREP_OK ? sr_db_stmt(s, "SELECT coalesce(max(seq), 0) + 1 FROM corpus_parts") : NULL;
    int64_t seq = 1;
    if (q && sqlite3_step(q) == SQLITE_ROW)
        seq = sqlite3_column_int64(q, 0);
    else if (st == SITREP_OK)
        st = sr_db_fail(s, "storing the corpus");
    if (q)
        sqlite3_reset(q);
    int64_t new_bytes = 0;
    if (st == SITREP_OK)
        st = save_part(s, &s->snap_from, seq, &new_bytes);
    int64_t part_max = s->part_max ? s->part_max : 2 * new_bytes > SR_PART_MIN ? 2 * new_bytes : SR_PART_MIN;
    /* the parts, newest first (the whole snapshot, if any, as part 0):
     * read while merging may take them (their sizes below part_max, or
     * too many parts) */
    typedef struct part {
        int64_t seq, size;
        sr_snap_mark mark;
    } part;
    size_t n = 0, cap = 0;
    part *ps = NULL;
    q = st == SITREP_OK ? sr_db_stmt(s, "SELECT seq, length(data), mark, (SELECT count(*) FROM corpus_parts) +"
                                        " (SELECT count(*) FROM corpus) FROM corpus_parts UNION ALL"
                                        " SELECT 0, length(data), NULL, 0 FROM corpus ORDER BY 1 DESC")
                        : NULL;
    if (!q && st == SITREP_OK)
        st = sr_db_last(s);
    int rc = SQLITE_DONE;
    int64_t acc = 0, nparts = 0;
    while (q && st == SITREP_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            part *grown = s->mem->calloc(cap, sizeof *grown);
            if (!grown) {
                st = SITREP_ENOMEM;
                break;
            }
            if (n)
                memcpy(grown, ps, n * sizeof *ps);
            s->mem->free(ps);
            ps = grown;
        }
        part *p = &ps[n];
        p->seq = sqlite3_column_int64(q, 0);
        p->size = sqlite3_column_int64(q, 1);
        memset(&p->mark, 0, sizeof p->mark);
        if (sqlite3_column_bytes(q, 2) == (int)sizeof p->mark)
            memcpy(&p->mark, sqlite3_column_blob(q, 2), sizeof p->mark);
        if (n == 0)
            nparts = sqlite3_column_int64(q, 3);
        n++;
        /* parts [0, k] merged: the newest ones while, together, they are
         * as large as the one before them or larger and the merged part
         * stays within part_max (always when there are too many parts):
         * parts of one batch, two, four, ... as a binary counter */
        bool more = n == 1 || (acc >= p->size && acc + p->size <= part_max) ||
                    nparts - (int64_t)n + 1 >= SR_MAX_PARTS;
        if (!more) {
            n--;
            break;
        }
        acc += p->size;
    }
    if (q) {
        if (st == SITREP_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
            st = sr_db_fail(s, "reading the corpus's parts");
        sqlite3_reset(q);
    }
    size_t k = n ? n - 1 : 0;
    if (st == SITREP_OK && k > 0) {
        char sql[160];
        snprintf(sql, sizeof sql, "DELETE FROM corpus_parts WHERE seq >= %lld;%s", (long long)ps[k].seq,
                 ps[k].seq == 0 ? " DELETE FROM corpus;" : "");
        st = exec_what(s, sql, "storing the corpus");
        if (st == SITREP_OK)
            st = save_part(s, &ps[k].mark, ps[k].seq == 0 ? 1 : ps[k].seq, NULL);
    }
    s->mem->free(ps);
    return st;
}

sitrep_status sitrep_store_commit(sitrep_store *s)
{
    if (!s || !s->db)
        return SITREP_EARG;
    if (!s->in_batch)
        return SITREP_OK;
    sitrep_status st = SITREP_OK;
    sr_db_writer_beat(&s->writer, true);
    sr_store_step(s, SR_STEP_ADD);
    if (s->batch_added) {
        /* the snapshot before finishing (finishing changes the corpus) */
        st = save_snapshot(s);
        sr_store_step(s, SR_STEP_SAVE);
        /* the tables made again from everything stored */
        if (st == SITREP_OK)
            st = sitrep_corpus_finish(s->corpus);
        sr_store_step(s, SR_STEP_FINISH);
        sr_db_writer_beat(&s->writer, true);
        if (st == SITREP_OK)
            st = sr_store_fill(s, s->corpus);
        /* the finished corpus is not the one to add to: the next batch
         * loads the snapshot */
        sitrep_corpus_free(s->corpus);
        s->corpus = NULL;
    }
    sr_store_base_drop(s);
    if (st == SITREP_OK) {
        char t[32], sql[160];
        now_iso(t);
        snprintf(sql, sizeof sql, "UPDATE batches SET committed = '%s', articles = %zu WHERE id = %lld", t,
                 s->batch_added, (long long)s->batch);
        st = exec_what(s, s->batch_added ? sql : "SELECT 1", "ending the batch");
        if (!s->batch_added && st == SITREP_OK) {
            snprintf(sql, sizeof sql, "DELETE FROM batches WHERE id = %lld", (long long)s->batch);
            st = exec_what(s, sql, "ending the batch"); /* a batch that added nothing leaves no trace */
        }
    }
    if (st == SITREP_OK)
        st = exec_what(s, "COMMIT", "committing the batch");
    sr_store_step(s, SR_STEP_COMMIT);
    if (st != SITREP_OK) {
        abandon_batch(s);
        return st;
    }
    sr_db_writer_done(&s->writer);
    s->in_batch = false;
    return st;
}

/* Is d "YYYY-MM-DD"? */
static bool iso_day(const char *d)
{
    if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return false;
    return true;
}

sitrep_status sitrep_store_prune(sitrep_store *s, const char *before, size_t *removed)
{
    if (removed)
        *removed = 0;
    if (!s || !s->db)
        return SITREP_EARG;
    if (s->in_batch || !iso_day(before)) {
        snprintf(s->msg, sizeof s->msg, "%s", s->in_batch ? "a batch is open: commit it before pruning"
                                                          : "the date is not YYYY-MM-DD");
        return SITREP_EARG;
    }
    if (s->read_only) {
        snprintf(s->msg, sizeof s->msg, "opened to be read only");
        return SITREP_EDB;
    }
    sitrep_status st = exec_what(s, "BEGIN IMMEDIATE", "starting to prune");
    if (st != SITREP_OK)
        return st;
    s->in_batch = true;
    s->batch_added = 0;
    sr_db_writer_beat(&s->writer, true);
    /* a document's date: published, else inferred (docs.date, indexed) */
    sqlite3_stmt *q = sr_db_stmt(s, "DELETE FROM articles WHERE id IN"
                                    " (SELECT id FROM docs WHERE date IS NOT NULL AND date < ?)");
    if (!q) {
        st = sr_db_last(s);
    } else {
        sqlite3_bind_text(q, 1, before, -1, SQLITE_TRANSIENT);
        st = sr_db_done(s, q, "removing articles");
    }
    size_t n = st == SITREP_OK ? (size_t)sqlite3_changes(s->db) : 0;
    if (st == SITREP_OK && n) {
        /* the corpus of the articles that remain, its snapshot and every
         * table (names too) made again from it, as a migration does */
        sitrep_corpus_free(s->corpus);
        s->corpus = NULL;
        sr_store_base_drop(s);
        memset(&s->snap_from, 0, sizeof s->snap_from);
        s->snap_reset = true;
        st = sitrep_corpus_new(&s->opts, &s->corpus);
        if (st == SITREP_OK) {
            s->corpus->stable_rows = true; /* as load_corpus's */
            st = rebuild_corpus(s);
        }
        sr_db_writer_beat(&s->writer, true);
        if (st == SITREP_OK)
            st = save_snapshot(s);
        if (st == SITREP_OK)
            st = sitrep_corpus_finish(s->corpus);
        sr_db_writer_beat(&s->writer, true);
        if (st == SITREP_OK)
            st = sr_store_fill(s, s->corpus);
        sitrep_corpus_free(s->corpus);
        s->corpus = NULL;
        /* batches that no stored article came in go */
        if (st == SITREP_OK)
            st = exec_what(s, "DELETE FROM batches WHERE id NOT IN (SELECT batch FROM articles)", "removing batches");
    }
    if (st == SITREP_OK)
        st = exec_what(s, "COMMIT", "committing the prune");
    if (st != SITREP_OK) {
        abandon_batch(s);
        return st;
    }
    sr_db_writer_done(&s->writer);
    s->in_batch = false;
    if (removed)
        *removed = n;
    return SITREP_OK;
}

bool sitrep_store_has(sitrep_store *s, const char *id, const char *bytes, size_t len)
{
    if (!s || !s->db || !id || (!bytes && len))
        return false;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT hash FROM articles WHERE id = ?", -1, &q, NULL) != SQLITE_OK)
        return false; /* the add that follows says why */
    bind_text(q, 1, id);
    bool same = false;
    if (sqlite3_step(q) == SQLITE_ROW) {
        char hash[17];
        content_hash(bytes ? bytes : "", len, hash);
        same = strcmp((const char *)sqlite3_column_text(q, 0), hash) == 0;
    }
    sqlite3_finalize(q);
    return same;
}

/* The tables from the snapshot the store keeps (made again from the
 * articles when another build wrote it): schema 2's from schema 1's, and
 * schema 3's conflicts with their kinds. */
static sitrep_status fill_from_snapshot(sitrep_store *s)
{
    if (count_rows(s, "SELECT count(*) FROM articles") <= 0)
        return SITREP_OK;
    sitrep_status st = load_corpus(s);
    sr_store_base_drop(s); /* every table made again */
    if (st == SITREP_OK)
        st = sitrep_corpus_finish(s->corpus);
    if (st == SITREP_OK)
        st = sr_store_fill(s, s->corpus);
    sitrep_corpus_free(s->corpus);
    s->corpus = NULL;
    return st;
}
