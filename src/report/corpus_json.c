/*
 * corpus_json.c -- the corpus records of the output contract (CONTRACT.md):
 * `entity` records, in an order that does not depend on the order in which
 * documents were added (kind, then name, then identity).
 */
#include "corpus/corpus.h"
#include "report/report.h"
#include "wordhash.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool put(json_t *o, const char *key, json_t *value)
{
    return value != NULL && json_object_set_new(o, key, value) == 0;
}

static bool append(json_t *array, json_t *value)
{
    if (array == NULL || value == NULL) {
        json_decref(value);
        return false;
    }
    return json_array_append_new(array, value) == 0;
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *num_or_null(double v)
{
    /* four decimals: about 10 m, more than any gazetteer here knows */
    return isnan(v) ? json_null() : json_real(round(v * 1e4) / 1e4);
}

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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}


/* One entity record from its mentions ms[0..n) (sorted by document). */
static json_t *entity_json(const sr_centity *e, const char *id, const sr_cmention *const *ms,
                           size_t n, const char **scratch)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = put(o, "type", json_string("entity"));
    ok = put(o, "id", json_string(id)) && ok;
    ok = put(o, "name", json_string(e->name)) && ok;
    ok = put(o, "kind", json_string(sitrep_entity_kind_name(e->kind))) && ok;
    /* aliases: the canonical name and every distinct surface form */
    size_t na = 0;
    scratch[na++] = e->name;
    for (size_t i = 0; i < n; i++)
        scratch[na++] = ms[i]->quote;
    qsort(scratch, na, sizeof *scratch, cmp_str);
    json_t *aliases = json_array();
    for (size_t i = 0; i < na; i++)
        if (i == 0 || strcmp(scratch[i], scratch[i - 1]) != 0)
            ok = append(aliases, json_string(scratch[i])) && ok;
    ok = put(o, "aliases", aliases) && ok;
    json_t *docs = json_array();
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(ms[i]->doc, ms[i - 1]->doc) != 0)
            ok = append(docs, json_string(ms[i]->doc)) && ok;
    ok = put(o, "documents", docs) && ok;
    ok = put(o, "country", e->country[0] ? json_string(e->country) : json_null()) && ok;
    if (e->kind == SITREP_ENTITY_PLACE) {
        json_t *geo = json_object();
        bool g = geo != NULL;
        g = g && put(geo, "lat", num_or_null(e->lat));
        g = g && put(geo, "lon", num_or_null(e->lon));
        g = g && put(geo, "country", e->country[0] ? json_string(e->country) : json_null());
        g = g && put(geo, "admin1", str_or_null(e->admin1));
        g = g && put(geo, "admin1_code", str_or_null(e->admin1_code));
        g = g && put(geo, "feature", str_or_null(e->feature));
        if (!g)
            json_decref(geo);
        ok = g && put(o, "geo", geo) && ok;
    } else if (e->kind == SITREP_ENTITY_PERSON) {
        ok = put(o, "role", str_or_null(e->role)) && ok;
    } else {
        ok = put(o, "parent", str_or_null(e->parent)) && ok;
    }
    json_t *spans = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *s = json_object();
        bool sok = s != NULL;
        sok = sok && put(s, "doc", json_string(ms[i]->doc));
        sok = sok && put(s, "start", json_integer(ms[i]->start));
        sok = sok && put(s, "end", json_integer(ms[i]->end));
        sok = sok && put(s, "quote", json_stringn(ms[i]->quote, ms[i]->quote_len));
        if (!sok) {
            json_decref(s);
            s = NULL;
        }
        ok = append(spans, s) && ok;
    }
    ok = put(o, "mentions", spans) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
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
    bool ok = put(o, "type", json_string(x->type == SR_CEXPR_TIME ? "time" : "figure"));
    ok = put(o, "doc", json_string(x->doc)) && ok;
    ok = put(o, "start", json_integer(x->start)) && ok;
    ok = put(o, "end", json_integer(x->end)) && ok;
    ok = put(o, "quote", json_stringn(x->quote, x->quote_len)) && ok;
    json_t *v;
    if (x->type == SR_CEXPR_TIME) {
        if (x->from[0]) {
            v = json_object();
            ok = v && put(v, "start", json_string(x->from)) && ok;
            ok = v && put(v, "end", json_string(x->to[0] ? x->to : x->from)) && ok;
        } else {
            v = json_null();
        }
        ok = put(o, "value", v) && ok;
        ok = put(o, "precision", str_or_null(x->precision)) && ok;
        ok = put(o, "kind", str_or_null(x->kind)) && ok;
        if (x->duration[0])
            ok = put(o, "duration", json_string(x->duration)) && ok;
    } else {
        v = json_object();
        ok = v && put(v, "low", json_real(x->low)) && ok;
        ok = v && put(v, "high", json_real(x->high)) && ok;
        ok = put(o, "value", v) && ok;
        ok = put(o, "qualifier", str_or_null(x->qualifier)) && ok;
        ok = put(o, "unit", x->unit[0] ? json_string(x->unit) : json_null()) && ok;
        ok = put(o, "measure", str_or_null(x->measure)) && ok;
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
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
    for (size_t i = 0; i < n; i++)
        order[i] = &all[i];
    qsort(order, n, sizeof *order, cmp_expr);
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
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

static json_t *spans_json(const sr_cspan *sp, size_t n, json_t **docs)
{
    json_t *a = json_array();
    *docs = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *s = json_object();
        bool ok = s != NULL;
        ok = ok && put(s, "doc", json_string(sp[i].doc));
        ok = ok && put(s, "start", json_integer(sp[i].start));
        ok = ok && put(s, "end", json_integer(sp[i].end));
        ok = ok && put(s, "quote", json_stringn(sp[i].quote, sp[i].quote_len));
        if (!ok) {
            json_decref(s);
            s = NULL;
        }
        append(a, s);
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            seen |= strcmp(sp[k].doc, sp[i].doc) == 0;
        if (!seen)
            append(*docs, json_string(sp[i].doc));
    }
    return a;
}

