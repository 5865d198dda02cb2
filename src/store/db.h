/*
 * db.h -- the inside of sitrep_store, shared by its files: store.c (the
 * database, its schema and batches), tables.c (the tables written from a
 * corpus), records.c (records, queries and the report's view read back).
 */
#ifndef SITREP_STORE_DB_H
#define SITREP_STORE_DB_H

#include "corpus/corpus.h"
#include "store/dberr.h"
#include "store/store.h"

#include <jansson.h>
#include <sqlite3.h>

#define SR_STMT_CACHE 96

/* The steps of a batch a profile tells apart (sr_store_step). */
enum {
    SR_STEP_LOAD,      /* the snapshot read and loaded */
    SR_STEP_ADD,       /* articles analysed (by the caller), added to the corpus and stored */
    SR_STEP_SAVE,      /* the snapshot saved, compressed and written */
    SR_STEP_FINISH,    /* the corpus finished: stories, dating, corroboration */
    SR_STEP_DOCS,      /* tables.c: the cross-article tables emptied, documents, stories */
    SR_STEP_ENTITIES,  /* entities, mentions, surface forms */
    SR_STEP_CLAIMS,    /* claims and merged claims */
    SR_STEP_EVENTS,    /* events and merged events */
    SR_STEP_REST,      /* conflicts, trends, trend sentences */
    SR_STEP_COMMIT,    /* the transaction committed */
    SR_STEP_CLOSE,     /* the database closed (the WAL checkpointed) */
    SR_STEPS
};

struct sitrep_store {
    sitrep_options opts;
    const sitrep_mem *mem;
    sqlite3 *db;
    sitrep_corpus *corpus;    /* the stored articles' corpus, unfinished; NULL until needed */
    bool in_batch;
    bool read_only;           /* opened by sitrep_store_open_read */
    int64_t batch;            /* the open batch's id */
    size_t batch_added;
    sr_db_writer writer;      /* this writer's mark, and the wait for others (dberr.c) */
    sitrep_status last;       /* the status of the last failure (sr_db_fail) */
    /* what the tables held when the batch began, when they are the loaded
     * snapshot's (base_ok): the entities as they were and how many
     * mentions there were, so that the batch writes only the entities,
     * mentions and surface forms that changed */
    bool base_ok;
    size_t base_mentions, base_nentities;
    sr_centity *base_entities;
    /* the documents there were, and which of them were undated (analysed
     * again when finishing): a dated stored document's rows of claims,
     * events and trend sentences stay as they are */
    size_t base_ndocs;
    uint8_t *base_undated;
    /* the corpus's rows the stored snapshot holds (the batch's rows are
     * saved as a part after them, store.c save_snapshot); snap_reset: the
     * stored snapshot is not the corpus's (made again from the articles) */
    sr_snap_mark snap_from;
    bool snap_reset;
    /* the largest part (compressed bytes) that merging the newest parts
     * makes (store.c save_snapshot): SITREP_STORE_PART_MAX's bytes (tests
     * make many parts with it), else 0: twice the batch's part */
    int64_t part_max;
    /* CPU seconds of each step of the batches since the store opened
     * (sr_store_step), printed when it closes with SITREP_STORE_PROFILE
     * set: what a batch spends where, for bench/ingest_scale.sh */
    double step_cpu[SR_STEPS], step_mark;
    bool profile;
    /* the names (kind, name) the tables being filled hold already
     * (tables.c add_name), while sr_store_fill runs: each is asked of the
     * names table once per batch, not once per row naming it */
    struct sr_names_seen *names_seen;
    struct {
        const char *sql;      /* a string literal: the cache compares pointers */
        sqlite3_stmt *stmt;
    } cache[SR_STMT_CACHE];
    size_t ncache;
    char msg[512];
};

/* The failure of the last SQLite call: its status (EFULL, EBUSY, EDB,
 * ENOMEM: sr_db_status) and the message naming it and `what` was being
 * done (sr_db_message). */
sitrep_status sr_db_fail(sitrep_store *s, const char *what);
/* The status sr_db_fail gave last (what a caller of sr_db_stmt returns
 * when it gets NULL). */
static inline sitrep_status sr_db_last(const sitrep_store *s)
{
    return s->last != SITREP_OK ? s->last : SITREP_EDB;
}
/* Runs SQL without results; sr_db_fail's status and message on failure. */
sitrep_status sr_db_exec(sitrep_store *s, const char *sql);
/* The prepared statement of `sql` (a string literal, kept prepared until
 * the store closes), reset with its bindings cleared; NULL on failure
 * (the message set). */
sqlite3_stmt *sr_db_stmt(sitrep_store *s, const char *sql);
/* Binds s, or NULL when s is NULL. */
void sr_db_text(sqlite3_stmt *q, int i, const char *v);
/* Steps a statement that returns no row: SQLITE_DONE or the failure. */
sitrep_status sr_db_done(sitrep_store *s, sqlite3_stmt *q, const char *what);

/* tables.c: every table made from the finished corpus c (all the stored
 * articles), replacing what they held; with s->base_ok, the entities,
 * their mentions and surface forms, the names queries match, the
 * documents and each document's claims, events and trend sentences are
 * only brought up to date (rows of the new and undated documents written,
 * entities that changed, a document's story and near-copy and a claim's or
 * event's group where they changed). */
sitrep_status sr_store_fill(sitrep_store *s, sitrep_corpus *c);

/* The JSON of `o` (compact, in order, as the records are written) appended
 * to out; the last byte dropped with `open` (an object left open for the
 * fields that follow). */
bool sr_json_append(sr_buf *out, json_t *o, bool open);

/* store.c: the CPU seconds since the last call charged to `step` (with
 * s->profile; a no-op without). */
void sr_store_step(sitrep_store *s, int step);

/* store.c: forgets the batch's base (s->base_ok false). */
void sr_store_base_drop(sitrep_store *s);

#endif
