/*
 * tables.c -- a finished corpus into the store's tables (store.c has the
 * schema): a row per document, story, group of near-copies, index entry,
 * entity, entity and document (its mentions there), claim and event of
 * an article, merged claim and event, conflict, trend and trend sentence.
 *
 * The long lists of the records are not written whole: a merged claim's
 * row holds its record up to its sources (`head`), the sources are its
 * member claims' (each claim's row holds its spans' JSON), and an
 * entity's mentions are rows of their own; records.c puts a record
 * together again from these, byte for byte the one the corpus writes.
 */
#include "store/db.h"

#include "corpus/record.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sr_json_append(sr_buf *out, json_t *o, bool open)
{
    if (!o)
        return false;
    size_t at = out->len;
    bool ok = json_dump_callback(o, sr_buf_write_cb, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8)) == 0;
    if (ok && open && out->len > at)
        out->len--; /* the closing brace */
    return ok;
}

/* Appends the JSON of each span of rows [k0, k0 + n) of `spans` (the
 * corpus's, on disk: read into `rows`) to out, comma-separated. */
static sitrep_status spans_json(const sitrep_corpus *c, const sr_rows *spans, size_t k0, size_t n, sr_buf *rows,
                                sr_buf *out)
{
    sitrep_status st = sr_rows_load(spans, k0, n, rows);
    const sr_cspan *sp = (const sr_cspan *)(const void *)rows->data;
    bool ok = true;
    sr_buf quote; /* each span's, kept on disk (corpus.c) */
    sr_buf_init(&quote, c->mem);
    for (size_t i = 0; i < n && ok && st == SITREP_OK; i++) {
        st = sr_corpus_span_quote(c, &sp[i], &quote);
        if (st != SITREP_OK)
            break;
        json_t *o = sr_rec_span(sp[i].doc, sp[i].start, sp[i].end, quote.data, sp[i].quote_len);
        ok = (i == 0 || sr_buf_putc(out, ',')) && sr_json_append(out, o, false);
        json_decref(o);
    }
    sr_buf_free(&quote);
    return st != SITREP_OK ? st : ok ? SITREP_OK : SITREP_ENOMEM;
}

/* A mention's JSON without its document (`"start":..,"end":..,"quote":..`),
 * appended to out: the entity's mentions of one document are kept so. */
static bool mention_json(const sr_cmention *m, sr_buf *out)
{
    json_t *o = sr_rec_span(m->doc, m->start, m->end, m->quote, m->quote_len);
    sr_buf one;
    sr_buf_init(&one, out->mem);
    bool ok = sr_json_append(&one, o, false);
    json_decref(o);
    /* `,"start":` cannot be inside the document's string (a quote there is
     * escaped): what follows it is the rest of the object */
    const char *at = NULL;
    for (size_t i = 0; ok && i + 9 <= one.len && !at; i++)
        if (memcmp(one.data + i, ",\"start\":", 9) == 0)
            at = one.data + i + 1;
    ok = ok && at && sr_buf_put(out, at, (size_t)(one.data + one.len - 1 - at));
    sr_buf_free(&one);
    return ok;
}

static void bind_day(sqlite3_stmt *q, int i, int32_t day)
{
    if (day == INT32_MIN)
        sqlite3_bind_null(q, i);
    else
        sqlite3_bind_int64(q, i, day);
}

static void bind_real(sqlite3_stmt *q, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(q, i);
    else
        sqlite3_bind_double(q, i, v);
}

static void bind_date(sqlite3_stmt *q, int i, const char *d)
{
    sr_db_text(q, i, d && d[0] ? d : NULL);
}

/* The names the tables being filled hold already (sitrep_store's
 * names_seen): open addressing over the names' hashes; the names are the
 * corpus's strings, alive while sr_store_fill runs. */
struct sr_names_seen {
    size_t n, cap; /* cap a power of two, at most half full */
    struct seen_name {
        uint64_t h;
        const char *name; /* NULL: an empty slot */
        int kind;
    } *v;
};

static uint64_t h_str(uint64_t h, const char *v);
static uint64_t h_int(uint64_t h, int64_t v);

/* Is (kind, name) in the set?  Added when not (false).  *ok false when
 * the set could not grow (the name is then written, as without it). */
static bool name_seen(sitrep_store *s, int kind, const char *name, bool *ok)
{
    struct sr_names_seen *ns = s->names_seen;
    *ok = true;
    if (!ns)
        return false;
    if (2 * (ns->n + 1) > ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 1024;
        struct seen_name *v = s->mem->calloc(cap, sizeof *v);
        if (!v) {
            *ok = false;
            return false;
        }
        for (size_t i = 0; i < ns->cap; i++)
            if (ns->v[i].name) {
                size_t j = (size_t)ns->v[i].h & (cap - 1);
                while (v[j].name)
                    j = (j + 1) & (cap - 1);
                v[j] = ns->v[i];
            }
        s->mem->free(ns->v);
        ns->v = v;
        ns->cap = cap;
    }
    uint64_t h = h_str(h_int(0xCBF29CE484222325ull, kind), name);
    size_t j = (size_t)h & (ns->cap - 1);
    for (; ns->v[j].name; j = (j + 1) & (ns->cap - 1))
        if (ns->v[j].h == h && ns->v[j].kind == kind && strcmp(ns->v[j].name, name) == 0)
            return true;
    ns->v[j] = (struct seen_name){h, name, kind};
    ns->n++;
    return false;
}

static sitrep_status add_name(sitrep_store *s, int kind, const char *name)
{
    if (!name || !name[0])
        return SITREP_OK;
    bool ok;
    if (name_seen(s, kind, name, &ok))
        return SITREP_OK;
    sqlite3_stmt *q = sr_db_stmt(s, "INSERT OR IGNORE INTO names(kind, name) VALUES(?, ?)");
    if (!q)
        return sr_db_last(s);
    sqlite3_bind_int(q, 1, kind);
    sr_db_text(q, 2, name);
    return sr_db_done(s, q, "storing a name");
}