static json_t *range_json(double low, double high)
{
    json_t *v = json_object();
    if (v && (!put(v, "low", json_real(low)) || !put(v, "high", json_real(high)))) {
        json_decref(v);
        return NULL;
    }
    return v;
}

static json_t *period_json(const char *from, const char *to)
{
    if (!from[0])
        return json_null();
    json_t *v = json_object();
    if (v && (!put(v, "start", json_string(from)) || !put(v, "end", json_string(to)))) {
        json_decref(v);
        return NULL;
    }
    return v;
}

static json_t *claim_json(const sr_cclaim *x, const char *id, const sr_cspan *sp, size_t n)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = put(o, "type", json_string("claim"));
    ok = put(o, "id", json_string(id)) && ok;
    ok = put(o, "measure", json_string(x->measure)) && ok;
    ok = put(o, "value", range_json(x->low, x->high)) && ok;
    ok = put(o, "qualifier", str_or_null(x->qualifier)) && ok;
    ok = put(o, "actor", str_or_null(x->actor)) && ok;
    json_t *places = json_array();
    for (size_t i = 0; i < x->nplaces; i++) {
        json_t *p = json_object();
        bool pok = p && put(p, "name", json_string(x->places[i]));
        pok = pok && put(p, "country", x->place_countries[i][0] ? json_string(x->place_countries[i]) : json_null());
        if (!pok) {
            json_decref(p);
            p = NULL;
        }
        ok = append(places, p) && ok;
    }
    ok = put(o, "places", places) && ok;
    ok = put(o, "period", period_json(x->from, x->to)) && ok;
    ok = put(o, "attributed_to", str_or_null(x->attributed_to)) && ok;
    json_t *docs;
    ok = put(o, "sources", spans_json(sp, n, &docs)) && ok;
    ok = put(o, "documents", docs) && ok;
    ok = put(o, "outlets", json_integer(1)) && ok;
    ok = put(o, "status", json_string("single")) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *casualty_json(int has, double low, double high, const char *q)
{
    if (!has)
        return json_null();
    json_t *v = range_json(low, high);
    if (v && !put(v, "qualifier", str_or_null(q))) {
        json_decref(v);
        return NULL;
    }
    return v;
}

