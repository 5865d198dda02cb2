/*
 * corpus_json.c -- the corpus records of the output contract (CONTRACT.md):
 * `entity` records, in an order that does not depend on the order in which
 * documents were added (kind, then name, then identity).
 */
#include "corpus/corpus.h"
#include "corpus/record.h"
#include "core/jsonw.h"
#include "report/report.h"
#include "wordhash.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_entity(const void *a, const void *b)
{
    const sr_centity *x = *(const sr_centity *const *)a;
    const sr_centity *y = *(const sr_centity *const *)b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* Mentions of one entity: by document, then place. */
static int cmp_mention(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const sr_cmention *x = a, *y = b;
    int c = strcmp(x->doc, y->doc);
    if (c)
        return c;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}


/* Sets every member of `from` on `o` in order, and takes `from`. */
static bool put_all(json_t *o, json_t *from)
{
    bool ok = o && from && json_object_update(o, from) == 0;
    json_decref(from);
    return ok;
}

/* Appends the JSON string of s[0..n) (jansson's escaping, as every
 * other string of the records). */
static bool put_string(sr_buf *out, const char *s, size_t n)
{
    return sr_jsonw_string(out, s, n);
}

/* Appends a mention's span {doc, start, end, quote}: the bytes jansson
 * writes for sr_rec_span's object. */
static bool put_span(sr_buf *out, const sr_cmention *m)
{
    char num[48];
    int k = snprintf(num, sizeof num, ",\"start\":%u,\"end\":%u,\"quote\":", (unsigned)m->start, (unsigned)m->end);
    return sr_buf_puts(out, "{\"doc\":") && put_string(out, m->doc, strlen(m->doc)) &&
           sr_buf_put(out, num, (size_t)k) && put_string(out, m->quote, m->quote_len) && sr_buf_putc(out, '}');
}

/* One entity record from its mentions ms[0..n) (sorted by document),
 * written as one line.  Its fields before the mentions are one small
 * object; `"mentions"` is its last member, so its array is appended span
 * by span as bytes, never held as a tree (an entity of a long run has
 * hundreds of thousands). */
static sitrep_status entity_emit(const sr_centity *e, const char *id,
                                 const sr_cmention *ms, size_t n, const char **scratch, sr_buf *line,
                                 sitrep_write_fn write, void *ctx)
{
    json_t *o = sr_rec_entity_head(e, id);
    if (o == NULL)
        return SITREP_ENOMEM;
    bool ok = true;
    /* aliases: the canonical name and every distinct surface form (a
     * person's without the title before the name) */
    size_t na = 0;
    scratch[na++] = e->name;
    for (size_t i = 0; i < n; i++)
        scratch[na++] = ms[i].alias ? ms[i].alias : ms[i].quote;
    qsort(scratch, na, sizeof *scratch, cmp_str);
    json_t *aliases = json_array();
    for (size_t i = 0; i < na; i++)
        if (i == 0 || strcmp(scratch[i], scratch[i - 1]) != 0)
            ok = sr_json_push(aliases, json_string(scratch[i])) && ok;
    ok = sr_json_put(o, "aliases", aliases) && ok;
    json_t *docs = json_array();
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(ms[i].doc, ms[i - 1].doc) != 0)
            ok = sr_json_push(docs, json_string(ms[i].doc)) && ok;
    ok = sr_json_put(o, "documents", docs) && ok;
    ok = put_all(o, sr_rec_entity_middle(e)) && ok;
    line->len = 0;
    ok = ok && sr_jsonw_value(line, o, 8);
    json_decref(o);
    /* the object without its closing brace, then the mentions */
    ok = ok && line->len > 0 && line->data[line->len - 1] == '}';
    if (ok)
        line->len--;
    ok = ok && sr_buf_puts(line, ",\"mentions\":[");
    for (size_t i = 0; i < n && ok; i++)
        ok = (i == 0 || sr_buf_putc(line, ',')) && put_span(line, &ms[i]);
    ok = ok && sr_buf_puts(line, "]}\n");
    if (!ok)
        return SITREP_ENOMEM;
    return write(line->data, line->len, ctx) ? SITREP_EIO : SITREP_OK;
}

