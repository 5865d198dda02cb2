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

/* Is the next record one the writer writes?  All of them, unless a slice
 * of the records is asked for (sitrep_corpus_write_json_part): then those
 * numbered [lo, hi) in output order, the others passed by before they are
 * built. */
static bool wanted(const sitrep_corpus *c)
{
    if (!c->slice)
        return true;
    size_t i = c->slice->n++;
    return i >= c->slice->lo && i < c->slice->hi;
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
        if (!wanted(c))
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

static json_t *span_obj(const sr_cspan *sp)
{
    json_t *s = json_object();
    bool ok = s != NULL;
    ok = ok && put(s, "doc", json_string(sp->doc));
    ok = ok && put(s, "start", json_integer(sp->start));
    ok = ok && put(s, "end", json_integer(sp->end));
    ok = ok && put(s, "quote", json_stringn(sp->quote, sp->quote_len));
    if (!ok) {
        json_decref(s);
        return NULL;
    }
    return s;
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

/* Where each owner's spans start in `spans` (they were appended owner by
 * owner): first[o] .. first[o + 1]. */
static size_t *span_index(const sitrep_corpus *c, const sr_buf *spans, size_t owners)
{
    size_t *first = c->mem->calloc(owners + 1, sizeof *first);
    if (!first)
        return NULL;
    const sr_cspan *sp = (const sr_cspan *)(const void *)spans->data;
    size_t ns = SR_VEC_COUNT(spans, sr_cspan);
    for (size_t i = 0, o = 0; o <= owners; o++) {
        while (i < ns && sp[i].owner < o)
            i++;
        first[o] = i;
    }
    return first;
}

/* Sources and documents of members[0..n) (each an index into the claims
 * or events), in member order (by document id, then position). */
static bool sources_json(const sr_cspan *sp, const size_t *first, const uint32_t *members, size_t n,
                         json_t *o)
{
    json_t *src = json_array(), *docs = json_array();
    bool ok = src && docs;
    const char *last_doc = NULL;
    for (size_t m = 0; m < n && ok; m++) {
        for (size_t k = first[members[m]]; k < first[members[m] + 1]; k++) {
            ok = append(src, span_obj(&sp[k])) && ok;
            if (!last_doc || strcmp(last_doc, sp[k].doc) != 0) {
                ok = append(docs, json_string(sp[k].doc)) && ok;
                last_doc = sp[k].doc;
            }
        }
    }
    ok = put(o, "sources", src) && ok;
    ok = put(o, "documents", docs) && ok;
    return ok;
}

static json_t *places_json(const sr_cclaim *x)
{
    json_t *places = json_array();
    bool ok = places != NULL;
    for (size_t i = 0; i < x->nplaces && ok; i++) {
        json_t *p = json_object();
        bool pok = p && put(p, "name", json_string(x->places[i]));
        pok = pok && put(p, "country", x->place_countries[i][0] ? json_string(x->place_countries[i]) : json_null());
        if (!pok) {
            json_decref(p);
            p = NULL;
        }
        ok = append(places, p) && ok;
    }
    if (!ok) {
        json_decref(places);
        return NULL;
    }
    return places;
}

static json_t *group_json(const sitrep_corpus *c, const sr_cgroup *g, const size_t *first)
{
    const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, g->rep);
    const uint32_t *members = (const uint32_t *)(const void *)c->claim_members.data + g->first_member;
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = put(o, "type", json_string("claim"));
    ok = put(o, "id", json_string(g->id)) && ok;
    ok = put(o, "measure", json_string(x->measure)) && ok;
    ok = put(o, "value", range_json(x->low, x->high)) && ok;
    ok = put(o, "qualifier", str_or_null(x->qualifier)) && ok;
    ok = put(o, "actor", str_or_null(g->actor)) && ok;
    ok = put(o, "places", places_json(x)) && ok;
    ok = put(o, "period", period_json(g->from, g->to)) && ok;
    ok = put(o, "attributed_to", str_or_null(g->attributed_to)) && ok;
    ok = sources_json((const sr_cspan *)(const void *)c->claim_spans.data, first, members, g->nmembers, o) && ok;
    ok = put(o, "outlets", json_integer(g->outlets)) && ok;
    ok = put(o, "status", json_string(g->contested ? "contested" : g->outlets >= 2 ? "corroborated" : "single")) &&
         ok;
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

static json_t *egroup_json(const sitrep_corpus *c, const sr_cegroup *g, const size_t *first)
{
    const sr_cevent *ev = (const sr_cevent *)(const void *)c->events.data;
    const sr_cevent *x = &ev[g->rep];
    const uint32_t *members = (const uint32_t *)(const void *)c->event_members.data + g->first_member;
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = put(o, "type", json_string("event"));
    ok = put(o, "id", json_string(g->id)) && ok;
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
    /* the shown member's actors first, then any other member's */
    json_t *actors = json_array();
    const char *seen[16];
    size_t nseen = 0;
    for (size_t m = 0; m <= g->nmembers && ok; m++) {
        const sr_cevent *y = m == 0 ? x : &ev[members[m - 1]];
        for (size_t i = 0; i < y->nactors && nseen < 16; i++) {
            bool dup = false;
            for (size_t k = 0; k < nseen && !dup; k++)
                dup = seen[k] == y->actors[i];
            if (!dup) {
                seen[nseen++] = y->actors[i];
                ok = append(actors, json_string(y->actors[i])) && ok;
            }
        }
    }
    ok = put(o, "actors", actors) && ok;
    ok = put(o, "perpetrator_confidence", str_or_null(x->nactors ? x->perp_conf : NULL)) && ok;
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
    ok = sources_json((const sr_cspan *)(const void *)c->event_spans.data, first, members, g->nmembers, o) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Groups in the order of their first member (document id, position). */
static int cmp_group(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *c = ctx;
    const sr_cgroup *a = *(const sr_cgroup *const *)pa, *b = *(const sr_cgroup *const *)pb;
    const uint32_t *m = (const uint32_t *)(const void *)c->claim_members.data;
    const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, m[a->first_member]);
    const sr_cclaim *y = &SR_VEC_AT(&c->claims, sr_cclaim, m[b->first_member]);
    int k = strcmp(x->doc, y->doc);
    if (k)
        return k;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int cmp_egroup(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *c = ctx;
    const sr_cegroup *a = *(const sr_cegroup *const *)pa, *b = *(const sr_cegroup *const *)pb;
    const uint32_t *m = (const uint32_t *)(const void *)c->event_members.data;
    const sr_cevent *x = &SR_VEC_AT(&c->events, sr_cevent, m[a->first_member]);
    const sr_cevent *y = &SR_VEC_AT(&c->events, sr_cevent, m[b->first_member]);
    int k = strcmp(x->doc, y->doc);
    if (k)
        return k;
    return x->first < y->first ? -1 : x->first > y->first;
}

static sitrep_status emit(const sitrep_corpus *c, json_t *o, sitrep_write_fn write, void *ctx)
{
    if (o == NULL)
        return SITREP_ENOMEM;
    sitrep_status st = sr_json_emit(o, c->mem, write, ctx);
    json_decref(o);
    return st;
}

static sitrep_status write_claims(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    size_t *first = span_index(c, &c->claim_spans, SR_VEC_COUNT(&c->claims, sr_cclaim));
    const sr_cgroup **order = c->mem->calloc(ng ? ng : 1, sizeof *order);
    sitrep_status st = first && order ? SITREP_OK : SITREP_ENOMEM;
    for (size_t i = 0; i < ng && st == SITREP_OK; i++)
        order[i] = &SR_VEC_AT(&c->groups, sr_cgroup, i);
    if (st == SITREP_OK && !sr_sort(order, ng, sizeof *order, cmp_group, (void *)c, c->mem))
        st = SITREP_ENOMEM;
    for (size_t i = 0; i < ng && st == SITREP_OK; i++)
        if (wanted(c))
            st = emit(c, group_json(c, order[i], first), write, ctx);
    c->mem->free(first);
    c->mem->free(order);
    return st;
}

static sitrep_status write_events(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t ng = SR_VEC_COUNT(&c->egroups, sr_cegroup);
    size_t *first = span_index(c, &c->event_spans, SR_VEC_COUNT(&c->events, sr_cevent));
    const sr_cegroup **order = c->mem->calloc(ng ? ng : 1, sizeof *order);
    sitrep_status st = first && order ? SITREP_OK : SITREP_ENOMEM;
    for (size_t i = 0; i < ng && st == SITREP_OK; i++)
        order[i] = &SR_VEC_AT(&c->egroups, sr_cegroup, i);
    if (st == SITREP_OK && !sr_sort(order, ng, sizeof *order, cmp_egroup, (void *)c, c->mem))
        st = SITREP_ENOMEM;
    for (size_t i = 0; i < ng && st == SITREP_OK; i++)
        if (wanted(c))
            st = emit(c, egroup_json(c, order[i], first), write, ctx);
    c->mem->free(first);
    c->mem->free(order);
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
    for (size_t i = 0; i < n; i++)
        if (strcmp(g[cf[i].a].id, g[cf[i].b].id) > 0) { /* a pair in id order */
            uint32_t t = cf[i].a;
            cf[i].a = cf[i].b;
            cf[i].b = t;
        }
    if (n == 0)
        return SITREP_OK;
    if (!sr_sort(cf, n, sizeof *cf, cmp_conflict, c, c->mem))
        return SITREP_ENOMEM;
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        if (!wanted(c))
            continue;
        json_t *o = json_object();
        bool ok = o && put(o, "type", json_string("conflict"));
        char id[24];
        snprintf(id, sizeof id, "K%.12s%s", g[cf[i].a].id + 1, cf[i].a == cf[i].b ? "d" : "");
        ok = ok && put(o, "id", json_string(id));
        json_t *ids = json_array();
        ok = ok && append(ids, json_string(g[cf[i].a].id));
        if (cf[i].b != cf[i].a) /* else: the articles of one claim disagree on its date */
            ok = ok && append(ids, json_string(g[cf[i].b].id));
        ok = put(o, "claims", ids) && ok; /* always handed over: no leak when ok is false */
        ok = ok && put(o, "reason", json_string(cf[i].reason));
        if (!ok) {
            json_decref(o);
            return SITREP_ENOMEM;
        }
        st = emit(c, o, write, ctx);
    }
    return st;
}

static sitrep_status write_trends(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    size_t n = SR_VEC_COUNT(&c->trends, sr_ctrend);
    const sr_ctrend *tr = (const sr_ctrend *)(const void *)c->trends.data;
    const sr_cgroup *g = (const sr_cgroup *)(const void *)c->groups.data;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    static const char *const expects[] = {"", "double", "triple", "half", "rise", "fall"};
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        if (!wanted(c))
            continue;
        const sr_ctrend *t = &tr[i];
        const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, g[t->groups[t->npoints - 1]].rep);
        json_t *o = json_object();
        bool ok = o && put(o, "type", json_string("trend"));
        char id[24];
        snprintf(id, sizeof id, "T%.12s", g[t->groups[0]].id + 1);
        ok = ok && put(o, "id", json_string(id));
        ok = ok && put(o, "measure", json_string(x->measure));
        ok = ok && put(o, "actor", str_or_null(g[t->groups[0]].actor));
        ok = ok && put(o, "places", places_json(x));
        json_t *pts = json_array();
        for (size_t k = 0; k < t->npoints && ok; k++) {
            const sr_cgroup *p = &g[t->groups[k]];
            const sr_cclaim *px = &SR_VEC_AT(&c->claims, sr_cclaim, p->rep);
            json_t *pt = json_object();
            bool pok = pt && put(pt, "period", period_json(p->from, p->to));
            pok = pok && put(pt, "value", json_real(px->low));
            pok = pok && put(pt, "claim", json_string(p->id));
            if (!pok) {
                json_decref(pt);
                pt = NULL;
            }
            ok = append(pts, pt) && ok;
        }
        ok = put(o, "points", pts) && ok; /* always handed over: no leak when ok is false */
        json_t *proj = json_null();
        if (t->projection >= 0) {
            proj = json_object();
            ok = ok && proj && put(proj, "period", period_json(t->proj_from, t->proj_to));
            ok = ok && put(proj, "value", json_real(round(t->projection * 10) / 10));
            ok = ok && put(proj, "basis", str_or_null(t->basis));
        }
        ok = put(o, "projection", proj) && ok; /* always handed over: no leak when ok is false */
        ok = ok && put(o, "ratio", t->ratio >= 0 ? json_real(round(t->ratio * 100) / 100) : json_null());
        json_t *chk = json_null();
        if (t->check >= 0) {
            const sr_ctrendword *w = &SR_VEC_AT(&c->trendwords, sr_ctrendword, t->check);
            chk = json_object();
            ok = ok && chk && put(chk, "statement", json_string(w->phrase));
            ok = ok && put(chk, "expects", json_string(expects[w->kind]));
            ok = ok && put(chk, "verdict", str_or_null(t->verdict));
            sr_cspan sp = {0, docs[w->doc_index].id, w->start, w->end, w->quote, w->end - w->start};
            ok = ok && put(chk, "span", span_obj(&sp));
        }
        ok = put(o, "check", chk) && ok; /* always handed over: no leak when ok is false */
        if (!ok) {
            json_decref(o);
            return SITREP_ENOMEM;
        }
        st = emit(c, o, write, ctx);
    }
    return st;
}