static int cmp_mention(const void *a, const void *b)
{
    const sr_cmention *x = *(const sr_cmention *const *)a, *y = *(const sr_cmention *const *)b;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    int c = strcmp(x->doc, y->doc);
    if (c)
        return c;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_pair(const void *a, const void *b)
{
    const int64_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* ---- what a batch keeps ---- */

/* Are document d's rows (its own, its claims', events' and trend
 * sentences') those of the base?  A dated stored document's analysis
 * never changes: only its story, near-copy and groups may. */
static bool kept_doc(const sitrep_store *s, size_t d)
{
    return s->base_ok && d < s->base_ndocs && !s->base_undated[d];
}

/* The values of column 1 of `sql` (rows of key, value: a covering index
 * scan) by key in [0, n), INT64_MIN where no row (or NULL). */
static sitrep_status old_values(sitrep_store *s, const char *sql, size_t n, int64_t **out)
{
    int64_t *v = s->mem->calloc(n ? n : 1, sizeof *v);
    if (!v)
        return SITREP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        v[i] = INT64_MIN;
    sqlite3_stmt *q = sr_db_stmt(s, sql);
    if (!q) {
        s->mem->free(v);
        return sr_db_last(s);
    }
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t k = sqlite3_column_int64(q, 0);
        if (k >= 0 && (uint64_t)k < n && sqlite3_column_type(q, 1) != SQLITE_NULL)
            v[k] = sqlite3_column_int64(q, 1);
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE) {
        s->mem->free(v);
        return sr_db_fail(s, "reading the stored rows");
    }
    *out = v;
    return SITREP_OK;
}

/* The rows of the base's undated documents go (they are written again). */
static sitrep_status drop_undated(sitrep_store *s)
{
    sitrep_status st = SITREP_OK;
    for (size_t d = 0; d < s->base_ndocs && st == SITREP_OK; d++) {
        if (!s->base_undated[d])
            continue;
        static const char *const sql[] = {"DELETE FROM claims WHERE doc = ?", "DELETE FROM events WHERE doc = ?",
                                          "DELETE FROM trendwords WHERE doc = ?", "DELETE FROM docs WHERE n = ?"};
        for (size_t k = 0; k < sizeof sql / sizeof sql[0] && st == SITREP_OK; k++) {
            sqlite3_stmt *q = sr_db_stmt(s, sql[k]);
            if (!q)
                return sr_db_last(s);
            sqlite3_bind_int64(q, 1, (int64_t)d);
            st = sr_db_done(s, q, "dropping an undated document's rows");
        }
    }
    return st;
}

/* A kept row's group, brought up to date (`sql`: UPDATE ... SET grp = ?1
 * WHERE key = ?2). */
static sitrep_status set_group(sitrep_store *s, const char *sql, size_t i, int64_t group)
{
    sqlite3_stmt *q = sr_db_stmt(s, sql);
    if (!q)
        return sr_db_last(s);
    sqlite3_bind_int64(q, 1, group);
    sqlite3_bind_int64(q, 2, (int64_t)i);
    return sr_db_done(s, q, "storing a group");
}

/* ---- merged rows written only where they changed ---- */

/* A merged claim or event is keyed by its first member (a claim's or
 * event's number, which a stored dated document's claims and events keep
 * from batch to batch) and carries a hash of everything written for it
 * (its row and the rows that hang from it): a batch writes the merged
 * rows whose hash changed and deletes those no longer made, so that a
 * store's cost per batch is not its number of merged claims and events
 * in writes. */
static uint64_t h_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ull;
    return h;
}

static uint64_t h_str(uint64_t h, const char *v)
{
    if (!v)
        return h_bytes(h, "\x01", 1);
    return h_bytes(h_bytes(h, v, strlen(v)), "", 1);
}

static uint64_t h_int(uint64_t h, int64_t v)
{
    return h_bytes(h, &v, sizeof v);
}

#define H_SEED 0xCBF29CE484222325ull

/* The stored merged rows: keys and hashes, by key, and which of them the
 * batch made again. */
typedef struct stored_rows {
    int64_t *key;
    int64_t *h;
    uint8_t *seen;
    size_t n;
} stored_rows;

static void stored_free(sitrep_store *s, stored_rows *r)
{
    s->mem->free(r->key);
    s->mem->free(r->h);
    s->mem->free(r->seen);
    memset(r, 0, sizeof *r);
}

/* A row's hash from its columns [from, ...) as read (integers, texts and
 * NULLs; no column of the rows hashed so holds a real or a blob): the
 * hash a row written from the same values gets with h_int and h_str, a
 * NULL hashed as h_str(NULL). */
static uint64_t columns_hash(sqlite3_stmt *q, int from)
{
    uint64_t h = H_SEED;
    for (int i = from; i < sqlite3_column_count(q); i++)
        switch (sqlite3_column_type(q, i)) {
        case SQLITE_INTEGER:
            h = h_int(h, sqlite3_column_int64(q, i));
            break;
        case SQLITE_NULL:
            h = h_str(h, NULL);
            break;
        default:
            h = h_str(h, (const char *)sqlite3_column_text(q, i));
            break;
        }
    return h;
}

/* The rows of `sql` (key, then one hash or the columns to hash, by key);
 * a row of a key found (stored_same) is marked seen. */
static sitrep_status stored_read(sitrep_store *s, const char *sql, stored_rows *r)
{
    memset(r, 0, sizeof *r);
    sqlite3_stmt *q = sr_db_stmt(s, sql);
    if (!q)
        return sr_db_last(s);
    size_t cap = 0;
    int rc;
    sitrep_status st = SITREP_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (r->n == cap) {
            cap = cap ? cap * 2 : 1024;
            int64_t *k = s->mem->calloc(cap, sizeof *k), *h = s->mem->calloc(cap, sizeof *h);
            if (!k || !h) {
                s->mem->free(k);
                s->mem->free(h);
                st = SITREP_ENOMEM;
                break;
            }
            if (r->n) {
                memcpy(k, r->key, r->n * sizeof *k);
                memcpy(h, r->h, r->n * sizeof *h);
            }
            s->mem->free(r->key);
            s->mem->free(r->h);
            r->key = k;
            r->h = h;
        }
        r->key[r->n] = sqlite3_column_int64(q, 0);
        /* a row of an older layout has no hash: made again */
        if (sqlite3_column_count(q) > 2)
            r->h[r->n] = (int64_t)columns_hash(q, 1);
        else
            r->h[r->n] = sqlite3_column_type(q, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64(q, 1);
        r->n++;
    }
    sqlite3_reset(q);
    if (st == SITREP_OK && rc != SQLITE_DONE)
        st = sr_db_fail(s, "reading the stored rows");
    /* by key (the index gives them by hash): keys and hashes sorted together */
    if (st == SITREP_OK && r->n) {
        int64_t (*pairs)[2] = s->mem->calloc(r->n, sizeof *pairs);
        r->seen = s->mem->calloc(r->n, 1);
        if (!pairs || !r->seen) {
            s->mem->free(pairs);
            st = SITREP_ENOMEM;
        } else {
            for (size_t i = 0; i < r->n; i++) {
                pairs[i][0] = r->key[i];
                pairs[i][1] = r->h[i];
            }
            qsort(pairs, r->n, sizeof *pairs, cmp_pair);
            for (size_t i = 0; i < r->n; i++) {
                r->key[i] = pairs[i][0];
                r->h[i] = pairs[i][1];
            }
            s->mem->free(pairs);
        }
    }
    if (st != SITREP_OK)
        stored_free(s, r);
    return st;
}

/* Is the row of `key` stored with hash h (marked seen)?  *had says whether
 * a row of that key is stored at all. */
static bool stored_same(stored_rows *r, int64_t key, int64_t h, bool *had)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->key[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    *had = lo < r->n && r->key[lo] == key;
    if (!*had)
        return false;
    r->seen[lo] = 1;
    return r->h[lo] == h;
}

/* The hash of what a merged claim or event is made from: its id, the
 * member it shows (rep) and its members, numbers of claims or events
 * (items of `size` bytes, their document's index at `doc_at`).  A stored
 * dated document's claims and events never change (kept_doc), so a merged
 * row whose members are all such (*kept) and whose hash is the stored one
 * is what is stored: it is neither made again nor written. */
