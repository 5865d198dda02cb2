/*
 * records.c -- the records back from the store's tables (tables.c), byte
 * for byte those `sitrep extract` writes: one record at a time in the
 * order of the output contract (the report's and exports' iterator), or
 * those of one type that a query's filters select.
 *
 * A record is put together from its row and its lists: a document from
 * its own record with its story, copy and inferred date set; a story
 * from its documents; an entity from its surface forms and its mentions,
 * a row per document; a merged claim or event from its head and its
 * members' sources.  Nothing reads more rows than the records it writes
 * hold.
 *
 * Queries resolve their text first: an actor or a place matches the
 * names that contain it (case-insensitively, as SQL LIKE) and the names
 * of the entities one of whose surface forms contains it ("CENTCOM" finds
 * "US Central Command"); the records are then found through the indexes
 * of those names, of the dates and of the stories.
 */
#include "store/db.h"

#include "corpus/record.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing parts ---- */

/* A JSON string of s[0..n) (null for NULL) appended to out: as jansson
 * writes it, which escapes only the quote, the backslash and control
 * characters in the records' flags. */
static bool put_str(sr_buf *out, const char *s, size_t n)
{
    if (!s)
        return sr_buf_put(out, "null", 4);
    bool plain = true;
    for (size_t i = 0; i < n && plain; i++) {
        unsigned char ch = (unsigned char)s[i];
        plain = ch >= 0x20 && ch != '"' && ch != '\\';
    }
    if (plain)
        return sr_buf_putc(out, '"') && sr_buf_put(out, s, n) && sr_buf_putc(out, '"');
    json_t *v = json_stringn(s, n);
    bool ok = v && json_dump_callback(v, sr_buf_write_cb, out, JSON_ENCODE_ANY) == 0;
    json_decref(v);
    return ok;
}

static bool put_cstr(sr_buf *out, const char *s)
{
    return put_str(out, s, s ? strlen(s) : 0);
}

/* The members of object o appended after the fields before them: the
 * object's JSON with its opening brace turned into a comma. */
static bool put_rest(sr_buf *out, json_t *o, bool close)
{
    if (!o)
        return false;
    size_t at = out->len;
    bool ok = sr_json_append(out, o, !close);
    json_decref(o);
    if (ok && out->data[at + 1] != '}') {
        out->data[at] = ',';
    } else if (ok) { /* {} */
        out->len = at;
        ok = !close || sr_buf_putc(out, '}');
    }
    return ok;
}

static bool put_open(sr_buf *out, json_t *o)
{
    bool ok = sr_json_append(out, o, true);
    json_decref(o);
    return ok;
}

static const char *col(sqlite3_stmt *q, int i)
{
    return (const char *)sqlite3_column_text(q, i);
}

/* ---- one record of each type ---- */

typedef struct parts {
    sitrep_store *s;
    sqlite3_stmt *story_docs, *aliases, *mentions, *claim_members, *event_members;
    sr_buf last; /* the last document listed */
} parts;

static void parts_free(parts *p)
{
    sqlite3_finalize(p->story_docs);
    sqlite3_finalize(p->aliases);
    sqlite3_finalize(p->mentions);
    sqlite3_finalize(p->claim_members);
    sqlite3_finalize(p->event_members);
    sr_buf_free(&p->last);
}

static sitrep_status prep(sitrep_store *s, const char *sql, sqlite3_stmt **q)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, q, NULL) != SQLITE_OK) {
        sitrep_status st = sr_db_fail(s, "reading the records");
        sqlite3_finalize(*q);
        *q = NULL;
        return st;
    }
    return SITREP_OK;
}

static sitrep_status parts_init(parts *p, sitrep_store *s)
{
    memset(p, 0, sizeof *p);
    p->s = s;
    sr_buf_init(&p->last, s->mem);
    sitrep_status st = prep(s, "SELECT id FROM docs WHERE story = ? ORDER BY id", &p->story_docs);
    if (st == SITREP_OK)
        st = prep(s, "SELECT quote FROM aliases WHERE entity = ? ORDER BY quote", &p->aliases);
    if (st == SITREP_OK)
        st = prep(s, "SELECT doc, spans FROM mentions WHERE entity = ? ORDER BY doc", &p->mentions);
    if (st == SITREP_OK)
        st = prep(s, "SELECT docid, sources FROM claims WHERE grp = ? ORDER BY docid, pos, ord", &p->claim_members);
    if (st == SITREP_OK)
        st = prep(s, "SELECT docid, sources FROM events WHERE grp = ? ORDER BY docid, pos, ord", &p->event_members);
    if (st != SITREP_OK)
        parts_free(p);
    return st;
}

