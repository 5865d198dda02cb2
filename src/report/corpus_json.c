/*
 * corpus_json.c -- the corpus records of the output contract (CONTRACT.md):
 * `entity` records, in an order that does not depend on the order in which
 * documents were added (kind, then name, then identity).
 */
#include "corpus/corpus.h"
#include "report/report.h"

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
    /* the mention records come after everything else */
    if (st == SITREP_OK)
        st = write_exprs(c, write, ctx);
    return st;
}