static json_t *event_json(const sr_cevent *x, const char *id, const sr_cspan *sp, size_t n)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = put(o, "type", json_string("event"));
    ok = put(o, "id", json_string(id)) && ok;
    ok = put(o, "event_type", json_string(x->type)) && ok;
    ok = put(o, "sub_event_type", json_string(x->sub)) && ok;
    json_t *date = json_null();
    if (x->from[0]) {
        date = json_object();
        ok = date && put(date, "start", json_string(x->from)) && ok;
        ok = date && put(date, "end", json_string(x->to)) && ok;
        ok = date && put(date, "precision", str_or_null(x->precision)) && ok;
    }
    ok = put(o, "date", date) && ok;
    json_t *actors = json_array();
    for (size_t i = 0; i < x->nactors; i++)
        ok = append(actors, json_string(x->actors[i])) && ok;
    ok = put(o, "actors", actors) && ok;
    json_t *loc = json_null();
    if (x->location) {
        loc = json_object();
        ok = loc && put(loc, "name", json_string(x->location)) && ok;
        ok = loc && put(loc, "country", x->country[0] ? json_string(x->country) : json_null()) && ok;
        ok = loc && put(loc, "admin1", str_or_null(x->admin1)) && ok;
        ok = loc && put(loc, "lat", num_or_null(x->lat)) && ok;
        ok = loc && put(loc, "lon", num_or_null(x->lon)) && ok;
    }
    ok = put(o, "location", loc) && ok;
    ok = put(o, "fatalities", casualty_json(x->has_fat, x->fat_low, x->fat_high, x->fat_q)) && ok;
    ok = put(o, "injured", casualty_json(x->has_inj, x->inj_low, x->inj_high, x->inj_q)) && ok;
    json_t *docs;
    ok = put(o, "sources", spans_json(sp, n, &docs)) && ok;
    ok = put(o, "documents", docs) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

typedef struct owned_rec {
    const char *doc;
    uint32_t first;
    size_t index;
} owned_rec;