/* ---- documents and stories ---- */

static int cmp_doc(const void *pa, const void *pb)
{
    const sr_cdoc *a = *(const sr_cdoc *const *)pa, *b = *(const sr_cdoc *const *)pb;
    return strcmp(a->id, b->id);
}

/* The end of the JSON value (null, a number or a string) at v. */
static const char *value_end(const char *v, const char *end)
{
    if (v < end && *v == '"') {
        for (v++; v < end && *v != '"'; v++)
            if (*v == '\\')
                v++;
        return v < end ? v + 1 : end;
    }
    while (v < end && *v != ',' && *v != '}')
        v++;
    return v;
}

/* The first occurrence of key[0..kl) in s[0..n), or NULL. */
static const char *find_bytes(const char *s, size_t n, const char *key, size_t kl)
{
    for (const char *q = s; kl && (size_t)(s + n - q) >= kl; q++) {
        q = memchr(q, key[0], (size_t)(s + n - q) - kl + 1);
        if (!q)
            return NULL;
        if (memcmp(q, key, kl) == 0)
            return q;
    }
    return NULL;
}

/* Appends a JSON string for s (null when s is NULL). */
static bool put_json_string(sr_buf *out, const char *s)
{
    if (!s)
        return sr_buf_put(out, "null", 4);
    json_t *v = json_string(s);
    bool ok = v && json_dump_callback(v, sr_buf_write_cb, out, JSON_ENCODE_ANY) == 0;
    json_decref(v);
    return ok;
}