static uint64_t group_hash(const sitrep_store *s, const char *id, uint32_t rep, const uint32_t *members, size_t n,
                           const void *items, size_t size, size_t doc_at, bool *kept)
{
    uint64_t h = h_int(h_int(h_str(H_SEED, id), rep), (int64_t)n);
    *kept = s->base_ok;
    for (size_t j = 0; j < n; j++) {
        uint32_t d;
        memcpy(&d, (const char *)items + (size_t)members[j] * size + doc_at, sizeof d);
        *kept = *kept && kept_doc(s, d);
        h = h_int(h, members[j]);
    }
    return h;
}

/* Runs each of sql[0..n) (DELETE ... WHERE g = ?) for key. */
static sitrep_status delete_key(sitrep_store *s, const char *const *sql, size_t n, int64_t key)
{
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        sqlite3_stmt *q = sr_db_stmt(s, sql[i]);
        if (!q)
            return sr_db_last(s);
        sqlite3_bind_int64(q, 1, key);
        st = sr_db_done(s, q, "dropping a merged row");
    }
    return st;
}

/* The stored rows the batch did not make again go. */
static sitrep_status delete_unseen(sitrep_store *s, const stored_rows *r, const char *const *sql, size_t n)
{
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < r->n && st == SITREP_OK; i++)
        if (!r->seen[i])
            st = delete_key(s, sql, n, r->key[i]);
    return st;
}

/* ---- documents, stories, near-copies, the linking's indexes ---- */

static const char *const story_rows[] = {"DELETE FROM stories WHERE k = ?"};
static const char *const dup_rows[] = {"DELETE FROM dups WHERE k = ?"};
static const char *const conflict_rows[] = {"DELETE FROM conflicts WHERE a = ?1 >> 32 AND b = ?1 & 4294967295"};

static sitrep_status fill_docs(sitrep_store *s, sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->docs, sr_cdoc), ns = SR_VEC_COUNT(&c->stories, sr_cstory);
    sr_cdoc *docs = (sr_cdoc *)(void *)c->docs.data;
    const sr_cstory *stories = (const sr_cstory *)(const void *)c->stories.data;
    /* per story: its days seen, its earliest dated document, its size */
    const char **fs = s->mem->calloc(ns + 1, sizeof *fs), **ls = s->mem->calloc(ns + 1, sizeof *ls);
    int64_t *earliest = s->mem->calloc(ns + 1, sizeof *earliest), *size = s->mem->calloc(ns + 1, sizeof *size);
    int64_t *dupsize = s->mem->calloc(n + 1, sizeof *dupsize);
    sr_buf rec; /* a document's record, read back */
    sr_buf_init(&rec, s->mem);
    sitrep_status st = fs && ls && earliest && size && dupsize ? SITREP_OK : SITREP_ENOMEM;
    for (size_t k = 0; k < ns && st == SITREP_OK; k++)
        earliest[k] = -1;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        const sr_cdoc *d = &docs[i];
        size_t k = (size_t)d->story;
        const char *date = d->published[0] ? d->published : d->inferred;
        if (date[0] && (!fs[k] || strcmp(date, fs[k]) < 0))
            fs[k] = date;
        if (date[0] && (!ls[k] || strcmp(date, ls[k]) > 0))
            ls[k] = date;
        if (d->day != INT32_MIN) {
            const sr_cdoc *e = earliest[k] >= 0 ? &docs[earliest[k]] : NULL;
            if (!e || d->day < e->day || (d->day == e->day && strcmp(d->id, e->id) < 0))
                earliest[k] = (int64_t)i;
        }
        size[k]++;
        dupsize[d->dup_of >= 0 ? (size_t)d->dup_of : i]++;
    }
    /* the stored stories and groups of near-copies: written again only
     * where they changed (a new article joins, a story's first document
     * or days change), not every one each batch */
    stored_rows old_stories, old_dups;
    memset(&old_stories, 0, sizeof old_stories);
    memset(&old_dups, 0, sizeof old_dups);
    if (st == SITREP_OK)
        st = stored_read(s, "SELECT k, canon, ndocs FROM dups", &old_dups);
    /* a kept document's row changes only in its story and near-copy */
    int64_t *old_story = NULL, *old_dup = NULL;
    if (st == SITREP_OK && s->base_ok)
        st = old_values(s, "SELECT n, story FROM docs INDEXED BY docs_story", s->base_ndocs, &old_story);
    if (st == SITREP_OK && s->base_ok)
        st = old_values(s, "SELECT n, dup FROM docs INDEXED BY docs_dup", s->base_ndocs, &old_dup);
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        const sr_cdoc *d = &docs[i];
        int64_t story = stories[d->story].first_doc, dup = d->dup_of >= 0 ? d->dup_of : (int64_t)i;
        if (kept_doc(s, i) && old_story[i] != INT64_MIN && old_dup[i] != INT64_MIN) {
            if (old_story[i] != story || old_dup[i] != dup) {
                sqlite3_stmt *q = sr_db_stmt(s, "UPDATE docs SET story = ?, dup = ? WHERE n = ?");
                if (!q) {
                    st = sr_db_last(s);
                    break;
                }
                sqlite3_bind_int64(q, 1, story);
                sqlite3_bind_int64(q, 2, dup);
                sqlite3_bind_int64(q, 3, (int64_t)i);
                st = sr_db_done(s, q, "storing a document");
            }
        } else {
            bool set_inferred = !d->published[0] && d->inferred[0];
            sqlite3_stmt *q = sr_db_stmt(s, "INSERT INTO docs(n, id, record, outlet, title, published, day,"
                                            " inferred, basis, date, story, dup, sig) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
            if (!q) {
                st = sr_db_last(s);
                break;
            }
            sqlite3_bind_int64(q, 1, (int64_t)i);
            sr_db_text(q, 2, d->id);
            st = sr_corpus_doc_record(c, d, &rec); /* in the corpus's spill file */
            if (st != SITREP_OK) {
                sqlite3_reset(q);
                break;
            }
            sqlite3_bind_text(q, 3, rec.data, (int)rec.len, SQLITE_STATIC);
            sr_db_text(q, 4, d->outlet);
            sr_db_text(q, 5, d->title);
            bind_date(q, 6, d->published);
            bind_day(q, 7, d->day);
            sr_db_text(q, 8, set_inferred ? d->inferred : NULL);
            sr_db_text(q, 9, set_inferred ? d->basis : NULL);
            bind_date(q, 10, d->published[0] ? d->published : d->inferred);
            sqlite3_bind_int64(q, 11, story);
            sqlite3_bind_int64(q, 12, dup);
            sqlite3_bind_blob(q, 13, d->sig.v, sizeof d->sig.v, SQLITE_STATIC);
            st = sr_db_done(s, q, "storing a document");
        }
        if (st == SITREP_OK && d->dup_of < 0) {
            bool had;
            uint64_t h = h_int(h_int(H_SEED, (int64_t)i), dupsize[i]);
            if (stored_same(&old_dups, (int64_t)i, (int64_t)h, &had))
                continue;
            if (had)
                st = delete_key(s, dup_rows, 1, (int64_t)i);
            sqlite3_stmt *q = st == SITREP_OK ? sr_db_stmt(s, "INSERT INTO dups(k, canon, ndocs) VALUES(?, ?, ?)") : NULL;
            if (!q) {
                st = sr_db_last(s);
                break;
            }
            sqlite3_bind_int64(q, 1, (int64_t)i);
            sqlite3_bind_int64(q, 2, (int64_t)i);
            sqlite3_bind_int64(q, 3, dupsize[i]);
            st = sr_db_done(s, q, "storing a group of near-copies");
        }
    }
    if (st == SITREP_OK)
        st = stored_read(s, "SELECT k, sid, title, first_seen, last_seen, ndocs, first, earliest FROM stories",
                         &old_stories);
    for (size_t k = 0; k < ns && st == SITREP_OK; k++) {
        uint64_t h = h_str(h_str(h_str(h_str(H_SEED, stories[k].id), stories[k].title), fs[k]), ls[k]);
        h = h_int(h_int(h, size[k]), stories[k].first_doc);
        h = earliest[k] >= 0 ? h_int(h, earliest[k]) : h_str(h, NULL);
        bool had;
        if (stored_same(&old_stories, stories[k].first_doc, (int64_t)h, &had))
            continue;
        if (had)
            st = delete_key(s, story_rows, 1, stories[k].first_doc);
        sqlite3_stmt *q = st == SITREP_OK ? sr_db_stmt(s, "INSERT INTO stories(k, sid, title, first_seen, last_seen,"
                                                          " ndocs, first, earliest) VALUES(?,?,?,?,?,?,?,?)")
                                          : NULL;
        if (!q) {
            st = sr_db_last(s);
            break;
        }
        sqlite3_bind_int64(q, 1, stories[k].first_doc);
        sr_db_text(q, 2, stories[k].id);
        sr_db_text(q, 3, stories[k].title);
        sr_db_text(q, 4, fs[k]);
        sr_db_text(q, 5, ls[k]);
        sqlite3_bind_int64(q, 6, size[k]);
        sqlite3_bind_int64(q, 7, stories[k].first_doc);
        if (earliest[k] >= 0)
            sqlite3_bind_int64(q, 8, earliest[k]);
        st = sr_db_done(s, q, "storing a story");
    }
    /* the stories and groups of near-copies no longer made go */
    if (st == SITREP_OK)
        st = delete_unseen(s, &old_stories, story_rows, 1);
    if (st == SITREP_OK)
        st = delete_unseen(s, &old_dups, dup_rows, 1);
    stored_free(s, &old_stories);
    stored_free(s, &old_dups);
    s->mem->free(old_story);
    s->mem->free(old_dup);
    s->mem->free(fs);
    s->mem->free(ls);
    s->mem->free(earliest);
    s->mem->free(size);
    s->mem->free(dupsize);
    sr_buf_free(&rec);
    /* the corpus keeps no index between articles (cluster/stories.c links
     * them when finishing, from each document's signature and terms): the
     * idx table stays empty */
    return st;
}