/* Steps a list's statement: true for a row, false at its end (*st set
 * when it failed). */
static bool next_row(parts *p, sqlite3_stmt *q, sitrep_status *st)
{
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        *st = sr_db_fail(p->s, "reading the records");
    sqlite3_reset(q);
    return false;
}

/* documents: d.record, d.inferred, d.basis, story id, copy id */
#define DOC_COLS                                                                                                   \
    "d.record, d.inferred, d.basis, s.sid, CASE WHEN u.canon = d.n THEN NULL ELSE c.id END"                      \
    " FROM docs d JOIN stories s ON s.k = d.story JOIN dups u ON u.k = d.dup JOIN docs c ON c.n = u.canon"

static sitrep_status doc_record(sqlite3_stmt *q, sr_buf *out)
{
    return sr_rec_document(col(q, 0), (size_t)sqlite3_column_bytes(q, 0), col(q, 1), col(q, 2), col(q, 3),
                           col(q, 4), out);
}

/* stories: k, sid, title, first_seen, last_seen */
#define STORY_COLS "t.k, t.sid, t.title, t.first_seen, t.last_seen FROM stories t"

static sitrep_status story_record(parts *p, sqlite3_stmt *q, sr_buf *out)
{
    bool ok = put_open(out, sr_rec_story_head(col(q, 1), col(q, 2))) && sr_buf_puts(out, ",\"documents\":[");
    sitrep_status st = SITREP_OK;
    sqlite3_bind_int64(p->story_docs, 1, sqlite3_column_int64(q, 0));
    for (size_t i = 0; ok && next_row(p, p->story_docs, &st); i++)
        ok = (i == 0 || sr_buf_putc(out, ',')) &&
             put_str(out, col(p->story_docs, 0), (size_t)sqlite3_column_bytes(p->story_docs, 0));
    sqlite3_reset(p->story_docs);
    ok = ok && sr_buf_putc(out, ']') && put_rest(out, sr_rec_story_tail(col(q, 3), col(q, 4)), true);
    return st != SITREP_OK ? st : ok ? SITREP_OK : SITREP_ENOMEM;
}

/* entities: k, kind, name, country, parent, role, role_doc, admin1,
 * admin1_code, feature, lat, lon */
#define ENTITY_COLS                                                                                                \
    "e.k, e.kind, e.name, e.country, e.parent, e.role, e.role_doc, e.admin1, e.admin1_code, e.feature, e.lat,"     \
    " e.lon FROM entities e"
#define ENTITY_ORDER " ORDER BY e.kind, e.name, e.k < 0, e.k"

static double col_real(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? NAN : sqlite3_column_double(q, i);
}