static int cmp_expr(const void *a, const void *b)
{
    const sr_cexpr *x = *(const sr_cexpr *const *)a, *y = *(const sr_cexpr *const *)b;
    int c = strcmp(x->doc, y->doc);
    if (c)
        return c;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* One `time` or `figure` mention record (CONTRACT.md). */
static json_t *expr_json(const sr_cexpr *x)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = sr_json_put(o, "type", json_string(x->type == SR_CEXPR_TIME ? "time" : "figure"));
    ok = sr_json_put(o, "doc", json_string(x->doc)) && ok;
    ok = sr_json_put(o, "start", json_integer(x->start)) && ok;
    ok = sr_json_put(o, "end", json_integer(x->end)) && ok;
    ok = sr_json_put(o, "quote", json_stringn(x->quote, x->quote_len)) && ok;
    json_t *v;
    if (x->type == SR_CEXPR_TIME) {
        if (x->from[0]) {
            v = json_object();
            ok = v && sr_json_put(v, "start", json_string(x->from)) && ok;
            ok = v && sr_json_put(v, "end", json_string(x->to[0] ? x->to : x->from)) && ok;
        } else {
            v = json_null();
        }
        ok = sr_json_put(o, "value", v) && ok;
        ok = sr_json_put(o, "precision", sr_json_str_or_null(x->precision)) && ok;
        ok = sr_json_put(o, "kind", sr_json_str_or_null(x->kind)) && ok;
        if (x->duration[0])
            ok = sr_json_put(o, "duration", json_string(x->duration)) && ok;
        if (x->relation)
            ok = sr_json_put(o, "relation", json_string(x->relation)) && ok;
        if (x->mod)
            ok = sr_json_put(o, "mod", json_string(x->mod)) && ok;
        if (x->pfrom[0]) { /* what it covers: "since 1989" to the document date */
            v = json_object();
            ok = v && sr_json_put(v, "start", json_string(x->pfrom)) && ok;
            ok = v && sr_json_put(v, "end", json_string(x->pto[0] ? x->pto : x->pfrom)) && ok;
            ok = sr_json_put(o, "period", v) && ok;
        }
    } else {
        v = json_object();
        ok = v && sr_json_put(v, "low", json_real(x->low)) && ok;
        ok = v && sr_json_put(v, "high", json_real(x->high)) && ok;
        ok = sr_json_put(o, "value", v) && ok;
        ok = sr_json_put(o, "qualifier", sr_json_str_or_null(x->qualifier)) && ok;
        ok = sr_json_put(o, "unit", x->unit[0] ? json_string(x->unit) : json_null()) && ok;
        ok = sr_json_put(o, "measure", sr_json_str_or_null(x->measure)) && ok;
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Is the next record one the writer writes?  All of them, unless a range
 * of the records is asked for (sitrep_corpus_write_json_range): then
 * those whose place is in the range (sr_slice: their section, and where
 * their estimated bytes start among their section's, as a fraction of
 * its estimated bytes, computed alike in every corpus made alike), the
 * others passed by before they are built.  `w` is the record's estimate
 * (its length, or what its lists make it): the records are cut by bytes,
 * not by count, so that a range of entities (each with every mention)
 * is as long to write as one of the short records of many claims. */
static bool wanted(const sitrep_corpus *c, size_t w)
{
    sr_slice *s = c->slice;
    if (!s)
        return true;
    size_t at = s->at;
    s->at += w ? w : 1;
    double f = s->total ? (double)at / (double)s->total : 0;
    bool from = s->sec > s->lo_sec || (s->sec == s->lo_sec && f >= s->lo_frac);
    bool to = s->sec < s->hi_sec || (s->sec == s->hi_sec && f < s->hi_frac);
    return from && to;
}

/* The estimated bytes of a quoted span in a record (its quote, document
 * id, offsets and keys). */
#define SPAN_BYTES 72

/* The estimated bytes of each kind of record: one home for the writer
 * (wanted()) and the totals (sr_corpus_section_bytes). */
static size_t est_document(const sr_cdoc *d)
{
    return d->record_len + 1;
}
static size_t est_story(size_t ndocs)
{
    return 120 + ndocs * 24;
}
/* an entity with n mentions whose quotes hold qb bytes */
static size_t est_entity(size_t n, size_t qb)
{
    return 200 + n * SPAN_BYTES + qb;
}
/* a claim or event record whose sources are `sources` bytes (sources_bytes) */
static size_t est_sourced(size_t sources)
{
    return 400 + sources;
}
static size_t est_conflict(const sr_cconflict *cf)
{
    return 200 + cf->reason_len;
}
enum { EST_TREND = 600 };
static size_t est_expr(const sr_cexpr *x)
{
    return 200 + x->quote_len;
}

static sitrep_status write_exprs(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t n = SR_VEC_COUNT(&c->exprs, sr_cexpr);
    if (n == 0)
        return SITREP_OK;
    const sr_cexpr **order = c->mem->calloc(n, sizeof *order);
    if (order == NULL)
        return SITREP_ENOMEM;
    const sr_cexpr *all = (const sr_cexpr *)(const void *)c->exprs.data;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (all[i].alive)
            order[m++] = &all[i];
    n = m;
    qsort(order, n, sizeof *order, cmp_expr);
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        if (!wanted(c, est_expr(order[i])))
            continue;
        json_t *o = expr_json(order[i]);
        if (o == NULL) {
            st = SITREP_ENOMEM;
            break;
        }
        st = sr_json_emit(o, c->mem, write, ctx);
        json_decref(o);
    }
    c->mem->free(order);
    return st;
}

/* ---- claims and events ---- */


/* Sources and documents of members[0..n) (each an index into the claims
 * or events), in member order (by document id, then position); each
 * member's spans read from their rows. */
static bool sources_json(const sitrep_corpus *c, const sr_rows *spans, const size_t *first, const uint32_t *members,
                         size_t n, json_t *o)
{
    json_t *src = json_array(), *docs = json_array();
    bool ok = src && docs;
    const char *last_doc = NULL;
    sr_buf rows, quote;
    sr_buf_init(&rows, c->mem);
    sr_buf_init(&quote, c->mem);
    for (size_t m = 0; m < n && ok; m++) {
        size_t k0 = first[members[m]], nk = first[members[m] + 1] - k0;
        ok = sr_rows_load(spans, k0, nk, &rows) == SITREP_OK;
        const sr_cspan *sp = (const sr_cspan *)(const void *)rows.data;
        for (size_t k = 0; k < nk && ok; k++) {
            /* its quote, kept on disk (corpus.c) */
            ok = sr_corpus_span_quote(c, &sp[k], &quote) == SITREP_OK;
            ok = ok && sr_json_push(src, sr_rec_span(sp[k].doc, sp[k].start, sp[k].end, quote.data, sp[k].quote_len));
            if (!last_doc || strcmp(last_doc, sp[k].doc) != 0) {
                ok = sr_json_push(docs, json_string(sp[k].doc)) && ok;
                last_doc = sp[k].doc;
            }
        }
    }
    sr_buf_free(&rows);
    sr_buf_free(&quote);
    ok = sr_json_put(o, "sources", src) && ok;
    ok = sr_json_put(o, "documents", docs) && ok;
    return ok;
}

/* The estimated bytes of the sources of members[0..n) (sources_json). */
/* qb[o]: the bytes of the quotes of owner o's spans (sr_span_index) */
static size_t sources_bytes(const size_t *qb, const size_t *first, const uint32_t *members, size_t n)
{
    size_t w = 0;
    for (size_t m = 0; m < n; m++)
        w += (first[members[m] + 1] - first[members[m]]) * SPAN_BYTES + qb[members[m]];
    return w;
}

static json_t *group_json(const sitrep_corpus *c, const sr_cgroup *g, const size_t *first)
{
    /* the claims are not held while they are written (a run's largest
     * table): the row the record shows is read where it is */
    sr_cclaim x;
    if (sr_corpus_rows(c, SR_HOLD_CLAIMS, g->rep, 1, &x) != SITREP_OK)
        return NULL;
    const uint32_t *members = (const uint32_t *)(const void *)c->claim_members.data + g->first_member;
    json_t *o = sr_rec_claim_head(&x, g->id, g->actor, g->attributed_to, g->from, g->to);
    if (o == NULL)
        return NULL;
    bool ok = sources_json(c, &c->claim_spans, first, members, g->nmembers, o);
    ok = put_all(o, sr_rec_claim_tail(g->outlets, g->contested)) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static sitrep_status emit(const sitrep_corpus *c, json_t *o, sitrep_write_fn write, void *ctx)
{
    if (o == NULL)
        return SITREP_ENOMEM;
    sitrep_status st = sr_json_emit(o, c->mem, write, ctx);
    json_decref(o);
    return st;
}

/* The end of the run of one report's members that starts at members[m]
 * (members are in document order). */
static size_t report_run_end(const sr_cevent *ev, const uint32_t *members, size_t m, size_t n)
{
    size_t e = m + 1;
    while (e < n && strcmp(ev[members[e]].doc, ev[members[m]].doc) == 0)
        e++;
    return e;
}

/* Does the happening have members in more than one report? */
static bool many_reports(const sitrep_corpus *c, const sr_cegroup *g)
{
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    const uint32_t *members = (const uint32_t *)(const void *)c->event_members.data + g->first_member;
    return g->nmembers > 0 && report_run_end(ev, members, 0, g->nmembers) < g->nmembers;
}

/* One event record.  members[0..n) are the members shown together: the
 * whole happening when only one report tells it, else one report's own
 * members, so each report keeps its own place, date, toll and actors (a
 * dateline of another capital does not move the others' happening);
 * `happening` names the merged record then.  x is the member shown. */
static json_t *event_json(const sitrep_corpus *c, const sr_cevent *x, const char *id, const char *key, json_t *value,
                          const uint32_t *members, size_t n, const uint32_t *all, size_t nall, const size_t *first)
{
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    /* the shown member's actors first, then any other member's */
    json_t *actors = sr_rec_event_actors(x, ev, all, nall, NULL, NULL);
    if (!actors) {
        json_decref(value);
        return NULL;
    }
    json_t *o = sr_rec_event_head(x, id, actors);
    if (o == NULL) {
        json_decref(value);
        return NULL;
    }
    bool ok = sr_json_put(o, key, value);
    ok = sources_json(c, &c->event_spans, first, members, n, o) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The happening merged across reports: its best-sourced member's fields
 * (corroborate.c picks it), every member's actors and spans, and the
 * events of each report. */
static json_t *happening_json(const sitrep_corpus *c, const sr_cegroup *g, const size_t *first)
{
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    const uint32_t *members = (const uint32_t *)(const void *)c->event_members.data + g->first_member;
    json_t *evs = json_array();
    bool ok = evs != NULL;
    for (size_t m = 0; m < g->nmembers && ok; m++) {
        if (m > 0 && strcmp(ev[members[m]].doc, ev[members[m - 1]].doc) == 0)
            continue;
        char id[24];
        sr_rec_event_id(&ev[members[m]], id);
        ok = sr_json_push(evs, json_string(id));
    }
    if (!ok) {
        json_decref(evs);
        return NULL;
    }
    char hid[24];
    snprintf(hid, sizeof hid, "H%s", g->id + 1);
    json_t *o = event_json(c, &ev[g->rep], hid, "events", evs, members, g->nmembers, members, g->nmembers, first);
    if (o && !sr_json_put(o, "type", json_string("happening"))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The happening's event records: one, or one per report telling it. */
static sitrep_status egroup_emit(const sitrep_corpus *c, const sr_cegroup *g, const size_t *first,
                                 const size_t *qb, sitrep_write_fn write, void *ctx)
{
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    const uint32_t *members = (const uint32_t *)(const void *)c->event_members.data + g->first_member;
    if (!many_reports(c, g)) {
        if (!wanted(c, est_sourced(sources_bytes(qb, first, members, g->nmembers))))
            return SITREP_OK;
        return emit(c, event_json(c, &ev[g->rep], g->id, "happening", json_null(), members, g->nmembers, members,
                                  g->nmembers, first),
                    write, ctx);
    }
    const sr_cevent *r = &ev[g->rep];
    sitrep_status st = SITREP_OK;
    /* members are in document order: each report's run */
    for (size_t m = 0; m < g->nmembers && st == SITREP_OK;) {
        size_t e = report_run_end(ev, members, m, g->nmembers);
        if (!wanted(c, est_sourced(sources_bytes(qb, first, members + m, e - m)))) {
            m = e;
            continue;
        }
        sr_cevent y;
        sr_rec_event_own(&ev[members[m]], r, &y);
        char hid[24];
        snprintf(hid, sizeof hid, "H%s", g->id + 1);
        char id[24];
        sr_rec_event_id(&ev[members[m]], id);
        st = emit(c, event_json(c, &y, id, "happening", json_string(hid), members + m, e - m, members, g->nmembers,
                                first), write, ctx);
        m = e;
    }
    return st;
}

/* A merged record's place in the output: its first member's document id
 * and position, read once per record (a comparison that went through the
 * members to the claim or event cost cache misses n log n times). */
typedef struct out_key {
    const char *doc;
    uint32_t first;
    uint32_t index; /* the record's index */
} out_key;

static int cmp_out_key(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const out_key *a = pa, *b = pb;
    int k = strcmp(a->doc, b->doc);
    if (k)
        return k;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* The indexes of the ng merged records in the order of their first member
 * (document id, position); NULL when out of memory. */
static uint32_t *output_order(const sitrep_corpus *c, bool events, size_t ng)
{
    out_key *keys = c->mem->calloc(ng ? ng : 1, sizeof *keys);
    uint32_t *order = c->mem->calloc(ng ? ng : 1, sizeof *order);
    if (!keys || !order) {
        c->mem->free(keys);
        c->mem->free(order);
        return NULL;
    }
    for (size_t i = 0; i < ng && events; i++) {
        const sr_cegroup *g = &SR_VEC_AT(&c->egroups, sr_cegroup, i);
        const sr_cevent *x =
            &SR_VEC_AT(&c->events, sr_cevent, SR_VEC_AT(&c->event_members, uint32_t, g->first_member));
        keys[i] = (out_key){x->doc, x->first, (uint32_t)i};
    }
    /* the claims are not held while they are written: their keys from
     * their rows read once in order (a group's key is its first member's,
     * found by the member's group), any group missed from its own row */
    enum { CHUNK = 256 };
    sr_cclaim *rows = events ? NULL : c->mem->calloc(CHUNK, sizeof *rows);
    bool ok = events || rows != NULL;
    size_t nc = events ? 0 : sr_corpus_nclaims(c);
    const sr_cgroup *gs = (const sr_cgroup *)(const void *)c->groups.data;
    const uint32_t *cm = (const uint32_t *)(const void *)c->claim_members.data;
    for (size_t i0 = 0; i0 < nc && ok; i0 += CHUNK) {
        size_t n = nc - i0 < CHUNK ? nc - i0 : CHUNK;
        ok = sr_corpus_rows(c, SR_HOLD_CLAIMS, i0, n, rows) == SITREP_OK;
        for (size_t k = 0; k < n && ok; k++) {
            int32_t g = rows[k].group;
            if (g >= 0 && (size_t)g < ng && cm[gs[g].first_member] == i0 + k)
                keys[g] = (out_key){rows[k].doc, rows[k].first, (uint32_t)g};
        }
    }
    for (size_t g = 0; g < ng && ok && !events; g++)
        if (!keys[g].doc) {
            ok = sr_corpus_rows(c, SR_HOLD_CLAIMS, cm[gs[g].first_member], 1, rows) == SITREP_OK;
            keys[g] = (out_key){rows[0].doc, rows[0].first, (uint32_t)g};
        }
    c->mem->free(rows);
    if (!ok || !sr_sort(keys, ng, sizeof *keys, cmp_out_key, NULL, c->mem)) {
        c->mem->free(keys);
        c->mem->free(order);
        return NULL;
    }
    for (size_t i = 0; i < ng; i++)
        order[i] = keys[i].index;
    c->mem->free(keys);
    return order;
}

/* What writing the claims or the events prepares, kept in c->prep for
 * the next range: each owner's first span and quote bytes (sr_span_index)
 * and the merged records' output order. */
typedef struct sourced_prep {
    size_t *first, *qb;
    uint32_t *order;
} sourced_prep;

/* What writing the entities prepares: their order, and the mention rows'
 * numbers by entity (idx[first[e] .. first[e + 1])) with each entity's
 * quote bytes. */
typedef struct entity_prep {
    const sr_centity **order;
    size_t *first, *qbytes;
    uint32_t *idx;
    size_t most;
} entity_prep;

struct sr_prep {
    sourced_prep claims, events;
    bool claims_ready, events_ready;
    entity_prep entities;
    bool entities_ready;
};

static void sourced_free(const sitrep_corpus *c, sourced_prep *p)
{
    c->mem->free(p->first);
    c->mem->free(p->qb);
    c->mem->free(p->order);
    memset(p, 0, sizeof *p);
}

static void entity_prep_free(const sitrep_corpus *c, entity_prep *p)
{
    c->mem->free((void *)p->order);
    c->mem->free(p->first);
    c->mem->free(p->qbytes);
    c->mem->free(p->idx);
    memset(p, 0, sizeof *p);
}

void sr_corpus_prep_free(sitrep_corpus *c)
{
    if (!c->prep)
        return;
    sourced_free(c, &c->prep->claims);
    sourced_free(c, &c->prep->events);
    entity_prep_free(c, &c->prep->entities);
    c->mem->free(c->prep);
    c->prep = NULL;
}

static struct sr_prep *prep_of(sitrep_corpus *c)
{
    if (!c->prep)
        c->prep = c->mem->calloc(1, sizeof *c->prep);
    return c->prep;
}

/* The claims' (or events') preparation, made once. */
static sitrep_status prep_sourced(sitrep_corpus *c, bool events, const sourced_prep **out)
{
    struct sr_prep *pr = prep_of(c);
    if (!pr)
        return SITREP_ENOMEM;
    sourced_prep *p = events ? &pr->events : &pr->claims;
    bool *ready = events ? &pr->events_ready : &pr->claims_ready;
    if (!*ready) {
        p->first = events ? sr_span_index(c, &c->event_spans, SR_VEC_COUNT(&c->events, sr_cevent), &p->qb)
                          : sr_span_index(c, &c->claim_spans, sr_corpus_nclaims(c), &p->qb);
        p->order = output_order(c, events,
                                events ? SR_VEC_COUNT(&c->egroups, sr_cegroup) : SR_VEC_COUNT(&c->groups, sr_cgroup));
        if (!p->first || !p->qb || !p->order) {
            sourced_free(c, p);
            return SITREP_ENOMEM;
        }
        *ready = true;
    }
    *out = p;
    return SITREP_OK;
}

static sitrep_status write_claims(sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    const sourced_prep *p = NULL;
    sitrep_status st = prep_sourced(c, false, &p);
    for (size_t i = 0; i < ng && st == SITREP_OK; i++) {
        const sr_cgroup *g = &SR_VEC_AT(&c->groups, sr_cgroup, p->order[i]);
        if (wanted(c, est_sourced(sources_bytes(p->qb, p->first,
                                                (const uint32_t *)(const void *)c->claim_members.data +
                                                    g->first_member,
                                                g->nmembers))))
            st = emit(c, group_json(c, g, p->first), write, ctx);
    }
    return st;
}

static sitrep_status write_events(sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t ng = SR_VEC_COUNT(&c->egroups, sr_cegroup);
    const sourced_prep *p = NULL;
    sitrep_status st = prep_sourced(c, true, &p);
    for (size_t i = 0; i < ng && st == SITREP_OK; i++)
        st = egroup_emit(c, &SR_VEC_AT(&c->egroups, sr_cegroup, p->order[i]), p->first, p->qb, write,
                         ctx); /* wanted() per record */
    /* then the happenings merged across reports */
    for (size_t i = 0; i < ng && st == SITREP_OK; i++) {
        const sr_cegroup *g = &SR_VEC_AT(&c->egroups, sr_cegroup, p->order[i]);
        if (many_reports(c, g) &&
            wanted(c, est_sourced(sources_bytes(p->qb, p->first,
                                                (const uint32_t *)(const void *)c->event_members.data +
                                                    g->first_member,
                                                g->nmembers))))
            st = emit(c, happening_json(c, g, p->first), write, ctx);
    }
    return st;
}

static int cmp_conflict(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *c = ctx;
    const sr_cconflict *a = pa, *b = pb;
    const sr_cgroup *g = (const sr_cgroup *)(const void *)c->groups.data;
    int k = strcmp(g[a->a].id, g[b->a].id);
    return k ? k : strcmp(g[a->b].id, g[b->b].id);
}

static sitrep_status write_conflicts(sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t n = SR_VEC_COUNT(&c->conflicts, sr_cconflict);
    sr_cconflict *cf = (sr_cconflict *)(void *)c->conflicts.data;
    const sr_cgroup *g = (const sr_cgroup *)(const void *)c->groups.data;
    /* a dispute's pair is in id order, an update's the earlier report
     * first (corroborate.c) */
    if (n == 0)
        return SITREP_OK;
    if (!sr_sort(cf, n, sizeof *cf, cmp_conflict, c, c->mem))
        return SITREP_ENOMEM;
    sitrep_status st = SITREP_OK;
    sr_buf reason; /* read back from the spill file (corpus.c) */
    sr_buf_init(&reason, c->mem);
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        if (!wanted(c, est_conflict(&cf[i])))
            continue;
        st = sr_corpus_conflict_reason(c, &cf[i], &reason);
        if (st == SITREP_OK)
            st = emit(c,
                      sr_rec_conflict(g[cf[i].a].id, cf[i].b != cf[i].a ? g[cf[i].b].id : NULL,
                                      cf[i].kind == SR_CONFLICT_UPDATE ? "update" : "dispute", reason.data),
                      write, ctx);
    }
    sr_buf_free(&reason);
    return st;
}

static sitrep_status write_trends(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t n = SR_VEC_COUNT(&c->trends, sr_ctrend);
    const sr_ctrend *tr = (const sr_ctrend *)(const void *)c->trends.data;
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++)
        if (wanted(c, EST_TREND))
            st = emit(c, sr_rec_trend(c, &tr[i]), write, ctx);
    return st;
}

/* ---- documents and stories ---- */

static int cmp_doc(const void *pa, const void *pb)
{
    const sr_cdoc *a = *(const sr_cdoc *const *)pa, *b = *(const sr_cdoc *const *)pb;
    return strcmp(a->id, b->id);
}

static sitrep_status write_document(const sitrep_corpus *c, const sr_cdoc *d, sr_buf *rec, sr_buf *out,
                                    sitrep_write_fn write, void *ctx)
{
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    const sr_cstory *stories = (const sr_cstory *)(const void *)c->stories.data;
    bool set_inferred = !d->published[0] && d->inferred[0];
    out->len = 0;
    sitrep_status st = sr_corpus_doc_record(c, d, rec); /* kept on disk (corpus.c) */
    if (st != SITREP_OK)
        return st;
    st = sr_rec_document(rec->data, rec->len, set_inferred ? d->inferred : NULL,
                                       set_inferred ? d->basis : NULL, d->story >= 0 ? stories[d->story].id : NULL,
                                       d->dup_of >= 0 ? docs[d->dup_of].id : NULL, out);
    if (st != SITREP_OK)
        return st;
    if (!sr_buf_putc(out, '\n'))
        return SITREP_ENOMEM;
    return write(out->data, out->len, ctx) ? SITREP_EIO : SITREP_OK;
}

static sitrep_status write_documents(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t n = SR_VEC_COUNT(&c->docs, sr_cdoc);
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    const sr_cdoc **order = c->mem->calloc(n ? n : 1, sizeof *order);
    if (!order)
        return SITREP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        order[i] = &docs[i];
    qsort(order, n, sizeof *order, cmp_doc);
    sr_buf line, rec;
    sr_buf_init(&line, c->mem);
    sr_buf_init(&rec, c->mem);
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++)
        if (wanted(c, est_document(order[i])))
            st = write_document(c, order[i], &rec, &line, write, ctx);
    sr_buf_free(&rec);
    sr_buf_free(&line);
    c->mem->free(order);
    return st;
}

static int cmp_story(const void *pa, const void *pb)
{
    const sr_cstory *a = *(const sr_cstory *const *)pa, *b = *(const sr_cstory *const *)pb;
    return strcmp(a->id, b->id);
}

static sitrep_status write_stories(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t ns = SR_VEC_COUNT(&c->stories, sr_cstory), nd = SR_VEC_COUNT(&c->docs, sr_cdoc);
    const sr_cstory *stories = (const sr_cstory *)(const void *)c->stories.data;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    const sr_cstory **order = c->mem->calloc(ns ? ns : 1, sizeof *order);
    const sr_cdoc **members = c->mem->calloc(nd ? nd : 1, sizeof *members);
    size_t *first = c->mem->calloc(ns + 1, sizeof *first);
    sitrep_status st = order && members && first ? SITREP_OK : SITREP_ENOMEM;
    if (st == SITREP_OK) {
        for (size_t s = 0; s < ns; s++)
            order[s] = &stories[s];
        qsort(order, ns, sizeof *order, cmp_story);
        /* documents by story, each story's in id order */
        for (size_t i = 0; i < nd; i++)
            first[docs[i].story + 1]++;
        for (size_t s = 0; s < ns; s++)
            first[s + 1] += first[s];
        size_t *fill = c->mem->calloc(ns ? ns : 1, sizeof *fill);
        if (!fill)
            st = SITREP_ENOMEM;
        for (size_t i = 0; i < nd && st == SITREP_OK; i++)
            members[first[docs[i].story] + fill[docs[i].story]++] = &docs[i];
        c->mem->free(fill);
        for (size_t s = 0; s < ns && st == SITREP_OK; s++)
            qsort(members + first[s], first[s + 1] - first[s], sizeof *members, cmp_doc);
    }
    for (size_t k = 0; k < ns && st == SITREP_OK; k++) {
        size_t s = (size_t)(order[k] - stories);
        if (!wanted(c, est_story(first[s + 1] - first[s])))
            continue;
        json_t *o = sr_rec_story_head(stories[s].id, stories[s].title);
        bool ok = o != NULL;
        json_t *ids = json_array();
        for (size_t i = first[s]; i < first[s + 1] && ok; i++)
            ok = sr_json_push(ids, json_string(members[i]->id));
        ok = sr_json_put(o, "documents", ids) && ok; /* always handed over: no leak when ok is false */
        /* first and last seen: its articles' dates, stated or inferred */
        const char *fs = NULL, *ls = NULL;
        for (size_t i = first[s]; i < first[s + 1]; i++) {
            const char *d = members[i]->published[0] ? members[i]->published : members[i]->inferred;
            if (!d[0])
                continue;
            if (!fs || strcmp(d, fs) < 0)
                fs = d;
            if (!ls || strcmp(d, ls) > 0)
                ls = d;
        }
        ok = ok && put_all(o, sr_rec_story_tail(fs, ls));
        if (!ok) {
            json_decref(o);
            st = SITREP_ENOMEM;
            break;
        }
        st = emit(c, o, write, ctx);
    }
    c->mem->free(order);
    c->mem->free(members);
    c->mem->free(first);
    return st;
}

/* The entities' preparation, made once: their order, and the mentions
 * (rows on disk, the run's largest array) sorted by entity in memory, a
 * counting sort of their numbers in two reads of the rows in order. */
static sitrep_status prep_entities(sitrep_corpus *c, const entity_prep **out)
{
    struct sr_prep *pr = prep_of(c);
    if (!pr)
        return SITREP_ENOMEM;
    entity_prep *p = &pr->entities;
    *out = p;
    if (pr->entities_ready)
        return SITREP_OK;
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity);
    size_t nm = c->mentions.n;
    const sr_centity *es = (const sr_centity *)(const void *)c->entities.data;
    p->order = c->mem->calloc(ne ? ne : 1, sizeof *p->order);
    p->first = c->mem->calloc(ne + 2, sizeof *p->first);
    p->idx = nm < UINT32_MAX ? c->mem->calloc(nm ? nm : 1, sizeof *p->idx) : NULL;
    p->qbytes = c->mem->calloc(ne + 1, sizeof *p->qbytes); /* each entity's mentions' quote bytes */
    if (!p->order || !p->first || !p->idx || !p->qbytes) {
        entity_prep_free(c, p);
        return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++)
        p->order[i] = &es[i];
    qsort(p->order, ne, sizeof *p->order, cmp_entity);
    sitrep_status st = SITREP_OK;
    size_t *first = p->first;
    for (int pass = 0; pass < 2 && st == SITREP_OK; pass++) {
        sr_cmention buf[256];
        for (size_t i = 0; i < nm && st == SITREP_OK;) {
            size_t n = nm - i < 256 ? nm - i : 256;
            st = sr_rows_get(&c->mentions, i, n, buf);
            for (size_t k = 0; k < n && st == SITREP_OK; k++) {
                if (buf[k].entity >= ne)
                    st = SITREP_EFORMAT;
                else if (pass == 0)
                    first[buf[k].entity + 2]++, p->qbytes[buf[k].entity] += buf[k].quote_len;
                else
                    p->idx[first[buf[k].entity + 1]++] = (uint32_t)(i + k);
            }
            i += n;
        }
        if (pass == 0) /* first[e + 2]: where entity e + 1 starts */
            for (size_t e = 0; e + 2 <= ne + 1; e++)
                first[e + 2] += first[e + 1];
    }
    if (st != SITREP_OK) {
        entity_prep_free(c, p);
        return st;
    }
    /* now first[e + 1] is where entity e + 1 starts: first[e] .. first[e + 1] are e's */
    for (size_t e = 0; e < ne; e++)
        if (first[e + 1] - first[e] > p->most)
            p->most = first[e + 1] - first[e];
    pr->entities_ready = true;
    return SITREP_OK;
}

/* The mentions of the entities written together: one read of the file
 * for the rows of each block of GATHER_ROWS that a window of entities
 * needs, in the file's order, instead of a read for each block of each
 * entity (an entity's mentions lie across the whole file, so the reads
 * were as many as the rows, 40 bytes each).  A window holds up to
 * WINDOW_ROWS rows, or one entity's when it has more. */
enum { WINDOW_ROWS = 16384, GATHER_ROWS = 256 };

typedef struct ent_window {
    sr_cmention *rows;  /* the window's rows, each entity's in a run */
    uint32_t *row;      /* the row number of each */
    uint32_t *by_block; /* their places in rows, by block (counting sort) */
    uint32_t *count;    /* per block: rows of the window in it, then where they start */
    size_t *ent;        /* per entity of the window (kept ones): entity, first place, count */
    size_t cap, nblocks;
} ent_window;

static void window_free(const sitrep_corpus *c, ent_window *w)
{
    c->mem->free(w->rows);
    c->mem->free(w->row);
    c->mem->free(w->by_block);
    c->mem->free(w->count);
    c->mem->free(w->ent);
}

/* Reads rows w->row[0 .. used) into w->rows, a block at a time. */
static sitrep_status window_read(const sitrep_corpus *c, ent_window *w, size_t used)
{
    memset(w->count, 0, (w->nblocks + 1) * sizeof *w->count);
    for (size_t i = 0; i < used; i++)
        w->count[w->row[i] / GATHER_ROWS + 1]++;
    for (size_t b = 0; b < w->nblocks; b++)
        w->count[b + 1] += w->count[b];
    /* count[b]: where block b's places start; advanced while placing */
    for (size_t i = 0; i < used; i++)
        w->by_block[w->count[w->row[i] / GATHER_ROWS]++] = (uint32_t)i;
    sr_cmention block[GATHER_ROWS];
    sitrep_status st = SITREP_OK;
    for (size_t i = 0, j; i < used && st == SITREP_OK; i = j) {
        uint32_t b = w->row[w->by_block[i]] / GATHER_ROWS;
        uint32_t lo = w->row[w->by_block[i]], hi = lo;
        for (j = i + 1; j < used && w->row[w->by_block[j]] / GATHER_ROWS == b; j++) {
            uint32_t r = w->row[w->by_block[j]];
            lo = r < lo ? r : lo;
            hi = r > hi ? r : hi;
        }
        st = sr_rows_get(&c->mentions, lo, (size_t)(hi - lo) + 1, block);
        for (size_t k = i; k < j && st == SITREP_OK; k++)
            w->rows[w->by_block[k]] = block[w->row[w->by_block[k]] - lo];
    }
    return st;
}

static sitrep_status write_entities(sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity);
    const sr_centity *es = (const sr_centity *)(const void *)c->entities.data;
    const entity_prep *p = NULL;
    sitrep_status st = prep_entities(c, &p);
    if (st != SITREP_OK)
        return st;
    const size_t *first = p->first;
    ent_window w;
    memset(&w, 0, sizeof w);
    w.cap = p->most > WINDOW_ROWS ? p->most : WINDOW_ROWS;
    w.nblocks = c->mentions.n / GATHER_ROWS + 1;
    w.rows = c->mem->calloc(w.cap, sizeof *w.rows);
    w.row = c->mem->calloc(w.cap, sizeof *w.row);
    w.by_block = c->mem->calloc(w.cap, sizeof *w.by_block);
    w.count = c->mem->calloc(w.nblocks + 1, sizeof *w.count);
    w.ent = c->mem->calloc(w.cap, 3 * sizeof *w.ent);
    const char **scratch = c->mem->calloc(p->most + 1, sizeof *scratch);
    sr_buf line;
    sr_buf_init(&line, c->mem);
    if (!w.rows || !w.row || !w.by_block || !w.count || !w.ent || !scratch)
        st = SITREP_ENOMEM;
    for (size_t k = 0; k < ne && st == SITREP_OK;) {
        /* the window: the entities from k on whose rows fit */
        size_t used = 0, kept = 0;
        for (; k < ne; k++) {
            size_t e = (size_t)(p->order[k] - es);
            size_t n = first[e + 1] - first[e];
            if (n == 0)
                continue;
            if (used + n > w.cap)
                break;
            /* a mention's span, its surface form among the aliases, its document */
            if (!wanted(c, est_entity(n, p->qbytes[e])))
                continue;
            memcpy(w.row + used, p->idx + first[e], n * sizeof *w.row);
            w.ent[3 * kept] = e;
            w.ent[3 * kept + 1] = used;
            w.ent[3 * kept + 2] = n;
            kept++;
            used += n;
        }
        st = window_read(c, &w, used);
        for (size_t x = 0; x < kept && st == SITREP_OK; x++) {
            size_t e = w.ent[3 * x], n = w.ent[3 * x + 2];
            sr_cmention *rows = w.rows + w.ent[3 * x + 1];
            /* by document, then place: a stable sort of the rows in the order added */
            if (!sr_sort(rows, n, sizeof *rows, cmp_mention, NULL, c->mem)) {
                st = SITREP_ENOMEM;
                break;
            }
            char id[24];
            snprintf(id, sizeof id, "E%012llx", (unsigned long long)(es[e].key & 0xffffffffffffull));
            st = entity_emit(&es[e], id, rows, n, scratch, &line, write, ctx);
        }
    }
    sr_buf_free(&line);
    window_free(c, &w);
    c->mem->free(scratch);
    return st;
}

/* Does the range take any record of section `sec`? */
static bool touches(const sr_slice *s, unsigned sec)
{
    return s->lo_sec <= sec && (sec < s->hi_sec || (sec == s->hi_sec && s->hi_frac > 0));
}

sitrep_status sr_corpus_write_records(sitrep_corpus *c, unsigned flags,
                                      sitrep_write_fn write, void *ctx)
{
    (void)flags;
    if (c == NULL || write == NULL || !c->finished)
        return SITREP_EARG;
    sitrep_status st = SITREP_OK;
    for (unsigned sec = 0; sec < SR_SECTIONS && st == SITREP_OK; sec++) {
        /* a range passes by the sections it does not take before anything
         * moves: not sorted, not built, and the claims and events not
         * brought into memory for them and parked again (at 100,000
         * articles that churn cost a range of the mention records, which
         * writes nothing, 0.6 s) */
        if (c->slice && !touches(c->slice, sec))
            continue;
        /* each section holds in memory only the events, the section of
         * the events; the claims' are read where they are (a record reads
         * one row, the output order reads them once in order) */
        st = sr_corpus_hold(c, sec == SR_SEC_EVENTS ? SR_HOLD_EVENTS : SR_HOLD_NONE);
        if (st != SITREP_OK)
            break;
        if (c->slice) {
            c->slice->sec = sec;
            c->slice->at = 0;
            st = sr_corpus_section_bytes(c, sec, &c->slice->total);
            if (st != SITREP_OK)
                break;
        }
        switch (sec) {
        case SR_SEC_DOCUMENTS: st = write_documents(c, write, ctx); break;
        case SR_SEC_STORIES: st = write_stories(c, write, ctx); break;
        case SR_SEC_ENTITIES: st = write_entities(c, write, ctx); break;
        case SR_SEC_CLAIMS: st = write_claims(c, write, ctx); break;
        case SR_SEC_EVENTS: st = write_events(c, write, ctx); break;
        case SR_SEC_CONFLICTS: st = write_conflicts(c, write, ctx); break;
        case SR_SEC_TRENDS: st = write_trends(c, write, ctx); break;
        default: st = write_exprs(c, write, ctx); break; /* the mention records come after everything else */
        }
        /* writing them all, no range comes next: a section's preparation
         * goes with it */
        if (!c->slice && c->prep) {
            if (sec == SR_SEC_ENTITIES) {
                entity_prep_free(c, &c->prep->entities);
                c->prep->entities_ready = false;
            } else if (sec == SR_SEC_CLAIMS) {
                sourced_free(c, &c->prep->claims);
                c->prep->claims_ready = false;
            } else if (sec == SR_SEC_EVENTS) {
                sourced_free(c, &c->prep->events);
                c->prep->events_ready = false;
            }
        }
    }
    return st;
}

/* The estimated bytes of the events of one happening (egroup_emit and the
 * happenings' loop of write_events): its record, or each report's and
 * the merged one. */
static size_t est_egroup(const sitrep_corpus *c, const sr_cegroup *g, const size_t *first, const size_t *qb)
{
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    const uint32_t *members = (const uint32_t *)(const void *)c->event_members.data + g->first_member;
    size_t all = est_sourced(sources_bytes(qb, first, members, g->nmembers));
    if (!many_reports(c, g))
        return all;
    size_t w = all;
    for (size_t m = 0, e; m < g->nmembers; m = e) {
        e = report_run_end(ev, members, m, g->nmembers);
        w += est_sourced(sources_bytes(qb, first, members + m, e - m));
    }
    return w;
}

sitrep_status sr_corpus_section_bytes(sitrep_corpus *c, unsigned sec, size_t *total)
{
    if (c == NULL || total == NULL || sec >= SR_SECTIONS)
        return SITREP_EARG;
    *total = 0;
    size_t w = 0;
    sitrep_status st = sr_corpus_hold(c, sec == SR_SEC_EVENTS ? SR_HOLD_EVENTS : SR_HOLD_NONE);
    if (st != SITREP_OK)
        return st;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc);
    if (sec == SR_SEC_DOCUMENTS) {
        for (size_t i = 0; i < nd; i++)
            w += est_document(&docs[i]);
    } else if (sec == SR_SEC_STORIES) {
        /* stories by their documents */
        size_t ns = SR_VEC_COUNT(&c->stories, sr_cstory);
        size_t *per = c->mem->calloc(ns + 1, sizeof *per);
        if (per == NULL)
            return SITREP_ENOMEM;
        for (size_t i = 0; i < nd; i++)
            if (docs[i].story >= 0 && (size_t)docs[i].story < ns)
                per[docs[i].story]++;
        for (size_t k = 0; k < ns; k++)
            w += est_story(per[k]);
        c->mem->free(per);
    } else if (sec == SR_SEC_ENTITIES) {
        /* entities with mentions: each one's count and quote bytes */
        const entity_prep *p = NULL;
        st = prep_entities(c, &p);
        size_t ne = SR_VEC_COUNT(&c->entities, sr_centity);
        for (size_t e = 0; e < ne && st == SITREP_OK; e++)
            if (p->first[e + 1] > p->first[e])
                w += est_entity(p->first[e + 1] - p->first[e], p->qbytes[e]);
    } else if (sec == SR_SEC_CLAIMS || sec == SR_SEC_EVENTS) {
        /* their sources, from their span rows */
        const sourced_prep *p = NULL;
        st = prep_sourced(c, sec == SR_SEC_EVENTS, &p);
        if (st == SITREP_OK && sec == SR_SEC_CLAIMS) {
            size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
            const sr_cgroup *gs = (const sr_cgroup *)(const void *)c->groups.data;
            const uint32_t *cm = (const uint32_t *)(const void *)c->claim_members.data;
            for (size_t g = 0; g < ng; g++)
                w += est_sourced(sources_bytes(p->qb, p->first, cm + gs[g].first_member, gs[g].nmembers));
        } else if (st == SITREP_OK) {
            size_t ng = SR_VEC_COUNT(&c->egroups, sr_cegroup);
            for (size_t g = 0; g < ng; g++)
                w += est_egroup(c, &SR_VEC_AT(&c->egroups, sr_cegroup, g), p->first, p->qb);
        }
    } else if (sec == SR_SEC_CONFLICTS) {
        size_t n = SR_VEC_COUNT(&c->conflicts, sr_cconflict);
        for (size_t i = 0; i < n; i++)
            w += est_conflict(&SR_VEC_AT(&c->conflicts, sr_cconflict, i));
    } else if (sec == SR_SEC_TRENDS) {
        w = SR_VEC_COUNT(&c->trends, sr_ctrend) * EST_TREND;
    } else {
        size_t n = SR_VEC_COUNT(&c->exprs, sr_cexpr);
        for (size_t i = 0; i < n; i++)
            if (SR_VEC_AT(&c->exprs, sr_cexpr, i).alive)
                w += est_expr(&SR_VEC_AT(&c->exprs, sr_cexpr, i));
    }
    *total = w;
    return st;
}