static int cmp_owned(const void *a, const void *b)
{
    const owned_rec *x = a, *y = b;
    int c = strcmp(x->doc, y->doc);
    if (c)
        return c;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Claims (kind 0) or events (kind 1) in document order, each with its spans. */
static sitrep_status write_owned(const sitrep_corpus *c, int kind, sitrep_write_fn write, void *ctx)
{
    const sr_buf *recs = kind == 0 ? &c->claims : &c->events;
    const sr_buf *spans = kind == 0 ? &c->claim_spans : &c->event_spans;
    size_t n = recs->len / (kind == 0 ? sizeof(sr_cclaim) : sizeof(sr_cevent));
    size_t ns = SR_VEC_COUNT(spans, sr_cspan);
    if (n == 0)
        return SITREP_OK;
    owned_rec *order = c->mem->calloc(n, sizeof *order);
    size_t *first = c->mem->calloc(n + 1, sizeof *first);
    if (!order || !first) {
        c->mem->free(order);
        c->mem->free(first);
        return SITREP_ENOMEM;
    }
    const sr_cspan *sp = (const sr_cspan *)(const void *)spans->data;
    /* spans are appended owner by owner, so each owner's spans are one run */
    for (size_t i = 0, o = 0; o <= n; o++) {
        while (i < ns && sp[i].owner < o)
            i++;
        first[o] = i;
    }
    for (size_t i = 0; i < n; i++) {
        order[i].index = i;
        if (kind == 0) {
            const sr_cclaim *x = &((const sr_cclaim *)(const void *)recs->data)[i];
            order[i].doc = x->doc;
            order[i].first = x->first;
        } else {
            const sr_cevent *x = &((const sr_cevent *)(const void *)recs->data)[i];
            order[i].doc = x->doc;
            order[i].first = x->first;
        }
    }
    qsort(order, n, sizeof *order, cmp_owned);
    sitrep_status st = SITREP_OK;
    for (size_t k = 0; k < n && st == SITREP_OK; k++) {
        size_t i = order[k].index;
        char id[40];
        unsigned long long h = sr_word_hash(order[k].doc, strlen(order[k].doc)) ^ (order[k].first * 0x9E3779B97F4A7C15ull);
        /* a claim and an event of one sentence must differ too */
        h = sr_mix64(h + (unsigned long long)(kind + 1));
        snprintf(id, sizeof id, "%c%012llx", kind == 0 ? 'C' : 'V', h & 0xffffffffffffull);
        json_t *o = kind == 0
                        ? claim_json(&((const sr_cclaim *)(const void *)recs->data)[i], id, sp + first[i],
                                     first[i + 1] - first[i])
                        : event_json(&((const sr_cevent *)(const void *)recs->data)[i], id, sp + first[i],
                                     first[i + 1] - first[i]);
        if (o == NULL) {
            st = SITREP_ENOMEM;
            break;
        }
        st = sr_json_emit(o, c->mem, write, ctx);
        json_decref(o);
    }
    c->mem->free(order);
    c->mem->free(first);
    return st;
}

sitrep_status sitrep_corpus_write_json(const sitrep_corpus *c, unsigned flags,
                                       sitrep_write_fn write, void *ctx)
{
    (void)flags;
    if (c == NULL || write == NULL)
        return SITREP_EARG;
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity);
    size_t nm = SR_VEC_COUNT(&c->mentions, sr_cmention);
    const sr_centity *es = (const sr_centity *)(const void *)c->entities.data;
    const sr_centity **order = c->mem->calloc(ne ? ne : 1, sizeof *order);
    const sr_cmention **ms = c->mem->calloc(nm ? nm : 1, sizeof *ms);
    size_t *first = c->mem->calloc(ne + 1, sizeof *first);
    const char **scratch = c->mem->calloc(nm + 1, sizeof *scratch);
    sitrep_status st = SITREP_OK;
    if (!order || !ms || !first || !scratch) {
        st = SITREP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < ne; i++)
        order[i] = &es[i];
    qsort(order, ne, sizeof *order, cmp_entity);
    /* pointers are sorted, not the mentions: a quarter of the memory */
    const sr_cmention *all = (const sr_cmention *)(const void *)c->mentions.data;
    for (size_t i = 0; i < nm; i++)
        ms[i] = &all[i];
    qsort(ms, nm, sizeof *ms, cmp_mention);
    /* where each entity's mentions start */
    for (size_t i = 0, e = 0; e <= ne; e++) {
        while (i < nm && ms[i]->entity < e)
            i++;
        first[e] = i;
    }
    for (size_t k = 0; k < ne && st == SITREP_OK; k++) {
        size_t e = (size_t)(order[k] - es);
        size_t n = first[e + 1] - first[e];
        if (n == 0)
            continue;
        char id[24];
        snprintf(id, sizeof id, "E%012llx", (unsigned long long)(es[e].key & 0xffffffffffffull));
        json_t *o = entity_json(&es[e], id, ms + first[e], n, scratch);
        if (o == NULL) {
            st = SITREP_ENOMEM;
            break;
        }
        st = sr_json_emit(o, c->mem, write, ctx);
        json_decref(o);
    }
done:
    c->mem->free(order);
    c->mem->free(ms);
    c->mem->free(first);
    c->mem->free(scratch);
    if (st == SITREP_OK)
        st = write_owned(c, 0, write, ctx);
    if (st == SITREP_OK)
        st = write_owned(c, 1, write, ctx);
    /* the mention records come after everything else */
    if (st == SITREP_OK)
        st = write_exprs(c, write, ctx);
    return st;
}