static sitrep_status entity_record(parts *p, sqlite3_stmt *q, sr_buf *out, sr_buf *spans)
{
    sr_centity e;
    memset(&e, 0, sizeof e);
    e.key = (uint64_t)sqlite3_column_int64(q, 0);
    e.kind = (sitrep_entity_kind)sqlite3_column_int(q, 1);
    e.name = col(q, 2);
    if (col(q, 3))
        snprintf(e.country, sizeof e.country, "%s", col(q, 3));
    e.parent = col(q, 4);
    e.role = col(q, 5);
    e.role_doc = col(q, 6);
    e.admin1 = col(q, 7);
    e.admin1_code = col(q, 8);
    e.feature = col(q, 9);
    e.lat = col_real(q, 10);
    e.lon = col_real(q, 11);
    char id[24];
    snprintf(id, sizeof id, "E%012llx", (unsigned long long)(e.key & 0xffffffffffffull));
    sitrep_status st = SITREP_OK;
    bool ok = put_open(out, sr_rec_entity_head(&e, id)) && sr_buf_puts(out, ",\"aliases\":[");
    /* the name among the surface forms, each once, in byte order */
    bool named = false;
    size_t na = 0;
    sqlite3_bind_int64(p->aliases, 1, (int64_t)e.key);
    while (ok && next_row(p, p->aliases, &st)) {
        const char *a = col(p->aliases, 0);
        int c = named ? 1 : strcmp(e.name, a);
        if (c <= 0) {
            ok = (na++ == 0 || sr_buf_putc(out, ',')) && put_cstr(out, e.name);
            named = true;
        }
        if (c != 0)
            ok = ok && (na++ == 0 || sr_buf_putc(out, ',')) && put_cstr(out, a);
    }
    sqlite3_reset(p->aliases);
    if (!named)
        ok = ok && (na++ == 0 || sr_buf_putc(out, ',')) && put_cstr(out, e.name);
    ok = ok && sr_buf_puts(out, "],\"documents\":[");
    /* documents now, mentions after the middle part: kept aside */
    spans->len = 0;
    sqlite3_bind_int64(p->mentions, 1, (int64_t)e.key);
    for (size_t i = 0; ok && next_row(p, p->mentions, &st); i++) {
        const char *doc = col(p->mentions, 0), *sp = col(p->mentions, 1);
        size_t dl = (size_t)sqlite3_column_bytes(p->mentions, 0), sl = (size_t)sqlite3_column_bytes(p->mentions, 1);
        ok = (i == 0 || sr_buf_putc(out, ',')) && put_str(out, doc, dl);
        for (size_t a = 0; ok && a < sl;) {
            const char *nl = memchr(sp + a, '\n', sl - a);
            size_t b = nl ? (size_t)(nl - sp) : sl;
            ok = (spans->len == 0 || sr_buf_putc(spans, ',')) && sr_buf_puts(spans, "{\"doc\":") &&
                 put_str(spans, doc, dl) && sr_buf_putc(spans, ',') && sr_buf_put(spans, sp + a, b - a) &&
                 sr_buf_putc(spans, '}');
            a = b + 1;
        }
    }
    sqlite3_reset(p->mentions);
    ok = ok && sr_buf_putc(out, ']') && put_rest(out, sr_rec_entity_middle(&e), false) &&
         sr_buf_puts(out, ",\"mentions\":[") && sr_buf_put(out, spans->data, spans->len) && sr_buf_puts(out, "]}");
    return st != SITREP_OK ? st : ok ? SITREP_OK : SITREP_ENOMEM;
}

/* The sources and documents of a merged claim's or event's members. */
static sitrep_status member_lists_of(parts *p, sqlite3_stmt *m, int64_t g, const char *only, sr_buf *out,
                                     sr_buf *docs);

static sitrep_status member_lists(parts *p, sqlite3_stmt *m, int64_t g, sr_buf *out, sr_buf *docs)
{
    return member_lists_of(p, m, g, NULL, out, docs);
}

/* ... of the members in document `only` (NULL all). */
static sitrep_status member_lists_of(parts *p, sqlite3_stmt *m, int64_t g, const char *only, sr_buf *out,
                                     sr_buf *docs)
{
    sitrep_status st = SITREP_OK;
    bool ok = sr_buf_puts(out, ",\"sources\":[");
    docs->len = 0;
    p->last.len = 0;
    size_t ns = 0, nd = 0;
    sqlite3_bind_int64(m, 1, g);
    while (ok && next_row(p, m, &st)) {
        size_t sl = (size_t)sqlite3_column_bytes(m, 1);
        if (sl == 0)
            continue; /* no span: no document either */
        if (only && strcmp(only, col(m, 0)) != 0)
            continue;
        ok = (ns++ == 0 || sr_buf_putc(out, ',')) && sr_buf_put(out, col(m, 1), sl);
        const char *d = col(m, 0);
        size_t dl = (size_t)sqlite3_column_bytes(m, 0);
        if (nd == 0 || dl != p->last.len || memcmp(p->last.data, d, dl) != 0) {
            ok = ok && (nd++ == 0 || sr_buf_putc(docs, ',')) && put_str(docs, d, dl);
            p->last.len = 0;
            ok = ok && sr_buf_put(&p->last, d, dl);
        }
    }
    sqlite3_reset(m);
    ok = ok && sr_buf_puts(out, "],\"documents\":[") && sr_buf_put(out, docs->data, docs->len) && sr_buf_putc(out, ']');
    return st != SITREP_OK ? st : ok ? SITREP_OK : SITREP_ENOMEM;
}