/* A document's record as the corpus leaves it: its own record (written
 * when it was added) with the values of published_inferred,
 * published_basis, story and duplicate_of set.  The record is our own
 * compact JSON, in which `,"key":` cannot occur inside a string (a quote
 * there is escaped), so the values are replaced in place rather than
 * the record parsed and written again. */
static sitrep_status write_document(const sitrep_corpus *c, const sr_cdoc *d, sr_buf *out, sitrep_write_fn write,
                                    void *ctx)
{
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    const sr_cstory *stories = (const sr_cstory *)(const void *)c->stories.data;
    bool set_inferred = !d->published[0] && d->inferred[0];
    struct {
        const char *key;
        bool set;
        const char *value;
    } fields[] = {
        {",\"published_inferred\":", set_inferred, set_inferred ? d->inferred : NULL},
        {",\"published_basis\":", set_inferred, set_inferred ? d->basis : NULL},
        {",\"story\":", true, d->story >= 0 ? stories[d->story].id : NULL},
        {",\"duplicate_of\":", true, d->dup_of >= 0 ? docs[d->dup_of].id : NULL},
    };
    out->len = 0;
    const char *at = d->record, *end = d->record + d->record_len;
    bool ok = true;
    for (size_t k = 0; k < sizeof fields / sizeof fields[0] && ok; k++) {
        size_t kl = strlen(fields[k].key);
        const char *key = find_bytes(at, (size_t)(end - at), fields[k].key, kl);
        if (!key)
            return SITREP_EFORMAT; /* not a record this library wrote */
        const char *v = key + kl, *ve = value_end(v, end);
        ok = sr_buf_put(out, at, (size_t)(v - at));
        if (fields[k].set)
            ok = ok && put_json_string(out, fields[k].value);
        else
            ok = ok && sr_buf_put(out, v, (size_t)(ve - v));
        at = ve;
    }
    ok = ok && sr_buf_put(out, at, (size_t)(end - at)) && sr_buf_putc(out, '\n');
    if (!ok)
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
    sr_buf line;
    sr_buf_init(&line, c->mem);
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++)
        if (wanted(c))
            st = write_document(c, order[i], &line, write, ctx);
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
        if (!wanted(c))
            continue;
        size_t s = (size_t)(order[k] - stories);
        json_t *o = json_object();
        bool ok = o && put(o, "type", json_string("story"));
        ok = ok && put(o, "id", json_string(stories[s].id));
        ok = ok && put(o, "title", str_or_null(stories[s].title));
        json_t *ids = json_array();
        for (size_t i = first[s]; i < first[s + 1] && ok; i++)
            ok = append(ids, json_string(members[i]->id));
        ok = put(o, "documents", ids) && ok; /* always handed over: no leak when ok is false */
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
        ok = ok && put(o, "first_seen", str_or_null(fs));
        ok = ok && put(o, "last_seen", str_or_null(ls));
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

sitrep_status sr_corpus_write_records(sitrep_corpus *c, unsigned flags,
                                      sitrep_write_fn write, void *ctx)
{
    (void)flags;
    if (c == NULL || write == NULL || !c->finished)
        return SITREP_EARG;
    sitrep_status fst = write_documents(c, write, ctx);
    if (fst == SITREP_OK)
        fst = write_stories(c, write, ctx);
    if (fst != SITREP_OK)
        return fst;
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
        if (n == 0 || !wanted(c))
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
        st = write_claims(c, write, ctx);
    if (st == SITREP_OK)
        st = write_events(c, write, ctx);
    if (st == SITREP_OK)
        st = write_conflicts(c, write, ctx);
    if (st == SITREP_OK)
        st = write_trends(c, write, ctx);
    /* the mention records come after everything else */
    if (st == SITREP_OK)
        st = write_exprs(c, write, ctx);
    return st;
}