/* ---- entities and their mentions ---- */

/* A counted row (g or entity, text) one more: `upd` (UPDATE ... SET n =
 * n + 1 WHERE ... = ?1 AND ... = ?2), else `ins` (INSERT ... VALUES(?1,
 * ?2, 1)).  Two plain statements, not an upsert: an upsert writes a
 * statement journal of every page it touches (in a temporary file once
 * it outgrows 64 KiB), which cost a batch a third of its system time. */
static sitrep_status count_row(sitrep_store *s, const char *upd, const char *ins, int64_t key, const char *text,
                               int len, const char *what)
{
    for (int k = 0; k < 2; k++) {
        sqlite3_stmt *q = sr_db_stmt(s, k ? ins : upd);
        if (!q)
            return sr_db_last(s);
        sqlite3_bind_int64(q, 1, key);
        if (text)
            sqlite3_bind_text(q, 2, text, len, SQLITE_STATIC);
        else
            sqlite3_bind_null(q, 2);
        sitrep_status st = sr_db_done(s, q, what);
        if (st != SITREP_OK || sqlite3_changes(s->db) > 0)
            return st;
    }
    return SITREP_OK;
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_real(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

/* Does the entity's row say the same as it did? */
static bool same_entity(const sr_centity *a, const sr_centity *b)
{
    return a->key == b->key && a->kind == b->kind && a->nmentions == b->nmentions &&
           memcmp(a->country, b->country, sizeof a->country) == 0 && same_str(a->name, b->name) &&
           same_str(a->parent, b->parent) && same_str(a->role, b->role) && same_str(a->role_doc, b->role_doc) &&
           same_str(a->admin1, b->admin1) && same_str(a->admin1_code, b->admin1_code) &&
           same_str(a->feature, b->feature) && same_real(a->lat, b->lat) && same_real(a->lon, b->lon);
}

/* The entities' rows, their mentions (a row per entity and document) and
 * their surface forms (counted).  With a base (s->base_ok) only what the
 * batch changed is written: an entity is a new row or its row again when
 * a new document changed it; the new documents' mentions (those past
 * s->base_mentions: a stored document's mentions never change) are new
 * rows and add to their surface forms' counts. */
static sitrep_status fill_entities(sitrep_store *s, sitrep_corpus *c)
{
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity), nm = c->mentions.n;
    const sr_centity *es = (const sr_centity *)(const void *)c->entities.data;
    size_t m0 = s->base_ok ? s->base_mentions : 0, e0 = s->base_ok ? s->base_nentities : 0;
    if (m0 > nm || e0 > ne)
        return SITREP_EARG;
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < ne && st == SITREP_OK; i++) {
        const sr_centity *e = &es[i];
        if (i < e0 && same_entity(e, &s->base_entities[i]))
            continue;
        /* its row again (UPDATE) or a new one: not an upsert (count_row) */
        for (int pass = i < e0 ? 0 : 1; pass < 2 && st == SITREP_OK; pass++) {
            sqlite3_stmt *q = sr_db_stmt(s, pass ? "INSERT INTO entities(k, kind, name, country, parent, role, role_doc,"
                                                   " admin1, admin1_code, feature, lat, lon, nmentions)"
                                                   " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"
                                                 : "UPDATE entities SET kind = ?2, name = ?3, country = ?4, parent = ?5,"
                                                   " role = ?6, role_doc = ?7, admin1 = ?8, admin1_code = ?9,"
                                                   " feature = ?10, lat = ?11, lon = ?12, nmentions = ?13 WHERE k = ?1");
            if (!q)
                return sr_db_last(s);
            sqlite3_bind_int64(q, 1, (int64_t)e->key);
            sqlite3_bind_int(q, 2, (int)e->kind);
            sr_db_text(q, 3, e->name);
            sr_db_text(q, 4, e->country[0] ? e->country : NULL);
            sr_db_text(q, 5, e->parent);
            sr_db_text(q, 6, e->role);
            sr_db_text(q, 7, e->role_doc);
            sr_db_text(q, 8, e->admin1);
            sr_db_text(q, 9, e->admin1_code);
            sr_db_text(q, 10, e->feature);
            bind_real(q, 11, e->lat);
            bind_real(q, 12, e->lon);
            sqlite3_bind_int64(q, 13, e->nmentions);
            st = sr_db_done(s, q, "storing an entity");
            if (st == SITREP_OK && !pass && sqlite3_changes(s->db) > 0)
                break;
        }
        if (st == SITREP_OK && e->kind == SITREP_ENTITY_PLACE)
            st = add_name(s, 2, e->name);
    }
    /* the batch's mentions, read from the corpus's mention rows */
    const sr_cmention **ms = s->mem->calloc(nm - m0 ? nm - m0 : 1, sizeof *ms);
    sr_cmention *all = s->mem->calloc(nm - m0 ? nm - m0 : 1, sizeof *all);
    if (!ms || !all) {
        s->mem->free(ms);
        s->mem->free(all);
        return SITREP_ENOMEM;
    }
    if (st == SITREP_OK)
        st = sr_rows_get(&c->mentions, m0, nm - m0, all);
    nm -= m0;
    for (size_t i = 0; i < nm; i++)
        ms[i] = &all[i];
    qsort(ms, nm, sizeof *ms, cmp_mention);
    sr_buf spans;
    sr_buf_init(&spans, s->mem);
    for (size_t i = 0; i < nm && st == SITREP_OK;) {
        size_t j = i;
        spans.len = 0;
        bool ok = true;
        for (; j < nm && ms[j]->entity == ms[i]->entity && strcmp(ms[j]->doc, ms[i]->doc) == 0 && ok; j++)
            ok = (j == i || sr_buf_putc(&spans, '\n')) && mention_json(ms[j], &spans);
        if (!ok) {
            st = SITREP_ENOMEM;
            break;
        }
        sqlite3_stmt *q = sr_db_stmt(s, "INSERT INTO mentions(entity, doc, spans) VALUES(?, ?, ?)");
        if (!q) {
            st = sr_db_last(s);
            break;
        }
        sqlite3_bind_int64(q, 1, (int64_t)es[ms[i]->entity].key);
        sr_db_text(q, 2, ms[i]->doc);
        sqlite3_bind_text(q, 3, spans.data, (int)spans.len, SQLITE_STATIC);
        st = sr_db_done(s, q, "storing mentions");
        for (size_t k = i; k < j && st == SITREP_OK; k++) {
            const char *quote = ms[k]->alias ? ms[k]->alias : ms[k]->quote;
            int qlen = ms[k]->alias ? -1 : (int)ms[k]->quote_len;
            st = count_row(s, "UPDATE aliases SET n = n + 1 WHERE entity = ?1 AND quote = ?2",
                           "INSERT INTO aliases(entity, quote, n) VALUES(?1, ?2, 1)", (int64_t)es[ms[k]->entity].key,
                           quote, qlen, "storing an alias");
        }
        i = j;
    }
    sr_buf_free(&spans);
    s->mem->free(ms);
    s->mem->free(all);
    return st;
}

