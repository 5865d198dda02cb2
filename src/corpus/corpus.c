/*
 * corpus.c -- sitrep_corpus: entities merged across documents.
 *
 * A document's entities join the corpus entity with the same identity:
 * the same kind, the same folded name (namekey.h) and, for places and
 * actors with a country, the same country.  Adding costs time in the size
 * of the added document only (one hash probe per entity).
 */
#include "corpus/corpus.h"

#include "analyse/entities.h"
#include "doc.h"
#include "namekey.h"
#include "wordhash.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

sitrep_status sitrep_corpus_new(const sitrep_options *opts, sitrep_corpus **out)
{
    if (out == NULL)
        return SITREP_EARG;
    *out = NULL;
    const sitrep_mem *mem = sr_mem_or_default(opts ? opts->mem : NULL);
    sitrep_corpus *c = mem->calloc(1, sizeof *c);
    if (c == NULL)
        return SITREP_ENOMEM;
    c->mem = mem;
    sr_arena_init(&c->arena, mem, 1 << 16);
    sr_buf_init(&c->entities, mem);
    sr_buf_init(&c->mentions, mem);
    sr_buf_init(&c->exprs, mem);
    sr_buf_init(&c->claims, mem);
    sr_buf_init(&c->claim_spans, mem);
    sr_buf_init(&c->events, mem);
    sr_buf_init(&c->event_spans, mem);
    *out = c;
    return SITREP_OK;
}

void sitrep_corpus_free(sitrep_corpus *c)
{
    if (c == NULL)
        return;
    sr_buf_free(&c->entities);
    sr_buf_free(&c->mentions);
    sr_buf_free(&c->exprs);
    sr_buf_free(&c->claims);
    sr_buf_free(&c->claim_spans);
    sr_buf_free(&c->events);
    sr_buf_free(&c->event_spans);
    c->mem->free(c->slots);
    c->mem->free(c->quotes);
    sr_arena_free(&c->arena);
    c->mem->free(c);
}


static uint64_t identity(const sitrep_entity *e)
{
    uint64_t h = sr_namekey_of(e->name, strlen(e->name));
    h = sr_mix64(h ^ ((uint64_t)e->kind << 48));
    if (e->kind == SITREP_ENTITY_PLACE && e->country)
        h = sr_mix64(h ^ ((uint64_t)(unsigned char)e->country[0] << 8 | (unsigned char)e->country[1]));
    return h;
}

static bool grow(sitrep_corpus *c)
{
    size_t n = c->nslots ? c->nslots * 2 : 1024;
    uint32_t *s = c->mem->calloc(n, sizeof *s);
    if (s == NULL)
        return false;
    const sr_centity *es = (const sr_centity *)(const void *)c->entities.data;
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity);
    for (size_t i = 0; i < ne; i++) {
        size_t k = (size_t)es[i].key & (n - 1);
        while (s[k])
            k = (k + 1) & (n - 1);
        s[k] = (uint32_t)i + 1;
    }
    c->mem->free(c->slots);
    c->slots = s;
    c->nslots = n;
    return true;
}

static const char *keep(sitrep_corpus *c, const char *s)
{
    return s ? sr_arena_strndup(&c->arena, s, strlen(s)) : NULL;
}

/* 2 when the role has a lower-case word ("commander of CENTCOM"), 1 for a
 * bare title ("Gen."), 0 for none. */
static int role_rank(const char *role)
{
    if (role == NULL)
        return 0;
    for (const char *p = role; *p; p++)
        if ((p == role || p[-1] == ' ') && *p >= 'a' && *p <= 'z')
            return 2;
    return 1;
}

/* The corpus entity for a document's entity, made when new. */
static int64_t merge(sitrep_corpus *c, const sitrep_entity *e, const char *doc_id)
{
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity);
    if ((ne + 1) * 10 > c->nslots * 7 && !grow(c))
        return -1;
    uint64_t key = identity(e);
    size_t k = (size_t)key & (c->nslots - 1);
    sr_centity *es = (sr_centity *)(void *)c->entities.data;
    while (c->slots[k]) {
        sr_centity *x = &es[c->slots[k] - 1];
        if (x->key == key) {
            /* a descriptive role ("CENTCOM commander") beats a bare title
             * ("General"); then the first document in id order wins */
            int r = role_rank(e->role), xr = role_rank(x->role);
            if (r > xr || (r && r == xr && strcmp(doc_id, x->role_doc) < 0)) {
                x->role = keep(c, e->role);
                x->role_doc = doc_id;
            }
            return (int64_t)(c->slots[k] - 1);
        }
        k = (k + 1) & (c->nslots - 1);
    }
    sr_centity x;
    memset(&x, 0, sizeof x);
    x.key = key;
    x.kind = e->kind;
    x.name = keep(c, e->name);
    if (e->country)
        memcpy(x.country, e->country, 2);
    x.parent = keep(c, e->parent);
    x.role = keep(c, e->role);
    x.role_doc = e->role ? doc_id : NULL;
    x.admin1 = keep(c, e->admin1);
    x.admin1_code = keep(c, e->admin1_code);
    x.feature = keep(c, e->feature);
    x.lat = e->lat;
    x.lon = e->lon;
    if (x.name == NULL || !SR_VEC_PUSH(&c->entities, sr_centity, x))
        return -1;
    c->slots[k] = (uint32_t)ne + 1;
    return (int64_t)ne;
}