/* merged claims: g, head, outlets, contested */
#define CLAIM_COLS "c.g, c.head, c.outlets, c.contested FROM cgroups c"
#define CLAIM_ORDER " ORDER BY c.fdoc, c.fpos, c.ford"

static sitrep_status claim_record(parts *p, sqlite3_stmt *q, sr_buf *out, sr_buf *docs)
{
    if (!sr_buf_put(out, col(q, 1), (size_t)sqlite3_column_bytes(q, 1)))
        return SITREP_ENOMEM;
    sitrep_status st = member_lists(p, p->claim_members, sqlite3_column_int64(q, 0), out, docs);
    if (st == SITREP_OK &&
        !put_rest(out, sr_rec_claim_tail((uint32_t)sqlite3_column_int64(q, 2), sqlite3_column_int(q, 3) != 0), true))
        st = SITREP_ENOMEM;
    return st;
}

/* merged events: g, head */
#define EVENT_COLS "v.g, v.head FROM egroups v"
#define EVENT_ORDER " ORDER BY v.fdoc, v.fpos, v.ford"

/* the records: a happening one report tells, each report's own event of
 * one several tell (ereports, doc its report), in the order of their
 * first member; then the happenings several tell (doc NULL) */
#define EVENT_RECORDS                                                                                               \
    "SELECT v.g, v.head, NULL, v.fdoc, v.fpos, v.ford, 0 FROM egroups v"                                            \
    " WHERE NOT EXISTS (SELECT 1 FROM ereports r WHERE r.g = v.g)"                                                  \
    " UNION ALL SELECT r.g, r.head, r.doc, v.fdoc, v.fpos, v.ford, r.k FROM ereports r JOIN egroups v ON v.g = r.g" \
    " WHERE r.k >= 0 ORDER BY 4, 5, 6, 7"
#define HAPPENING_RECORDS                                                                                           \
    "SELECT r.g, r.head, NULL FROM ereports r JOIN egroups v ON v.g = r.g WHERE r.k < 0"                            \
    " ORDER BY v.fdoc, v.fpos, v.ford"

static sitrep_status event_record(parts *p, sqlite3_stmt *q, sr_buf *out, sr_buf *docs)
{
    if (!sr_buf_put(out, col(q, 1), (size_t)sqlite3_column_bytes(q, 1)))
        return SITREP_ENOMEM;
    const char *only = sqlite3_column_count(q) > 2 && sqlite3_column_type(q, 2) == SQLITE_TEXT ? col(q, 2) : NULL;
    sitrep_status st = member_lists_of(p, p->event_members, sqlite3_column_int64(q, 0), only, out, docs);
    if (st == SITREP_OK && !sr_buf_putc(out, '}'))
        st = SITREP_ENOMEM;
    return st;
}

static sitrep_status conflict_record(sqlite3_stmt *q, sr_buf *out)
{
    bool dated = sqlite3_column_int64(q, 3) == sqlite3_column_int64(q, 4);
    const char *kind = sqlite3_column_int64(q, 5) == SR_CONFLICT_UPDATE ? "update" : "dispute";
    return put_open(out, sr_rec_conflict(col(q, 0), dated ? NULL : col(q, 1), kind, col(q, 2))) &&
                   sr_buf_putc(out, '}')
               ? SITREP_OK
               : SITREP_ENOMEM;
}

/* ---- the records in order ---- */

enum { SEC_DOCS, SEC_STORIES, SEC_ENTITIES, SEC_CLAIMS, SEC_EVENTS, SEC_HAPPENINGS, SEC_CONFLICTS, SEC_TRENDS, SEC_END };

static const char *const section_sql[] = {
    "SELECT " DOC_COLS " ORDER BY d.id",
    "SELECT " STORY_COLS " ORDER BY t.sid",
    "SELECT " ENTITY_COLS " WHERE e.nmentions > 0" ENTITY_ORDER,
    "SELECT " CLAIM_COLS CLAIM_ORDER,
    EVENT_RECORDS,
    HAPPENING_RECORDS,
    "SELECT ida, idb, reason, a, b, kind FROM conflicts ORDER BY ida, idb",
    "SELECT json FROM trends ORDER BY scope < 0, scope",
};

struct sr_record_iter {
    sitrep_store *s;
    parts p;
    int section;
    sqlite3_stmt *q;
    sr_buf out, aux;
};