/* ---- claims and events of each article, merged ---- */

/* One claim or event row: its number, document, place in the document,
 * key (claims: a number; events: `run`, a text), analysis blob, spans and
 * group. */
static sitrep_status put_item(sitrep_store *s, const char *sql, size_t i, size_t doc_index, const char *doc,
                              int64_t first, size_t ord, const char *run, int64_t key, const sr_buf *data,
                              const sr_buf *js, int64_t group, const char *what)
{
    sqlite3_stmt *q = sr_db_stmt(s, sql);
    if (!q)
        return sr_db_last(s);
    sqlite3_bind_int64(q, 1, (int64_t)i);
    sqlite3_bind_int64(q, 2, (int64_t)doc_index);
    sr_db_text(q, 3, doc);
    sqlite3_bind_int64(q, 4, first);
    sqlite3_bind_int64(q, 5, (int64_t)ord);
    if (run)
        sr_db_text(q, 6, run);
    else
        sqlite3_bind_int64(q, 6, key);
    sqlite3_bind_blob(q, 7, data->data, (int)data->len, SQLITE_STATIC);
    sqlite3_bind_text(q, 8, js->data ? js->data : "", (int)js->len, SQLITE_STATIC);
    sqlite3_bind_int64(q, 9, group);
    return sr_db_done(s, q, what);
}

static const char *const claim_group_rows[] = {"DELETE FROM cgroups WHERE g = ?",
                                                "DELETE FROM cgroup_places WHERE g = ?"};