/* The corpus's copy of the quote s[0..n): one per distinct surface form,
 * however many mentions use it ("IS" a thousand times is stored once). */
static const char *intern(sitrep_corpus *c, const char *s, size_t n)
{
    if ((c->nquotes + 1) * 10 > c->nqslots * 7) {
        size_t m = c->nqslots ? c->nqslots * 2 : 1024;
        const char **q = c->mem->calloc(m, sizeof *q);
        if (q == NULL)
            return NULL;
        for (size_t i = 0; i < c->nqslots; i++) {
            if (!c->quotes[i])
                continue;
            size_t k = (size_t)sr_word_hash(c->quotes[i], strlen(c->quotes[i])) & (m - 1);
            while (q[k])
                k = (k + 1) & (m - 1);
            q[k] = c->quotes[i];
        }
        c->mem->free(c->quotes);
        c->quotes = q;
        c->nqslots = m;
    }
    size_t k = (size_t)sr_word_hash(s, n) & (c->nqslots - 1);
    for (; c->quotes[k]; k = (k + 1) & (c->nqslots - 1))
        if (strncmp(c->quotes[k], s, n) == 0 && c->quotes[k][n] == '\0')
            return c->quotes[k];
    char *copy = sr_arena_strndup(&c->arena, s, n);
    if (copy) {
        c->quotes[k] = copy;
        c->nquotes++;
    }
    return copy;
}

static bool add_span(sitrep_corpus *c, sr_buf *spans, uint32_t owner, const char *id,
                     const sitrep_doc *doc, sitrep_span sp)
{
    sr_cspan x = {owner, id, sp.start, sp.end, NULL, sp.end - sp.start};
    x.quote = intern(c, doc->src + sp.start, x.quote_len); /* claims of one sentence share it */
    return x.quote && SR_VEC_PUSH(spans, sr_cspan, x);
}