sitrep_status sr_store_records(sitrep_store *s, sr_record_iter **out)
{
    *out = NULL;
    if (!s || !s->db)
        return SITREP_EARG;
    sr_record_iter *it = s->mem->calloc(1, sizeof *it);
    if (!it)
        return SITREP_ENOMEM;
    it->s = s;
    it->section = -1;
    sr_buf_init(&it->out, s->mem);
    sr_buf_init(&it->aux, s->mem);
    sitrep_status st = parts_init(&it->p, s);
    if (st != SITREP_OK) {
        s->mem->free(it);
        return st;
    }
    *out = it;
    return SITREP_OK;
}

/* The record of the current row of section `sec` into it->out. */
static sitrep_status section_record(sr_record_iter *it, int sec, sqlite3_stmt *q)
{
    it->out.len = 0;
    switch (sec) {
    case SEC_DOCS: return doc_record(q, &it->out);
    case SEC_STORIES: return story_record(&it->p, q, &it->out);
    case SEC_ENTITIES: return entity_record(&it->p, q, &it->out, &it->aux);
    case SEC_CLAIMS: return claim_record(&it->p, q, &it->out, &it->aux);
    case SEC_EVENTS:
    case SEC_HAPPENINGS: return event_record(&it->p, q, &it->out, &it->aux);
    case SEC_CONFLICTS: return conflict_record(q, &it->out);
    default:
        return sr_buf_put(&it->out, col(q, 0), (size_t)sqlite3_column_bytes(q, 0)) ? SITREP_OK : SITREP_ENOMEM;
    }
}

sitrep_status sr_record_next(sr_record_iter *it, const char **json, size_t *len)
{
    for (;;) {
        if (!it->q) {
            if (++it->section >= SEC_END)
                return SITREP_DONE;
            sitrep_status st = prep(it->s, section_sql[it->section], &it->q);
            if (st != SITREP_OK)
                return st;
        }
        int rc = sqlite3_step(it->q);
        if (rc == SQLITE_DONE) {
            sqlite3_finalize(it->q);
            it->q = NULL;
            continue;
        }
        if (rc != SQLITE_ROW)
            return sr_db_fail(it->s, "reading the records");
        sitrep_status st = section_record(it, it->section, it->q);
        if (st != SITREP_OK)
            return st;
        *json = it->out.data;
        *len = it->out.len;
        return SITREP_OK;
    }
}

void sr_record_iter_free(sr_record_iter *it)
{
    if (!it)
        return;
    sqlite3_finalize(it->q);
    parts_free(&it->p);
    sr_buf_free(&it->out);
    sr_buf_free(&it->aux);
    it->s->mem->free(it);
}

void sr_store_set_message(sitrep_store *s, const char *msg)
{
    snprintf(s->msg, sizeof s->msg, "%s", msg);
}

const sitrep_mem *sr_store_mem(const sitrep_store *s)
{
    return s->mem;
}

/* ---- counts ---- */