static sitrep_status fill_claims(sitrep_store *s, sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->claims, sr_cclaim), ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    const sr_cclaim *cl = (const sr_cclaim *)(const void *)c->claims.data;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    const uint32_t *mem = (const uint32_t *)(const void *)c->claim_members.data;
    const sr_cgroup *gs = (const sr_cgroup *)(const void *)c->groups.data;
    size_t *first = sr_span_index(c, &c->claim_spans, n, NULL);
    int64_t *gkey = s->mem->calloc(ng ? ng : 1, sizeof *gkey);
    if (!first || !gkey) {
        s->mem->free(first);
        s->mem->free(gkey);
        return SITREP_ENOMEM;
    }
    /* each merged claim's key: its first member */
    for (size_t k = 0; k < ng; k++)
        gkey[k] = mem[gs[k].first_member];
    sr_buf data, js, rows;
    sr_buf_init(&data, s->mem);
    sr_buf_init(&js, s->mem);
    sr_buf_init(&rows, s->mem);
    /* a kept document's claims change only in their groups */
    int64_t *old_grp = NULL;
    sitrep_status st = s->base_ok ? old_values(s, "SELECT c, grp FROM claims INDEXED BY claims_grp", n, &old_grp) : SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        const sr_cclaim *x = &cl[i];
        if (!x->alive)
            continue;
        int64_t grp = x->group >= 0 ? gkey[x->group] : x->group;
        if (kept_doc(s, x->doc_index) && old_grp[i] != INT64_MIN) {
            if (old_grp[i] != grp)
                st = set_group(s, "UPDATE claims SET grp = ?1 WHERE c = ?2", i, grp);
            continue;
        }
        /* its analysis, not its group (stored beside it) */
        sr_cclaim row = *x;
        row.group = -1;
        data.len = js.len = 0;
        st = sr_row_save(SR_ROW_CLAIM, &row, &data);
        if (st == SITREP_OK)
            st = spans_json(c, &c->claim_spans, first[i], first[i + 1] - first[i], &rows, &js);
        if (st == SITREP_OK)
            st = put_item(s,
                          "INSERT INTO claims(c, doc, docid, pos, ord, key, data, sources, grp)"
                          " VALUES(?,?,?,?,?,?,?,?,?)",
                          i, x->doc_index, x->doc, x->first, i - docs[x->doc_index].claims0, NULL,
                          (int64_t)sr_claim_key(x->measure, x->low, x->high),
                          &data, &js, grp, "storing a claim");
    }
    s->mem->free(first);
    s->mem->free(old_grp);
    sr_buf_free(&rows);
    stored_rows old;
    if (st == SITREP_OK)
        st = stored_read(s, "SELECT g, h FROM cgroups INDEXED BY cgroups_gh", &old);
    else
        memset(&old, 0, sizeof old);
    for (size_t k = 0; k < ng && st == SITREP_OK; k++) {
        const sr_cgroup *g = &gs[k];
        const sr_cclaim *f = &cl[mem[g->first_member]], *x = &cl[g->rep];
        int64_t key = gkey[k];
        bool kept;
        uint64_t h = group_hash(s, g->id, g->rep, mem + g->first_member, g->nmembers, cl, sizeof *cl,
                                offsetof(sr_cclaim, doc_index), &kept);
        h = h_int(h_int(h_int(h, g->outlets), g->contested), (int64_t)sr_claim_key(x->measure, x->low, x->high));
        h = h_str(h_str(h_str(h_str(h, g->actor), g->attributed_to), g->from), g->to);
        bool had;
        if (stored_same(&old, key, (int64_t)h, &had) && kept)
            continue;
        js.len = 0;
        json_t *head = sr_rec_claim_head(x, g->id, g->actor, g->attributed_to, g->from, g->to);
        bool ok = sr_json_append(&js, head, true);
        json_decref(head);
        if (!ok) {
            st = SITREP_ENOMEM;
            break;
        }
        int64_t fpos = f->first, ford = (int64_t)(mem[g->first_member] - docs[f->doc_index].claims0);
        int64_t scope = (int64_t)sr_claim_scope(c, g, false);
        if (had)
            st = delete_key(s, claim_group_rows, 2, key);
        sqlite3_stmt *q = st == SITREP_OK ? sr_db_stmt(s, "INSERT INTO cgroups(g, key, first, fdoc, fpos,"
                                                          " ford, gid, rep, n, actor, attributed_to, pfrom, pto,"
                                                          " outlets, contested, scope, head, h)"
                                                          " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                                          : NULL;
        if (!q) {
            st = sr_db_last(s);
            break;
        }
        sqlite3_bind_int64(q, 1, key);
        sqlite3_bind_int64(q, 2, (int64_t)sr_claim_key(x->measure, x->low, x->high));
        sqlite3_bind_int64(q, 3, mem[g->first_member]);
        sr_db_text(q, 4, f->doc);
        sqlite3_bind_int64(q, 5, fpos);
        sqlite3_bind_int64(q, 6, ford);
        sr_db_text(q, 7, g->id);
        sqlite3_bind_int64(q, 8, g->rep);
        sqlite3_bind_int64(q, 9, g->nmembers);
        sr_db_text(q, 10, g->actor);
        sr_db_text(q, 11, g->attributed_to);
        bind_date(q, 12, g->from);
        bind_date(q, 13, g->to);
        sqlite3_bind_int64(q, 14, g->outlets);
        sqlite3_bind_int(q, 15, g->contested);
        sqlite3_bind_int64(q, 16, scope);
        sqlite3_bind_text(q, 17, js.data, (int)js.len, SQLITE_STATIC);
        sqlite3_bind_int64(q, 18, (int64_t)h);
        st = sr_db_done(s, q, "storing a claim");
        for (size_t i = 0; i < x->nplaces && st == SITREP_OK; i++) {
            q = sr_db_stmt(s, "INSERT INTO cgroup_places(g, i, name, country) VALUES(?, ?, ?, ?)");
            if (!q) {
                st = sr_db_last(s);
                break;
            }
            sqlite3_bind_int64(q, 1, key);
            sqlite3_bind_int64(q, 2, (int64_t)i);
            sr_db_text(q, 3, x->places[i]);
            sr_db_text(q, 4, x->place_countries[i][0] ? x->place_countries[i] : NULL);
            st = sr_db_done(s, q, "storing a claim's place");
            if (st == SITREP_OK)
                st = add_name(s, 2, x->places[i]);
            if (st == SITREP_OK)
                st = add_name(s, 3, x->place_countries[i]);
        }
        if (st == SITREP_OK)
            st = add_name(s, 1, g->actor);
        if (st == SITREP_OK)
            st = add_name(s, 1, g->attributed_to);
    }
    if (st == SITREP_OK)
        st = delete_unseen(s, &old, claim_group_rows, 2);
    stored_free(s, &old);
    s->mem->free(gkey);
    sr_buf_free(&data);
    sr_buf_free(&js);
    return st;
}

/* The corroboration run of an event: its country, else its place. */
static const char *event_run(const sr_cevent *x)
{
    return x->country[0] ? x->country : x->location ? x->location : "";
}

/* The ereports rows of one happening, made before they are written (their
 * bytes are part of its hash): k, doc and head of each. */
typedef struct report_rows {
    sr_buf heads;              /* the heads, one after another */
    sr_buf rows;               /* report_row */
} report_rows;

typedef struct report_row {
    int64_t k;
    const char *doc;
    size_t at, len;            /* its head in heads */
} report_row;

/* A record head of an event (type .. injured, then `key`: value) as a
 * report row (k, doc); members[0..n) give the actors after x's. */
static sitrep_status put_report(report_rows *out, const sr_cevent *ev, const sr_cevent *x, const char *id,
                                const uint32_t *members, size_t n, const char *key, json_t *value, bool happening,
                                int64_t k, const char *doc)
{
    json_t *actors = sr_rec_event_actors(x, ev, members, n, NULL, NULL);
    json_t *head = actors ? sr_rec_event_head(x, id, actors) : NULL;
    bool ok = head && sr_json_put(head, key, value);
    if (!head)
        json_decref(value);
    ok = ok && (!happening || sr_json_put(head, "type", json_string("happening")));
    size_t at = out->heads.len;
    ok = ok && sr_json_append(&out->heads, head, true);
    json_decref(head);
    report_row r = {k, doc, at, out->heads.len - at};
    ok = ok && SR_VEC_PUSH(&out->rows, report_row, r);
    return ok ? SITREP_OK : SITREP_ENOMEM;
}

/* A happening several reports tell: one event per report (what it says
 * itself, record.c sr_rec_event_own) and the happening (k -1), as
 * corpus_json.c writes them. */
static sitrep_status make_reports(report_rows *out, const sitrep_corpus *c, const sr_cegroup *g)
{
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    const uint32_t *members = (const uint32_t *)(const void *)c->event_members.data + g->first_member;
    bool many = false;
    for (size_t m = 1; m < g->nmembers && !many; m++)
        many = strcmp(ev[members[m]].doc, ev[members[0]].doc) != 0;
    if (!many)
        return SITREP_OK;
    char hid[24];
    snprintf(hid, sizeof hid, "H%s", g->id + 1);
    json_t *evs = json_array();
    sitrep_status st = evs ? SITREP_OK : SITREP_ENOMEM;
    int64_t nr = 0;
    for (size_t m = 0; m < g->nmembers && st == SITREP_OK;) {
        size_t e = m + 1;
        while (e < g->nmembers && strcmp(ev[members[e]].doc, ev[members[m]].doc) == 0)
            e++;
        sr_cevent y;
        sr_rec_event_own(&ev[members[m]], &ev[g->rep], &y);
        char id[24];
        sr_rec_event_id(&ev[members[m]], id);
        if (!sr_json_push(evs, json_string(id)))
            st = SITREP_ENOMEM;
        if (st == SITREP_OK)
            st = put_report(out, ev, &y, id, members, g->nmembers, "happening", json_string(hid), false, nr++,
                            ev[members[m]].doc);
        m = e;
    }
    if (st == SITREP_OK)
        return put_report(out, ev, &ev[g->rep], hid, members, g->nmembers, "events", evs, true, -1, NULL);
    json_decref(evs);
    return st;
}

static const char *const event_group_rows[] = {"DELETE FROM egroups WHERE g = ?",
                                                "DELETE FROM egroup_actors WHERE g = ?",
                                                "DELETE FROM ereports WHERE g = ?"};