/* The document's claims and events, with copies of what they name. */
static sitrep_status add_claims_events(sitrep_corpus *c, const sitrep_doc *doc, const char *id)
{
    size_t n = sitrep_doc_claim_count(doc);
    for (size_t i = 0; i < n; i++) {
        sitrep_claim cl;
        sitrep_doc_claim(doc, i, &cl);
        sr_cclaim x;
        memset(&x, 0, sizeof x);
        x.doc = id;
        sitrep_span fig;
        sitrep_doc_claim_span(doc, i, 0, &fig);
        x.first = fig.start; /* its figure: one sentence can state several claims */
        x.measure = intern(c, cl.measure, strlen(cl.measure));
        x.qualifier = cl.qualifier;
        x.actor = cl.actor ? intern(c, cl.actor, strlen(cl.actor)) : NULL;
        x.attributed_to = cl.attributed_to ? intern(c, cl.attributed_to, strlen(cl.attributed_to)) : NULL;
        for (size_t k = 0; k < cl.place_count; k++) {
            if (cl.place_countries[k])
                memcpy(x.place_countries[x.nplaces], cl.place_countries[k], 2);
            x.places[x.nplaces++] = intern(c, cl.places[k], strlen(cl.places[k]));
        }
        x.low = cl.low;
        x.high = cl.high;
        memcpy(x.from, cl.period_start, sizeof x.from);
        memcpy(x.to, cl.period_end, sizeof x.to);
        uint32_t owner = (uint32_t)SR_VEC_COUNT(&c->claims, sr_cclaim);
        if (!x.measure || !SR_VEC_PUSH(&c->claims, sr_cclaim, x))
            return SITREP_ENOMEM;
        for (size_t k = 0; k < cl.span_count; k++)
            if (!add_span(c, &c->claim_spans, owner, id, doc, sitrep_doc_claim_span(doc, i, k, NULL)))
                return SITREP_ENOMEM;
    }
    n = sitrep_doc_event_count(doc);
    for (size_t i = 0; i < n; i++) {
        sitrep_event ev;
        sitrep_doc_event(doc, i, &ev);
        sr_cevent x;
        memset(&x, 0, sizeof x);
        x.doc = id;
        x.first = ev.trigger.start; /* one sentence can report several events */
        x.type = ev.event_type;
        x.sub = ev.sub_event_type;
        x.precision = ev.precision;
        memcpy(x.from, ev.date_start, sizeof x.from);
        memcpy(x.to, ev.date_end, sizeof x.to);
        for (size_t k = 0; k < ev.actor_count; k++)
            x.actors[x.nactors++] = intern(c, ev.actors[k], strlen(ev.actors[k]));
        x.location = ev.location ? intern(c, ev.location, strlen(ev.location)) : NULL;
        x.admin1 = ev.admin1 ? intern(c, ev.admin1, strlen(ev.admin1)) : NULL;
        if (ev.country)
            memcpy(x.country, ev.country, 2);
        x.lat = ev.lat;
        x.lon = ev.lon;
        x.has_fat = ev.has_fatalities;
        x.has_inj = ev.has_injured;
        x.fat_low = ev.fatalities_low;
        x.fat_high = ev.fatalities_high;
        x.inj_low = ev.injured_low;
        x.inj_high = ev.injured_high;
        x.fat_q = ev.fatalities_qualifier;
        x.inj_q = ev.injured_qualifier;
        uint32_t owner = (uint32_t)SR_VEC_COUNT(&c->events, sr_cevent);
        if (!SR_VEC_PUSH(&c->events, sr_cevent, x))
            return SITREP_ENOMEM;
        for (size_t k = 0; k < ev.span_count; k++)
            if (!add_span(c, &c->event_spans, owner, id, doc, sitrep_doc_event_span(doc, i, k)))
                return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

sitrep_status sitrep_corpus_add(sitrep_corpus *c, const sitrep_doc *doc)
{
    if (c == NULL || doc == NULL)
        return SITREP_EARG;
    size_t ne = sitrep_doc_entity_count(doc);
    const char *id = sr_arena_strndup(&c->arena, doc->id, strlen(doc->id));
    uint32_t *map = c->mem->calloc(ne ? ne : 1, sizeof *map);
    if (id == NULL || map == NULL) {
        c->mem->free(map);
        return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++) {
        sitrep_entity e;
        sitrep_doc_entity(doc, i, &e);
        int64_t m = merge(c, &e, id);
        if (m < 0) {
            c->mem->free(map);
            return SITREP_ENOMEM;
        }
        map[i] = (uint32_t)m;
    }
    size_t nm;
    const sitrep_mention *ms = sitrep_doc_mentions(doc, &nm);
    for (size_t i = 0; i < nm; i++) {
        uint32_t n = ms[i].span.end - ms[i].span.start;
        sr_cmention m = {map[ms[i].entity], id, ms[i].span.start, ms[i].span.end,
                         intern(c, doc->src + ms[i].span.start, n), n};
        if (m.quote == NULL || !SR_VEC_PUSH(&c->mentions, sr_cmention, m)) {
            c->mem->free(map);
            return SITREP_ENOMEM;
        }
        ((sr_centity *)(void *)c->entities.data)[m.entity].nmentions++;
    }
    c->mem->free(map);
    c->ndocs++;
    return add_claims_events(c, doc, id);
}

/* A mention record's common part: its type, document and quoted span. */
static sr_cexpr expr_at(sitrep_corpus *c, uint8_t type, const char *id, const sitrep_doc *doc,
                        sitrep_span sp)
{
    sr_cexpr x;
    memset(&x, 0, sizeof x);
    x.type = type;
    x.doc = id;
    x.start = sp.start;
    x.end = sp.end;
    x.quote_len = sp.end - sp.start;
    x.quote = intern(c, doc->src + sp.start, x.quote_len);
    return x;
}

sitrep_status sitrep_corpus_add_mentions(sitrep_corpus *c, const sitrep_doc *doc)
{
    if (c == NULL || doc == NULL)
        return SITREP_EARG;
    const char *id = sr_arena_strndup(&c->arena, doc->id, strlen(doc->id));
    if (id == NULL)
        return SITREP_ENOMEM;
    size_t nt = sitrep_doc_time_count(doc), nf = sitrep_doc_figure_count(doc);
    for (size_t i = 0; i < nt; i++) {
        sitrep_time t;
        sitrep_doc_time(doc, i, &t);
        sr_cexpr x = expr_at(c, SR_CEXPR_TIME, id, doc, t.span);
        memcpy(x.from, t.from, sizeof x.from);
        memcpy(x.to, t.to, sizeof x.to);
        x.precision = t.precision;
        x.kind = t.kind;
        if (t.duration)
            snprintf(x.duration, sizeof x.duration, "%s", t.duration);
        if (x.quote == NULL || !SR_VEC_PUSH(&c->exprs, sr_cexpr, x))
            return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < nf; i++) {
        sitrep_figure f;
        sitrep_doc_figure(doc, i, &f);
        sr_cexpr x = expr_at(c, SR_CEXPR_FIGURE, id, doc, f.span);
        x.low = f.low;
        x.high = f.high;
        x.qualifier = f.qualifier;
        if (f.unit)
            snprintf(x.unit, sizeof x.unit, "%s", f.unit);
        if (f.measure.end > f.measure.start) {
            x.measure = intern(c, doc->src + f.measure.start, f.measure.end - f.measure.start);
            if (x.measure == NULL)
                return SITREP_ENOMEM;
        }
        if (x.quote == NULL || !SR_VEC_PUSH(&c->exprs, sr_cexpr, x))
            return SITREP_ENOMEM;
    }
    return SITREP_OK;
}