size_t sitrep_store_count(sitrep_store *s, const char *type)
{
    if (!s || !s->db)
        return 0;
    static const struct {
        const char *type, *sql;
    } counts[] = {
        {"article", "SELECT count(*) FROM articles"},   {"document", "SELECT count(*) FROM docs"},
        {"story", "SELECT count(*) FROM stories"},      {"entity", "SELECT count(*) FROM entities WHERE nmentions > 0"},
        {"claim", "SELECT count(*) FROM cgroups"},      {"event", "SELECT count(*) FROM egroups"},
        {"conflict", "SELECT count(*) FROM conflicts"}, {"trend", "SELECT count(*) FROM trends"},
    };
    const char *sql = NULL;
    for (size_t i = 0; i < sizeof counts / sizeof counts[0] && !sql; i++)
        if (strcmp(type ? type : "article", counts[i].type) == 0)
            sql = counts[i].sql;
    if (!sql)
        return 0;
    sqlite3_stmt *q = sr_db_stmt(s, sql);
    int64_t n = 0;
    if (q && sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    if (q)
        sqlite3_reset(q);
    return n > 0 ? (size_t)n : 0;
}

/* ---- queries ---- */

/* The names a text filter matches, into temp table qnames(kind, name):
 * kind 1 the actors and sources, 2 the places, 3 the countries, 4 the
 * regions containing the text, and with kinds 1 and 2 the names of the
 * entities one of whose surface forms (or the name itself) contains it. */
static sitrep_status match_names(sitrep_store *s, const char *actor, const char *place)
{
    sitrep_status st = sr_db_exec(s, "CREATE TEMP TABLE IF NOT EXISTS qnames(kind INTEGER, name TEXT,"
                                     " PRIMARY KEY(kind, name)) WITHOUT ROWID; DELETE FROM temp.qnames;");
    const char *text[2] = {actor, place};
    for (int t = 0; t < 2 && st == SITREP_OK; t++) {
        if (!text[t])
            continue;
        char like[520];
        snprintf(like, sizeof like, "%%%s%%", text[t]);
        sqlite3_stmt *q = sr_db_stmt(s, "INSERT OR IGNORE INTO temp.qnames(kind, name)"
                                        " SELECT kind, name FROM names WHERE kind IN (?1, ?2, ?3) AND name LIKE ?4"
                                        " UNION SELECT ?1, e.name FROM entities e WHERE e.name LIKE ?4"
                                        "   OR e.k IN (SELECT entity FROM aliases WHERE quote LIKE ?4)");
        if (!q)
            return sr_db_last(s);
        sqlite3_bind_int(q, 1, t == 0 ? 1 : 2);
        sqlite3_bind_int(q, 2, t == 0 ? 1 : 3);
        sqlite3_bind_int(q, 3, t == 0 ? 1 : 4);
        sqlite3_bind_text(q, 4, like, -1, SQLITE_TRANSIENT);
        st = sr_db_done(s, q, "querying");
    }
    return st;
}

#define ACTORS "(SELECT name FROM temp.qnames WHERE kind = 1)"
#define PLACES "(SELECT name FROM temp.qnames WHERE kind = 2)"
#define COUNTRIES "(SELECT name FROM temp.qnames WHERE kind = 3)"
#define REGIONS "(SELECT name FROM temp.qnames WHERE kind = 4)"

/* Merged claims by actor (or source) and by place, as g. */
#define CLAIMS_BY_ACTOR                                                                                            \
    "SELECT g FROM cgroups WHERE actor IN " ACTORS " UNION SELECT g FROM cgroups WHERE attributed_to IN " ACTORS
#define CLAIMS_BY_PLACE                                                                                            \
    "SELECT g FROM cgroup_places WHERE name IN " PLACES " UNION SELECT g FROM cgroup_places WHERE country IN " COUNTRIES
#define EVENTS_BY_ACTOR "SELECT g FROM egroup_actors WHERE actor IN " ACTORS
#define EVENTS_BY_PLACE                                                                                            \
    "SELECT g FROM egroups WHERE location IN " PLACES " UNION SELECT g FROM egroups WHERE country IN " COUNTRIES

/* The SQL of a query: the records' keys that pass every filter given,
 * driven by the most selective index at hand. */
static bool query_sql(const sitrep_query *f, sr_buf *sql)
{
    bool ok = true;
    const char *type = f->type;
    if (strcmp(type, "claim") == 0) {
        ok = sr_buf_puts(sql, "SELECT " CLAIM_COLS " WHERE 1");
        if (f->actor)
            ok = ok && sr_buf_puts(sql, " AND c.g IN (" CLAIMS_BY_ACTOR ")");
        if (f->place)
            ok = ok && sr_buf_puts(sql, " AND c.g IN (" CLAIMS_BY_PLACE ")");
        if (f->since)
            ok = ok && sr_buf_puts(sql, " AND c.pto >= ?3");
        if (f->until)
            ok = ok && sr_buf_puts(sql, " AND c.pfrom <= ?4");
        if (f->status)
            ok = ok && sr_buf_puts(sql, " AND CASE WHEN c.contested THEN 'contested' WHEN c.outlets >= 2"
                                        " THEN 'corroborated' ELSE 'single' END = ?5");
        /* a period asked for is found by its index (cgroups_end,
         * cgroups_start) and the claims in it sorted, not the whole table
         * scanned in order for them: `+` keeps the order's index out of
         * the plan; g breaks ties as the order's index does */
        if (f->since || f->until)
            return ok && sr_buf_puts(sql, " ORDER BY +c.fdoc, +c.fpos, +c.ford, c.g");
        return ok && sr_buf_puts(sql, CLAIM_ORDER);
    }
    if (strcmp(type, "event") == 0) {
        ok = sr_buf_puts(sql, "SELECT " EVENT_COLS " WHERE 1");
        if (f->actor)
            ok = ok && sr_buf_puts(sql, " AND v.g IN (" EVENTS_BY_ACTOR ")");
        if (f->place)
            ok = ok && sr_buf_puts(sql, " AND v.g IN (" EVENTS_BY_PLACE
                                        " UNION SELECT g FROM egroups WHERE admin1 IN " REGIONS ")");
        if (f->since)
            ok = ok && sr_buf_puts(sql, " AND v.dto >= ?3");
        if (f->until)
            ok = ok && sr_buf_puts(sql, " AND v.dfrom <= ?4");
        if (f->status)
            ok = ok && sr_buf_puts(sql, " AND 0");
        return ok && sr_buf_puts(sql, " ORDER BY v.dfrom, v.fdoc, v.fpos, v.ford");
    }
    if (strcmp(type, "story") == 0) {
        ok = sr_buf_puts(sql, "SELECT " STORY_COLS " WHERE 1");
        /* (a period: by its index, stories_last_seen or _first_seen, as claims) */
        if (f->since)
            ok = ok && sr_buf_puts(sql, " AND t.last_seen >= ?3");
        if (f->until)
            ok = ok && sr_buf_puts(sql, " AND t.first_seen <= ?4");
        if (f->status)
            ok = ok && sr_buf_puts(sql, " AND 0");
        /* a story matches an actor or a place when a claim or an event of
         * one of its articles does (both, when both are given) */
        if (f->actor || f->place) {
            ok = ok && sr_buf_puts(sql, " AND t.k IN (SELECT d.story FROM docs d WHERE d.n IN ("
                                        "SELECT doc FROM claims WHERE sources <> '' AND grp IN (SELECT g FROM cgroups WHERE 1");
            if (f->actor)
                ok = ok && sr_buf_puts(sql, " AND g IN (" CLAIMS_BY_ACTOR ")");
            if (f->place)
                ok = ok && sr_buf_puts(sql, " AND g IN (" CLAIMS_BY_PLACE ")");
            ok = ok && sr_buf_puts(sql, ") UNION SELECT doc FROM events WHERE sources <> '' AND grp IN ("
                                        "SELECT g FROM egroups WHERE 1");
            if (f->actor)
                ok = ok && sr_buf_puts(sql, " AND g IN (" EVENTS_BY_ACTOR ")");
            if (f->place)
                ok = ok && sr_buf_puts(sql, " AND g IN (" EVENTS_BY_PLACE ")");
            ok = ok && sr_buf_puts(sql, ")))");
        }
        return ok && sr_buf_puts(sql, f->since || f->until ? " ORDER BY +t.first_seen, t.sid, t.k"
                                                           : " ORDER BY t.first_seen, t.sid");
    }
    /* documents and conflicts of a period: documents dated in it (by
     * docs_date), the conflicts of its claims (their claims found by
     * cgroups_end or cgroups_start, as claims') */
    if ((f->since || f->until) && !f->actor && !f->place && !f->status &&
        (strcmp(type, "document") == 0 || strcmp(type, "conflict") == 0)) {
        const char *doc = f->since && f->until ? " WHERE d.date >= ?3 AND d.date <= ?4"
                          : f->since           ? " WHERE d.date >= ?3"
                                               : " WHERE d.date <= ?4";
        if (type[0] == 'd')
            return sr_buf_puts(sql, "SELECT " DOC_COLS) && sr_buf_puts(sql, doc) && sr_buf_puts(sql, " ORDER BY +d.id");
        const char *claim = f->since && f->until ? "(SELECT g FROM cgroups WHERE pto >= ?3 AND pfrom <= ?4)"
                            : f->since           ? "(SELECT g FROM cgroups WHERE pto >= ?3)"
                                                 : "(SELECT g FROM cgroups WHERE pfrom <= ?4)";
        return sr_buf_puts(sql, "SELECT ida, idb, reason, a, b, kind FROM conflicts WHERE a IN ") &&
               sr_buf_puts(sql, claim) && sr_buf_puts(sql, " OR b IN ") && sr_buf_puts(sql, claim) &&
               sr_buf_puts(sql, " ORDER BY ida, idb");
    }
    /* the other types: all of them, without filters */
    if (f->actor || f->place || f->since || f->until || f->status)
        return sr_buf_puts(sql, "SELECT 1 WHERE 0");
    static const struct {
        const char *type, *sql;
    } all[] = {
        {"document", "SELECT " DOC_COLS " ORDER BY d.id"},
        {"entity", "SELECT " ENTITY_COLS " WHERE e.nmentions > 0" ENTITY_ORDER},
        {"conflict", "SELECT ida, idb, reason, a, b, kind FROM conflicts ORDER BY ida, idb"},
        {"trend", "SELECT json FROM trends ORDER BY scope < 0, scope"},
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(type, all[i].type) == 0)
            return sr_buf_puts(sql, all[i].sql);
    return sr_buf_puts(sql, "SELECT 1 WHERE 0");
}

/* The section whose records a query's type writes (the happenings are
 * events' records: no type of their own). */
static int section_of(const char *type)
{
    static const struct {
        const char *type;
        int sec;
    } types[] = {{"document", SEC_DOCS}, {"story", SEC_STORIES},       {"entity", SEC_ENTITIES}, {"claim", SEC_CLAIMS},
                 {"event", SEC_EVENTS},  {"conflict", SEC_CONFLICTS}, {"trend", SEC_TRENDS}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(type, types[i].type) == 0)
            return types[i].sec;
    return -1;
}

/* With SITREP_STORE_PLAN set, a query's plan (SQLite's EXPLAIN QUERY
 * PLAN, a line per step: "SEARCH c USING INDEX cgroups_end (pto>?)") on
 * stderr: what tests/cli_store_plan.sh checks, that a query is answered
 * from an index and not by reading the whole table. */
static void print_plan(sitrep_store *s, const char *sql)
{
    char *text = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *q = NULL;
    if (text && sqlite3_prepare_v2(s->db, text, -1, &q, NULL) == SQLITE_OK)
        while (sqlite3_step(q) == SQLITE_ROW)
            fprintf(stderr, "plan: %s\n", (const char *)sqlite3_column_text(q, 3));
    sqlite3_finalize(q);
    sqlite3_free(text);
}

sitrep_status sitrep_store_query(sitrep_store *s, const sitrep_query *f, sitrep_write_fn write, void *ctx)
{
    if (!s || !s->db || !f || !f->type || !write)
        return SITREP_EARG;
    int sec = section_of(f->type);
    sitrep_status st = f->actor || f->place ? match_names(s, f->actor, f->place) : SITREP_OK;
    sr_buf sql;
    sr_buf_init(&sql, s->mem);
    if (st == SITREP_OK && !query_sql(f, &sql))
        st = SITREP_ENOMEM;
    sqlite3_stmt *q = NULL;
    if (st == SITREP_OK)
        st = prep(s, sql.data, &q);
    if (st == SITREP_OK && getenv("SITREP_STORE_PLAN"))
        print_plan(s, sql.data);
    sr_buf_free(&sql);
    if (st != SITREP_OK)
        return st;
    int np = sqlite3_bind_parameter_count(q);
    if (f->since && np >= 3)
        sqlite3_bind_text(q, 3, f->since, -1, SQLITE_TRANSIENT);
    if (f->until && np >= 4)
        sqlite3_bind_text(q, 4, f->until, -1, SQLITE_TRANSIENT);
    if (f->status && np >= 5)
        sqlite3_bind_text(q, 5, f->status, -1, SQLITE_TRANSIENT);
    sr_record_iter it;
    memset(&it, 0, sizeof it);
    it.s = s;
    sr_buf_init(&it.out, s->mem);
    sr_buf_init(&it.aux, s->mem);
    st = parts_init(&it.p, s);
    int rc = SQLITE_DONE;
    while (st == SITREP_OK && sec >= 0 && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        st = section_record(&it, sec, q);
        if (st == SITREP_OK && (write(it.out.data, it.out.len, ctx) || write("\n", 1, ctx)))
            st = SITREP_EIO;
    }
    if (st == SITREP_OK && rc != SQLITE_DONE)
        st = sr_db_fail(s, "querying");
    if (it.p.s)
        parts_free(&it.p);
    sr_buf_free(&it.out);
    sr_buf_free(&it.aux);
    sqlite3_finalize(q);
    return st;
}