static sitrep_status fill_events(sitrep_store *s, sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->events, sr_cevent), ng = SR_VEC_COUNT(&c->egroups, sr_cegroup);
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    const uint32_t *mem = (const uint32_t *)(const void *)c->event_members.data;
    const sr_cegroup *gs = (const sr_cegroup *)(const void *)c->egroups.data;
    size_t *first = sr_span_index(c, &c->event_spans, n, NULL);
    int64_t *gkey = s->mem->calloc(ng ? ng : 1, sizeof *gkey);
    if (!first || !gkey) {
        s->mem->free(first);
        s->mem->free(gkey);
        return SITREP_ENOMEM;
    }
    /* each merged event's key: its first member */
    for (size_t k = 0; k < ng; k++)
        gkey[k] = mem[gs[k].first_member];
    sr_buf data, js, rows;
    sr_buf_init(&data, s->mem);
    sr_buf_init(&js, s->mem);
    sr_buf_init(&rows, s->mem);
    /* a kept document's events change only in their groups */
    int64_t *old_grp = NULL;
    sitrep_status st = s->base_ok ? old_values(s, "SELECT e, grp FROM events INDEXED BY events_grp", n, &old_grp) : SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        const sr_cevent *x = &ev[i];
        if (!x->alive)
            continue;
        int64_t grp = x->group >= 0 ? gkey[x->group] : x->group;
        if (kept_doc(s, x->doc_index) && old_grp[i] != INT64_MIN) {
            if (old_grp[i] != grp)
                st = set_group(s, "UPDATE events SET grp = ?1 WHERE e = ?2", i, grp);
            continue;
        }
        /* its analysis, not its group (stored beside it) */
        sr_cevent row = *x;
        row.group = -1;
        data.len = js.len = 0;
        st = sr_row_save(SR_ROW_EVENT, &row, &data);
        if (st == SITREP_OK)
            st = spans_json(c, &c->event_spans, first[i], first[i + 1] - first[i], &rows, &js);
        if (st == SITREP_OK)
            st = put_item(s,
                          "INSERT INTO events(e, doc, docid, pos, ord, run, data, sources, grp)"
                          " VALUES(?,?,?,?,?,?,?,?,?)",
                          i, x->doc_index, x->doc, x->first, i - docs[x->doc_index].events0, event_run(x), 0, &data,
                          &js, grp, "storing an event");
    }
    s->mem->free(first);
    s->mem->free(old_grp);
    sr_buf_free(&rows);
    stored_rows old;
    if (st == SITREP_OK)
        st = stored_read(s, "SELECT g, h FROM egroups INDEXED BY egroups_gh", &old);
    else
        memset(&old, 0, sizeof old);
    report_rows reps;
    sr_buf_init(&reps.heads, s->mem);
    sr_buf_init(&reps.rows, s->mem);
    for (size_t k = 0; k < ng && st == SITREP_OK; k++) {
        const sr_cegroup *g = &gs[k];
        const sr_cevent *f = &ev[mem[g->first_member]], *x = &ev[g->rep];
        int64_t key = gkey[k];
        bool kept, had;
        uint64_t h = group_hash(s, g->id, g->rep, mem + g->first_member, g->nmembers, ev, sizeof *ev,
                                offsetof(sr_cevent, doc_index), &kept);
        if (stored_same(&old, key, (int64_t)h, &had) && kept)
            continue;
        const char *seen[SR_REC_EVENT_ACTORS];
        size_t nseen = 0;
        json_t *actors = sr_rec_event_actors(x, ev, mem + g->first_member, g->nmembers, seen, &nseen);
        json_t *head = actors ? sr_rec_event_head(x, g->id, actors) : NULL;
        js.len = 0;
        bool ok = head && sr_json_put(head, "happening", json_null()) && sr_json_append(&js, head, true);
        json_decref(head);
        reps.heads.len = reps.rows.len = 0;
        if (!ok) {
            st = SITREP_ENOMEM;
            break;
        }
        st = make_reports(&reps, c, g);
        if (st != SITREP_OK)
            break;
        int64_t ford = (int64_t)(mem[g->first_member] - docs[f->doc_index].events0);
        const char *run = event_run(x), *country = x->location && x->country[0] ? x->country : NULL;
        const char *admin1 = x->location ? x->admin1 : NULL;
        const report_row *rr = (const report_row *)(const void *)reps.rows.data;
        size_t nr = SR_VEC_COUNT(&reps.rows, report_row);
        if (had)
            st = delete_key(s, event_group_rows, 3, key);
        sqlite3_stmt *q = st == SITREP_OK ? sr_db_stmt(s, "INSERT INTO egroups(g, run, first, fdoc, fpos,"
                                                          " ford, gid, rep, n, head, dfrom, dto, location, country,"
                                                          " admin1, h) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                                          : NULL;
        if (!q) {
            st = sr_db_last(s);
            break;
        }
        sqlite3_bind_int64(q, 1, key);
        sr_db_text(q, 2, run);
        sqlite3_bind_int64(q, 3, mem[g->first_member]);
        sr_db_text(q, 4, f->doc);
        sqlite3_bind_int64(q, 5, f->first);
        sqlite3_bind_int64(q, 6, ford);
        sr_db_text(q, 7, g->id);
        sqlite3_bind_int64(q, 8, g->rep);
        sqlite3_bind_int64(q, 9, g->nmembers);
        sqlite3_bind_text(q, 10, js.data, (int)js.len, SQLITE_STATIC);
        bind_date(q, 11, x->from);
        bind_date(q, 12, x->to);
        sr_db_text(q, 13, x->location);
        sr_db_text(q, 14, country);
        sr_db_text(q, 15, admin1);
        sqlite3_bind_int64(q, 16, (int64_t)h);
        st = sr_db_done(s, q, "storing an event");
        for (size_t i = 0; i < nseen && st == SITREP_OK; i++) {
            q = sr_db_stmt(s, "INSERT OR IGNORE INTO egroup_actors(g, actor) VALUES(?, ?)");
            if (!q) {
                st = sr_db_last(s);
                break;
            }
            sqlite3_bind_int64(q, 1, key);
            sr_db_text(q, 2, seen[i]);
            st = sr_db_done(s, q, "storing an event's actor");
            if (st == SITREP_OK)
                st = add_name(s, 1, seen[i]);
        }
        if (st == SITREP_OK && x->location)
            st = add_name(s, 2, x->location);
        if (st == SITREP_OK && x->location)
            st = add_name(s, 3, x->country);
        if (st == SITREP_OK && x->location)
            st = add_name(s, 4, x->admin1);
        for (size_t i = 0; i < nr && st == SITREP_OK; i++) {
            q = sr_db_stmt(s, "INSERT INTO ereports(g, k, doc, head) VALUES(?,?,?,?)");
            if (!q) {
                st = sr_db_last(s);
                break;
            }
            sqlite3_bind_int64(q, 1, key);
            sqlite3_bind_int64(q, 2, rr[i].k);
            sr_db_text(q, 3, rr[i].doc);
            sqlite3_bind_text(q, 4, reps.heads.data + rr[i].at, (int)rr[i].len, SQLITE_STATIC);
            st = sr_db_done(s, q, "storing an event");
        }
    }
    if (st == SITREP_OK)
        st = delete_unseen(s, &old, event_group_rows, 3);
    stored_free(s, &old);
    sr_buf_free(&reps.heads);
    sr_buf_free(&reps.rows);
    s->mem->free(gkey);
    sr_buf_free(&data);
    sr_buf_free(&js);
    return st;
}

/* ---- conflicts, trends, trend sentences ---- */

static sitrep_status fill_rest(sitrep_store *s, sitrep_corpus *c)
{
    const sr_cgroup *g = (const sr_cgroup *)(const void *)c->groups.data;
    /* the stored conflicts, keyed by their two merged claims' keys: a
     * conflict is written where it is new or changed, and those no longer
     * found go */
    stored_rows old;
    sitrep_status st = stored_read(s, "SELECT (a << 32) | b, ida, idb, reason, kind FROM conflicts", &old);
    sr_buf reason; /* each conflict's, kept on disk (corpus.c) */
    sr_buf_init(&reason, s->mem);
    for (size_t i = 0; i < SR_VEC_COUNT(&c->conflicts, sr_cconflict) && st == SITREP_OK; i++) {
        const sr_cconflict *cf = &SR_VEC_AT(&c->conflicts, sr_cconflict, i);
        uint32_t a = cf->a, b = cf->b; /* a dispute's in id order, an update's earlier first */
        const uint32_t *mem = (const uint32_t *)(const void *)c->claim_members.data;
        /* the merged claims' keys (fill_claims) */
        int64_t ka = mem[g[a].first_member], kb = mem[g[b].first_member];
        int64_t key = (int64_t)((uint64_t)ka << 32 | (uint64_t)kb);
        st = sr_corpus_conflict_reason(c, cf, &reason);
        if (st != SITREP_OK)
            break;
        uint64_t h = h_int(h_str(h_str(h_str(H_SEED, g[a].id), g[b].id), reason.data), cf->kind);
        bool had;
        if (stored_same(&old, key, (int64_t)h, &had))
            continue;
        if (had)
            st = delete_key(s, conflict_rows, 1, key);
        sqlite3_stmt *q =
            st == SITREP_OK ? sr_db_stmt(s, "INSERT INTO conflicts(a, b, ida, idb, reason, kind) VALUES(?, ?, ?, ?, ?, ?)")
                            : NULL;
        if (!q) {
            st = sr_db_last(s);
            break;
        }
        sqlite3_bind_int64(q, 1, ka);
        sqlite3_bind_int64(q, 2, kb);
        sr_db_text(q, 3, g[a].id);
        sr_db_text(q, 4, g[b].id);
        sr_db_text(q, 5, reason.data);
        sqlite3_bind_int64(q, 6, cf->kind);
        st = sr_db_done(s, q, "storing a conflict");
    }
    sr_buf_free(&reason);
    if (st == SITREP_OK)
        st = delete_unseen(s, &old, conflict_rows, 1);
    stored_free(s, &old);
    sr_buf js;
    sr_buf_init(&js, s->mem);
    for (size_t i = 0; i < SR_VEC_COUNT(&c->trends, sr_ctrend) && st == SITREP_OK; i++) {
        const sr_ctrend *t = &SR_VEC_AT(&c->trends, sr_ctrend, i);
        js.len = 0;
        json_t *o = sr_rec_trend(c, t);
        bool ok = sr_json_append(&js, o, false);
        json_decref(o);
        sqlite3_stmt *q = ok ? sr_db_stmt(s, "INSERT INTO trends(scope, json) VALUES(?, ?)") : NULL;
        if (!q) {
            st = ok ? sr_db_last(s) : SITREP_ENOMEM;
            break;
        }
        sqlite3_bind_int64(q, 1, (int64_t)sr_claim_scope(c, &g[t->groups[0]], false));
        sqlite3_bind_text(q, 2, js.data, (int)js.len, SQLITE_STATIC);
        st = sr_db_done(s, q, "storing a trend");
    }
    sr_buf_free(&js);
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    for (size_t d = 0; d < SR_VEC_COUNT(&c->docs, sr_cdoc) && st == SITREP_OK; d++)
        for (uint32_t w = docs[d].words0; w < docs[d].words1 && st == SITREP_OK; w++) {
            const sr_ctrendword *x = &SR_VEC_AT(&c->trendwords, sr_ctrendword, w);
            if (!x->alive || kept_doc(s, d))
                continue;
            sqlite3_stmt *q = sr_db_stmt(s, "INSERT INTO trendwords(doc, w, start, end, quote, phrase, kind)"
                                            " VALUES(?,?,?,?,?,?,?)");
            if (!q)
                return sr_db_last(s);
            sqlite3_bind_int64(q, 1, (int64_t)d);
            sqlite3_bind_int64(q, 2, w - docs[d].words0);
            sqlite3_bind_int64(q, 3, x->start);
            sqlite3_bind_int64(q, 4, x->end);
            sr_db_text(q, 5, x->quote);
            sr_db_text(q, 6, x->phrase);
            sqlite3_bind_int(q, 7, x->kind);
            st = sr_db_done(s, q, "storing a trend sentence");
        }
    return st;
}

static sitrep_status fill_all(sitrep_store *s, sitrep_corpus *c);

sitrep_status sr_store_fill(sitrep_store *s, sitrep_corpus *c)
{
    if (!c->finished)
        return SITREP_EARG;
    sitrep_status hs = sr_corpus_hold(c, SR_HOLD_ALL); /* the tables take both */
    if (hs != SITREP_OK)
        return hs;
    struct sr_names_seen names = {0, 0, NULL};
    s->names_seen = &names;
    sitrep_status st = fill_all(s, c);
    s->names_seen = NULL;
    s->mem->free(names.v);
    return st;
}

static sitrep_status fill_all(sitrep_store *s, sitrep_corpus *c)
{
    /* names only grows with a base: a name no row holds any more matches
     * no row in a query (records.c, match_names) */
    sitrep_status st = sr_db_exec(s, "DELETE FROM idx; DELETE FROM trends;");
    /* stories, near-copies, merged claims and events and conflicts are
     * written where they changed (fill_docs, fill_claims, fill_events,
     * fill_rest) */
    if (st == SITREP_OK && !s->base_ok)
        st = sr_db_exec(s, "DELETE FROM stories; DELETE FROM dups; DELETE FROM conflicts;"
                           "DELETE FROM entities; DELETE FROM mentions; DELETE FROM aliases; DELETE FROM names;"
                           "DELETE FROM docs; DELETE FROM claims; DELETE FROM events; DELETE FROM trendwords;"
                           "DELETE FROM cgroups; DELETE FROM cgroup_places;"
                           "DELETE FROM egroups; DELETE FROM egroup_actors; DELETE FROM ereports;");
    if (st == SITREP_OK && s->base_ok)
        st = drop_undated(s);
    if (st == SITREP_OK)
        st = fill_docs(s, c);
    sr_store_step(s, SR_STEP_DOCS);
    if (st == SITREP_OK)
        st = fill_entities(s, c);
    sr_store_step(s, SR_STEP_ENTITIES);
    if (st == SITREP_OK)
        st = fill_claims(s, c);
    sr_store_step(s, SR_STEP_CLAIMS);
    if (st == SITREP_OK)
        st = fill_events(s, c);
    sr_store_step(s, SR_STEP_EVENTS);
    if (st == SITREP_OK)
        st = fill_rest(s, c);
    sr_store_step(s, SR_STEP_REST);
    return st;
}
