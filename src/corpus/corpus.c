/*
 * corpus.c -- sitrep_corpus: entities merged across documents.
 *
 * A document's entities join the corpus entity with the same identity:
 * the same kind, the same folded name (namekey.h) and, for places and
 * actors with a country, the same country.  Adding costs time in the size
 * of the added document only (one hash probe per entity).
 */
#include "corpus/corpus.h"

#include "core/dates.h"
#include "analyse/entities.h"
#include "doc.h"
#include "namekey.h"
#include "wordhash.h"
#include "data/lex.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
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
    sr_rows_init(&c->mentions, mem, sizeof(sr_cmention));
    sr_buf_init(&c->exprs, mem);
    sr_buf_init(&c->claims, mem);
    sr_rows_init(&c->claim_spans, mem, sizeof(sr_cspan));
    sr_buf_init(&c->events, mem);
    sr_rows_init(&c->event_spans, mem, sizeof(sr_cspan));
    if (opts)
        c->opts = *opts;
    else
        sitrep_options_init(&c->opts);
    sr_buf_init(&c->docs, mem);
    sr_buf_init(&c->terms, mem);
    sr_buf_init(&c->trendwords, mem);
    sr_buf_init(&c->articles, mem);
    sr_buf_init(&c->stories, mem);
    sr_buf_init(&c->groups, mem);
    sr_buf_init(&c->claim_members, mem);
    sr_buf_init(&c->egroups, mem);
    sr_buf_init(&c->event_members, mem);
    sr_buf_init(&c->conflicts, mem);
    sr_buf_init(&c->trends, mem);
    sr_spill_init(&c->spill, mem);
    for (size_t k = 0; k < 2; k++) {
        sr_spill_init(&c->park[k], mem);
        c->is_parked[k] = true; /* empty, on disk: rows are added there */
    }
    *out = c;
    return SITREP_OK;
}

void sitrep_corpus_free(sitrep_corpus *c)
{
    if (c == NULL)
        return;
    sr_corpus_prep_free(c);
    sr_buf_free(&c->entities);
    sr_rows_free(&c->mentions);
    sr_buf_free(&c->exprs);
    sr_buf_free(&c->claims);
    sr_rows_free(&c->claim_spans);
    sr_buf_free(&c->events);
    sr_rows_free(&c->event_spans);
    sr_buf_free(&c->docs);
    sr_buf_free(&c->terms);
    sr_buf_free(&c->trendwords);
    sr_buf_free(&c->articles);
    sr_buf_free(&c->stories);
    sr_buf_free(&c->groups);
    sr_buf_free(&c->claim_members);
    sr_buf_free(&c->egroups);
    sr_buf_free(&c->event_members);
    sr_buf_free(&c->conflicts);
    sr_buf_free(&c->trends);
    c->mem->free(c->slots);
    c->mem->free(c->quotes);
    c->mem->free(c->qhashes);
    sr_spill_free(&c->spill);
    sr_spill_free(&c->park[0]);
    sr_spill_free(&c->park[1]);
    sr_arena_free(&c->arena);
    c->mem->free(c);
}


/* ---- the claims and events, in memory or parked ---- */

static sr_buf *park_buf(sitrep_corpus *c, size_t k)
{
    return k == 0 ? &c->claims : &c->events;
}

static size_t park_size(size_t k)
{
    return k == 0 ? sizeof(sr_cclaim) : sizeof(sr_cevent);
}

size_t sr_corpus_nclaims(const sitrep_corpus *c)
{
    return c->is_parked[0] ? c->parked[0] : SR_VEC_COUNT(&c->claims, sr_cclaim);
}

size_t sr_corpus_nevents(const sitrep_corpus *c)
{
    return c->is_parked[1] ? c->parked[1] : SR_VEC_COUNT(&c->events, sr_cevent);
}

/* Table k's rows into its file (from offset 0), its memory freed. */
static sitrep_status park_out(sitrep_corpus *c, size_t k)
{
    sr_buf *b = park_buf(c, k);
    uint64_t at = 0;
    sr_spill_reset(&c->park[k]);
    sitrep_status st = b->len ? sr_spill_put(&c->park[k], b->data, b->len, &at) : SITREP_OK;
    if (st != SITREP_OK)
        return st;
    c->parked[k] = b->len / park_size(k);
    c->is_parked[k] = true;
    sr_buf_free(b);
    return SITREP_OK;
}

/* Table k's rows from its file into memory. */
static sitrep_status park_in(sitrep_corpus *c, size_t k)
{
    sr_buf *b = park_buf(c, k);
    size_t n = c->parked[k] * park_size(k);
    b->len = 0;
    /* room for the rows it has, not the next power of two */
    char *p = b->cap < n + 1 ? b->mem->realloc(b->data, n + 1) : b->data;
    if (!p)
        return SITREP_ENOMEM;
    if (b->cap < n + 1)
        b->data = p, b->cap = n + 1;
    sitrep_status st = n ? sr_spill_get(&c->park[k], 0, b->data, n) : SITREP_OK;
    if (st != SITREP_OK)
        return st;
    b->len = n;
    c->is_parked[k] = false;
    c->parked[k] = 0;
    sr_spill_reset(&c->park[k]);
    return SITREP_OK;
}

sitrep_status sr_corpus_hold(sitrep_corpus *c, unsigned hold)
{
    sitrep_status st = SITREP_OK;
    /* what goes out first, so that the two are never both in needlessly */
    for (size_t k = 0; k < 2 && st == SITREP_OK; k++)
        if (!(hold & (1u << k)) && !c->is_parked[k])
            st = park_out(c, k);
    for (size_t k = 0; k < 2 && st == SITREP_OK; k++)
        if ((hold & (1u << k)) && c->is_parked[k])
            st = park_in(c, k);
    return st;
}

sitrep_status sr_corpus_hold_const(const sitrep_corpus *c, unsigned hold)
{
    /* only brings in: what is held stays, so no caller's rows move away */
    sitrep_corpus *w = (sitrep_corpus *)(uintptr_t)c;
    sitrep_status st = SITREP_OK;
    for (size_t k = 0; k < 2 && st == SITREP_OK; k++)
        if ((hold & (1u << k)) && w->is_parked[k])
            st = park_in(w, k);
    return st;
}

sitrep_status sr_corpus_rows(const sitrep_corpus *c, unsigned table, size_t i, size_t n, void *out)
{
    size_t k = table == SR_HOLD_EVENTS ? 1 : 0;
    size_t size = park_size(k);
    if (c->is_parked[k])
        return i > c->parked[k] || n > c->parked[k] - i ? SITREP_EARG
                                                        : sr_spill_get(&c->park[k], (uint64_t)i * size, out, n * size);
    const sr_buf *b = k == 0 ? &c->claims : &c->events;
    if (i > b->len / size || n > b->len / size - i)
        return SITREP_EARG;
    if (n)
        memcpy(out, b->data + i * size, n * size);
    return SITREP_OK;
}

/* Appends a row to table k, in memory or in its file. */
static sitrep_status push_row(sitrep_corpus *c, size_t k, const void *row)
{
    if (c->is_parked[k]) {
        uint64_t at;
        sitrep_status st = sr_spill_put(&c->park[k], row, park_size(k), &at);
        if (st == SITREP_OK)
            c->parked[k]++;
        return st;
    }
    return sr_buf_put(park_buf(c, k), row, park_size(k)) ? SITREP_OK : SITREP_ENOMEM;
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

/* The slot of identity `key` in the entity table, grown first when it
 * must be: c->slots[*k] is its entity + 1, or 0 when it is new. */
static bool entity_slot(sitrep_corpus *c, uint64_t key, size_t *k)
{
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity);
    if ((ne + 1) * 10 > c->nslots * 7 && !grow(c))
        return false;
    const sr_centity *es = (const sr_centity *)(const void *)c->entities.data;
    size_t i = (size_t)key & (c->nslots - 1);
    while (c->slots[i] && es[c->slots[i] - 1].key != key)
        i = (i + 1) & (c->nslots - 1);
    *k = i;
    return true;
}

/* Does `role`, stated by document `doc_id`, replace the entity's?  A
 * descriptive role ("CENTCOM commander") beats a bare title ("General");
 * then the first document in id order wins. */
static bool role_wins(const char *role, const char *doc_id, const sr_centity *x)
{
    int r = role_rank(role), xr = role_rank(x->role);
    return r > xr || (r && r == xr && strcmp(doc_id, x->role_doc) < 0);
}

/* The fields an entity takes from one document's mention of it: those of
 * the first document by id, so that they do not depend on the order the
 * documents come in. */
static bool set_fields(sitrep_corpus *c, sr_centity *x, const sitrep_entity *e, const char *doc_id)
{
    x->first_doc = doc_id;
    x->name = keep(c, e->name);
    memset(x->country, 0, sizeof x->country);
    if (e->country)
        memcpy(x->country, e->country, 2);
    x->parent = keep(c, e->parent);
    x->admin1 = keep(c, e->admin1);
    x->admin1_code = keep(c, e->admin1_code);
    x->feature = keep(c, e->feature);
    x->lat = e->lat;
    x->lon = e->lon;
    return x->name != NULL;
}

/* The corpus entity for a document's entity, made when new. */
static int64_t merge(sitrep_corpus *c, const sitrep_entity *e, const char *doc_id)
{
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity), k;
    uint64_t key = identity(e);
    if (!entity_slot(c, key, &k))
        return -1;
    if (c->slots[k]) {
        sr_centity *x = &SR_VEC_AT(&c->entities, sr_centity, c->slots[k] - 1);
        if (role_wins(e->role, doc_id, x)) {
            x->role = keep(c, e->role);
            x->role_doc = doc_id;
        }
        if (strcmp(doc_id, x->first_doc) < 0 && !set_fields(c, x, e, doc_id))
            return -1;
        return (int64_t)(c->slots[k] - 1);
    }
    sr_centity x;
    memset(&x, 0, sizeof x);
    x.key = key;
    x.kind = e->kind;
    x.role = keep(c, e->role);
    x.role_doc = e->role ? doc_id : NULL;
    if (!set_fields(c, &x, e, doc_id) || !SR_VEC_PUSH(&c->entities, sr_centity, x))
        return -1;
    c->slots[k] = (uint32_t)ne + 1;
    return (int64_t)ne;
}

int64_t sr_corpus_entity_join(sitrep_corpus *c, const sr_centity *e)
{
    size_t ne = SR_VEC_COUNT(&c->entities, sr_centity), k;
    if (!entity_slot(c, e->key, &k))
        return -1;
    if (c->slots[k]) {
        sr_centity *x = &SR_VEC_AT(&c->entities, sr_centity, c->slots[k] - 1);
        if (e->role && role_wins(e->role, e->role_doc, x)) {
            x->role = e->role;
            x->role_doc = e->role_doc;
        }
        if (e->first_doc && (!x->first_doc || strcmp(e->first_doc, x->first_doc) < 0)) {
            /* the fields of the first document by id, as when added */
            x->first_doc = e->first_doc;
            x->name = e->name;
            memcpy(x->country, e->country, sizeof x->country);
            x->parent = e->parent;
            x->admin1 = e->admin1;
            x->admin1_code = e->admin1_code;
            x->feature = e->feature;
            x->lat = e->lat;
            x->lon = e->lon;
        }
        x->nmentions += e->nmentions;
        return (int64_t)(c->slots[k] - 1);
    }
    if (!SR_VEC_PUSH(&c->entities, sr_centity, *e))
        return -1;
    c->slots[k] = (uint32_t)ne + 1;
    return (int64_t)ne;
}

static const char *intern(sitrep_corpus *c, const char *s, size_t n)
{
    return sr_corpus_intern(c, s, n);
}

/* The corpus's copy of the quote s[0..n): one per distinct surface form,
 * however many mentions use it ("IS" a thousand times is stored once). */
const char *sr_corpus_intern(sitrep_corpus *c, const char *s, size_t n)
{
    if ((c->nquotes + 1) * 10 > c->nqslots * 7) {
        size_t m = c->nqslots ? c->nqslots * 2 : 1024;
        const char **q = c->mem->calloc(m, sizeof *q);
        uint64_t *h = c->mem->calloc(m, sizeof *h);
        if (q == NULL || h == NULL) {
            c->mem->free(q);
            c->mem->free(h);
            return NULL;
        }
        for (size_t i = 0; i < c->nqslots; i++) {
            if (!c->quotes[i])
                continue;
            size_t k = (size_t)c->qhashes[i] & (m - 1);
            while (q[k])
                k = (k + 1) & (m - 1);
            q[k] = c->quotes[i];
            h[k] = c->qhashes[i];
        }
        c->mem->free(c->quotes);
        c->mem->free(c->qhashes);
        c->quotes = q;
        c->qhashes = h;
        c->nqslots = m;
    }
    /* the full hash is kept beside each string: a probe compares bytes only
     * when the hashes agree (sentences of one template share long prefixes) */
    uint64_t hash = sr_mix64(sr_word_hash(s, n) ^ n);
    size_t k = (size_t)hash & (c->nqslots - 1);
    for (; c->quotes[k]; k = (k + 1) & (c->nqslots - 1))
        if (c->qhashes[k] == hash && strncmp(c->quotes[k], s, n) == 0 && c->quotes[k][n] == '\0')
            return c->quotes[k];
    char *copy = sr_arena_strndup(&c->arena, s, n);
    if (copy) {
        c->quotes[k] = copy;
        c->qhashes[k] = hash;
        c->nquotes++;
    }
    return copy;
}

/* A span of the analysed text as a span of the input, whose bytes the
 * records quote (they differ for a web page whose references were
 * decoded for the analysis). */
static sitrep_span input_span(const sitrep_doc *doc, sitrep_span sp)
{
    sitrep_span out = {sr_doc_input_pos(doc, sp.start), sr_doc_input_pos(doc, sp.end)};
    return out;
}

static sitrep_status add_span(sitrep_corpus *c, sr_rows *spans, uint32_t owner, const char *id,
                              const sitrep_doc *doc, sitrep_span sp)
{
    sp = input_span(doc, sp);
    sr_cspan x;
    memset(&x, 0, sizeof x);
    x.owner = owner;
    x.doc = id;
    x.start = sp.start;
    x.end = sp.end;
    x.quote_len = sp.end - sp.start;
    sitrep_status st = sr_corpus_keep_quote(c, &x, doc->input + sp.start); /* on disk till written */
    return st == SITREP_OK ? sr_rows_push(spans, &x) : st;
}

/* The document's claims and events, with copies of what they name. */
/* The token's entry in the rule lexicons (data/lex). */
static sr_lexid tok_lex(const sitrep_doc *doc, const sitrep_token *t)
{
    return sr_lex_find(doc->src + t->start, t->end - t->start);
}

/* A trend word's kind (SR_TREND_*, data/lex/stories.lex trend_words), 0
 * when token i is none; "half" only after "by". */
static uint8_t trend_kind(const sitrep_doc *doc, const sitrep_token *t, size_t i, size_t lo)
{
    const int32_t *row;
    if (!sr_lex_rows(tok_lex(doc, &t[i]), SR_LEX_STORIES_TREND_WORDS, &row))
        return 0;
    if (row[SR_LEXCOL_STORIES_TREND_WORDS_AFTER_BY] &&
        !(i > lo && sr_lex_find(doc->src + t[i - 1].start, t[i - 1].end - t[i - 1].start) == sr_lex_find("by", 2)))
        return 0;
    return (uint8_t)row[SR_LEXCOL_STORIES_TREND_WORDS_KIND];
}

static sitrep_status add_trend_words(sitrep_corpus *c, uint32_t d, const sitrep_doc *doc)
{
    size_t nt, ns;
    const sitrep_token *t = sitrep_doc_tokens(doc, &nt);
    const sitrep_sentence *sen = sitrep_doc_sentences(doc, &ns);
    for (size_t s = 0; s < ns; s++) {
        size_t lo = sen[s].first, hi = lo + sen[s].count;
        for (size_t i = lo; i < hi && i < nt; i++) {
            if (t[i].kind != SITREP_TOK_WORD)
                continue;
            uint8_t kind = trend_kind(doc, t, i, lo);
            if (!kind)
                continue;
            size_t from = i;
            while (from > lo && i - from < 5 && sr_lex_in(tok_lex(doc, &t[from - 1]), SR_LEX_STORIES_TREND_LEAD))
                from--;
            sitrep_span in = input_span(doc, sen[s].span);
            sr_ctrendword w = {d, in.start, in.end, NULL, NULL, kind, 1};
            w.quote = intern(c, doc->input + w.start, w.end - w.start);
            w.phrase = sr_arena_strndup(&c->arena, doc->src + t[from].start, t[i].end - t[from].start);
            if (!w.quote || !w.phrase || !SR_VEC_PUSH(&c->trendwords, sr_ctrendword, w))
                return SITREP_ENOMEM;
            break; /* one per sentence */
        }
    }
    return SITREP_OK;
}

/* A mention record's common part: its type, document and quoted span. */
static sr_cexpr expr_at(sitrep_corpus *c, uint8_t type, const char *id, const sitrep_doc *doc,
                        sitrep_span sp)
{
    sr_cexpr x;
    memset(&x, 0, sizeof x);
    x.type = type;
    x.doc = id;
    sp = input_span(doc, sp);
    x.start = sp.start;
    x.end = sp.end;
    x.quote_len = sp.end - sp.start;
    x.quote = intern(c, doc->input + sp.start, x.quote_len);
    x.alive = 1;
    return x;
}

static sitrep_status add_exprs(sitrep_corpus *c, uint32_t d, const sitrep_doc *doc)
{
    const char *id = SR_VEC_AT(&c->docs, sr_cdoc, d).id;
    SR_VEC_AT(&c->docs, sr_cdoc, d).exprs0 = (uint32_t)SR_VEC_COUNT(&c->exprs, sr_cexpr);
    size_t nt = sitrep_doc_time_count(doc), nf = sitrep_doc_figure_count(doc);
    for (size_t i = 0; i < nt; i++) {
        sitrep_time t;
        sitrep_doc_time(doc, i, &t);
        sr_cexpr x = expr_at(c, SR_CEXPR_TIME, id, doc, t.span);
        x.doc_index = d;
        memcpy(x.from, t.from, sizeof x.from);
        memcpy(x.to, t.to, sizeof x.to);
        if (strcmp(t.period_from, t.from) != 0 || strcmp(t.period_to, t.to) != 0) {
            memcpy(x.pfrom, t.period_from, sizeof x.pfrom);
            memcpy(x.pto, t.period_to, sizeof x.pto);
        }
        x.precision = sitrep_precision_name(t.precision);
        x.kind = sitrep_time_kind_name(t.kind);
        x.relation = t.relation;
        x.mod = t.mod;
        if (t.duration)
            snprintf(x.duration, sizeof x.duration, "%s", t.duration);
        if (x.quote == NULL || !SR_VEC_PUSH(&c->exprs, sr_cexpr, x))
            return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < nf; i++) {
        sitrep_figure f;
        sitrep_doc_figure(doc, i, &f);
        sr_cexpr x = expr_at(c, SR_CEXPR_FIGURE, id, doc, f.span);
        x.doc_index = d;
        x.low = f.low;
        x.high = f.high;
        x.qualifier = sitrep_qualifier_name(f.qualifier);
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
    SR_VEC_AT(&c->docs, sr_cdoc, d).exprs1 = (uint32_t)SR_VEC_COUNT(&c->exprs, sr_cexpr);
    return SITREP_OK;
}

sitrep_status sr_corpus_add_analysis(sitrep_corpus *c, uint32_t d, const sitrep_doc *doc)
{
    /* a later analysis replaces what the earlier one said */
    sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, d);
    /* (parked rows are marked by sr_corpus_settle_replaced, from the
     * documents' ranges: a row outside its document's is replaced) */
    for (uint32_t i = x->claims0; i < x->claims1 && !c->is_parked[0]; i++)
        SR_VEC_AT(&c->claims, sr_cclaim, i).alive = 0;
    for (uint32_t i = x->events0; i < x->events1 && !c->is_parked[1]; i++)
        SR_VEC_AT(&c->events, sr_cevent, i).alive = 0;
    for (uint32_t i = x->words0; i < x->words1; i++)
        SR_VEC_AT(&c->trendwords, sr_ctrendword, i).alive = 0;
    bool had_exprs = x->exprs1 > x->exprs0;
    for (uint32_t i = x->exprs0; i < x->exprs1; i++)
        SR_VEC_AT(&c->exprs, sr_cexpr, i).alive = 0;
    x->claims0 = (uint32_t)sr_corpus_nclaims(c);
    x->events0 = (uint32_t)sr_corpus_nevents(c);
    x->words0 = (uint32_t)SR_VEC_COUNT(&c->trendwords, sr_ctrendword);
    const char *id = SR_VEC_AT(&c->docs, sr_cdoc, d).id;
    size_t n = sitrep_doc_claim_count(doc);
    for (size_t i = 0; i < n; i++) {
        sitrep_claim cl;
        sitrep_doc_claim(doc, i, &cl);
        sr_cclaim x;
        memset(&x, 0, sizeof x);
        x.doc = id;
        x.doc_index = d;
        x.alive = 1;
        x.group = -1;
        sitrep_span fig;
        sitrep_doc_claim_span(doc, i, 0, &fig);
        x.first = fig.start; /* its figure: one sentence can state several claims */
        x.measure = intern(c, cl.measure, strlen(cl.measure));
        x.qualifier = sitrep_qualifier_name(cl.qualifier);
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
        memcpy(x.said, cl.said_on, sizeof x.said);
        uint32_t owner = (uint32_t)sr_corpus_nclaims(c);
        if (!x.measure)
            return SITREP_ENOMEM;
        sitrep_status pst = push_row(c, 0, &x);
        if (pst != SITREP_OK)
            return pst;
        for (size_t k = 0; k < cl.span_count; k++) {
            sitrep_status st = add_span(c, &c->claim_spans, owner, id, doc, sitrep_doc_claim_span(doc, i, k, NULL));
            if (st != SITREP_OK)
                return st;
        }
    }
    n = sitrep_doc_event_count(doc);
    for (size_t i = 0; i < n; i++) {
        sitrep_event ev;
        sitrep_doc_event(doc, i, &ev);
        sr_cevent x;
        memset(&x, 0, sizeof x);
        x.doc = id;
        x.doc_index = d;
        x.alive = 1;
        x.group = -1;
        x.first = ev.trigger.start; /* one sentence can report several events */
        x.type = ev.event_type ? sitrep_event_type_name(ev.event_type) : "";
        x.sub = ev.sub_event_type ? sitrep_sub_event_name(ev.sub_event_type) : "";
        x.precision = sitrep_precision_name(ev.precision);
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
        x.has_fat = ev.has_fatalities != 0;
        x.has_inj = ev.has_injured != 0;
        x.fat_low = ev.fatalities_low;
        x.fat_high = ev.fatalities_high;
        x.inj_low = ev.injured_low;
        x.inj_high = ev.injured_high;
        x.fat_q = sitrep_qualifier_name(ev.fatalities_qualifier);
        x.inj_q = sitrep_qualifier_name(ev.injured_qualifier);
        x.perp_conf = sitrep_perp_confidence_name(ev.perpetrator_confidence);
        x.date_from_report = (uint8_t)ev.date_from_report;
        x.place_from_report = (uint8_t)ev.place_from_report;
        uint32_t owner = (uint32_t)sr_corpus_nevents(c);
        sitrep_status pst = push_row(c, 1, &x);
        if (pst != SITREP_OK)
            return pst;
        for (size_t k = 0; k < ev.span_count; k++) {
            sitrep_status st = add_span(c, &c->event_spans, owner, id, doc, sitrep_doc_event_span(doc, i, k));
            if (st != SITREP_OK)
                return st;
        }
    }
    sitrep_status st = add_trend_words(c, d, doc);
    x = &SR_VEC_AT(&c->docs, sr_cdoc, d);
    x->claims1 = (uint32_t)sr_corpus_nclaims(c);
    x->events1 = (uint32_t)sr_corpus_nevents(c);
    x->words1 = (uint32_t)SR_VEC_COUNT(&c->trendwords, sr_ctrendword);
    if (st == SITREP_OK && had_exprs)
        st = add_exprs(c, d, doc);
    return st;
}

static int32_t day_of(const char *iso)
{
    sr_date d;
    if (!iso || !iso[0] || sscanf(iso, "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
        return INT32_MIN;
    return (int32_t)sr_date_to_days(&d);
}

static char *keep_copy(sitrep_corpus *c, const char *s)
{
    return s ? sr_arena_strndup(&c->arena, s, strlen(s)) : NULL;
}

sitrep_status sr_corpus_keep_input(sitrep_corpus *c, sr_cdoc *d, const char *input, size_t n)
{
    uint64_t at = 0;
    sitrep_status st = sr_spill_put(&c->spill, input, n, &at);
    if (st == SITREP_OK) {
        d->src_at = (int64_t)at;
        d->src_len = n;
    }
    return st;
}

sitrep_status sr_corpus_doc_input(const sitrep_corpus *c, const sr_cdoc *d, char **out)
{
    *out = NULL;
    if (d->src_at < 0)
        return SITREP_EARG;
    char *p = c->mem->calloc(1, d->src_len + 1);
    if (!p)
        return SITREP_ENOMEM;
    sitrep_status st = sr_spill_get(&c->spill, (uint64_t)d->src_at, p, d->src_len);
    if (st != SITREP_OK) {
        c->mem->free(p);
        return st;
    }
    *out = p;
    return SITREP_OK;
}

sitrep_status sr_corpus_keep_record(sitrep_corpus *c, sr_cdoc *d, const char *record, size_t n)
{
    uint64_t at = 0;
    sitrep_status st = sr_spill_put(&c->spill, record, n, &at);
    if (st == SITREP_OK) {
        d->rec_at = (int64_t)at;
        d->record_len = n;
    }
    return st;
}

sitrep_status sr_corpus_doc_record(const sitrep_corpus *c, const sr_cdoc *d, sr_buf *out)
{
    out->len = 0;
    if (d->rec_at < 0)
        return SITREP_EARG;
    if (!sr_buf_reserve(out, d->record_len + 1))
        return SITREP_ENOMEM;
    sitrep_status st = sr_spill_get(&c->spill, (uint64_t)d->rec_at, out->data, d->record_len);
    if (st == SITREP_OK) {
        out->len = d->record_len;
        out->data[out->len] = '\0';
    }
    return st;
}

sitrep_status sr_corpus_keep_quote(sitrep_corpus *c, sr_cspan *x, const char *q)
{
    unsigned n = c->nlast_quotes < 4 ? c->nlast_quotes : 4;
    uint64_t hash = sr_mix64(sr_word_hash(q, x->quote_len) ^ x->quote_len);
    for (unsigned i = 0; i < n; i++)
        if (c->last_quotes[i].doc == x->doc && c->last_quotes[i].start == x->start &&
            c->last_quotes[i].end == x->end && c->last_quotes[i].hash == hash) {
            x->quote_at = c->last_quotes[i].at;
            return SITREP_OK;
        }
    uint64_t at = 0;
    sitrep_status st = sr_spill_put(&c->spill, q, x->quote_len, &at);
    if (st != SITREP_OK)
        return st;
    x->quote_at = at;
    unsigned k = c->nlast_quotes++ % 4;
    c->last_quotes[k].doc = x->doc;
    c->last_quotes[k].start = x->start;
    c->last_quotes[k].end = x->end;
    c->last_quotes[k].hash = hash;
    c->last_quotes[k].at = at;
    return SITREP_OK;
}

/* The len bytes kept in the spill file at at, into out, NUL-terminated
 * (empty on failure). */
static sitrep_status spill_text(const sitrep_corpus *c, uint64_t at, uint32_t len, sr_buf *out)
{
    out->len = 0;
    if (!sr_buf_reserve(out, (size_t)len + 1))
        return SITREP_ENOMEM;
    sitrep_status st = sr_spill_get(&c->spill, at, out->data, len);
    out->len = st == SITREP_OK ? len : 0;
    out->data[out->len] = '\0';
    return st;
}

sitrep_status sr_corpus_span_quote(const sitrep_corpus *c, const sr_cspan *x, sr_buf *out)
{
    return spill_text(c, x->quote_at, x->quote_len, out);
}

sitrep_status sr_corpus_keep_reason(sitrep_corpus *c, sr_cconflict *cf, const char *reason, size_t n)
{
    uint64_t at = 0;
    sitrep_status st = n > UINT32_MAX ? SITREP_EARG : sr_spill_put(&c->spill, reason, n, &at);
    if (st == SITREP_OK) {
        cf->reason_at = at;
        cf->reason_len = (uint32_t)n;
    }
    return st;
}

sitrep_status sr_corpus_conflict_reason(const sitrep_corpus *c, const sr_cconflict *cf, sr_buf *out)
{
    return spill_text(c, cf->reason_at, cf->reason_len, out);
}

/* The document's own record and facts the stories stage reads. */
static sitrep_status add_document(sitrep_corpus *c, const sitrep_doc *doc, const char *id,
                                  const char *record, size_t record_len)
{
    sr_cdoc x;
    memset(&x, 0, sizeof x);
    x.id = id;
    x.outlet = doc->outlet ? intern(c, doc->outlet, strlen(doc->outlet)) : NULL;
    x.title = doc->title ? intern(c, doc->title, strlen(doc->title)) : NULL;
    if (doc->published)
        snprintf(x.published, sizeof x.published, "%s", doc->published);
    if (doc->published_inferred)
        snprintf(x.inferred, sizeof x.inferred, "%s", doc->published_inferred);
    x.basis = keep_copy(c, doc->published_basis);
    x.day = day_of(x.published[0] ? x.published : x.inferred);
    uint32_t d = (uint32_t)SR_VEC_COUNT(&c->docs, sr_cdoc);
    x.story = x.dup_of = -1;
    sitrep_status st = SITREP_OK;
    /* the record is read again only to be written: on disk till then */
    st = sr_corpus_keep_record(c, &x, record, record_len);
    x.src_at = -1;
    if (st == SITREP_OK && x.day == INT32_MIN) {
        /* undated: kept (on disk) to be analysed again once its story dates it */
        st = sr_corpus_keep_input(c, &x, doc->input, doc->input_len);
        x.hint_title = keep_copy(c, doc->title);
        x.hint_url = keep_copy(c, doc->url);
        x.hint_outlet = keep_copy(c, doc->outlet);
    }
    if (st == SITREP_OK && !SR_VEC_PUSH(&c->docs, sr_cdoc, x))
        st = SITREP_ENOMEM;
    if (st == SITREP_OK)
        st = sr_corpus_add_analysis(c, d, doc);
    return st;
}

sitrep_status sr_corpus_add(sitrep_corpus *c, const sitrep_doc *doc, const char *record,
                           size_t record_len)
{
    if (c == NULL || doc == NULL)
        return SITREP_EARG;
    if (c->finished)
        return SITREP_EARG; /* its records are written: nothing joins after */
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
        sitrep_span in = input_span(doc, ms[i].span);
        uint32_t n = in.end - in.start;
        sr_cmention m;
        memset(&m, 0, sizeof m);
        m.entity = map[ms[i].entity];
        m.doc = id;
        m.start = in.start;
        m.end = in.end;
        m.quote = intern(c, doc->input + in.start, n);
        m.quote_len = n;
        sitrep_span nm_ = ms[i].name;
        if (nm_.end > nm_.start && nm_.start >= ms[i].span.start && nm_.end <= ms[i].span.end &&
            (nm_.start != ms[i].span.start || nm_.end != ms[i].span.end)) {
            sitrep_span a = input_span(doc, nm_);
            if (a.end > a.start && (m.alias = intern(c, doc->input + a.start, a.end - a.start)) == NULL) {
                c->mem->free(map);
                return SITREP_ENOMEM;
            }
        }
        sitrep_status st = m.quote ? sr_rows_push(&c->mentions, &m) : SITREP_ENOMEM;
        if (st != SITREP_OK) {
            c->mem->free(map);
            return st;
        }
        ((sr_centity *)(void *)c->entities.data)[m.entity].nmentions++;
    }
    c->mem->free(map);
    c->ndocs++;
    return add_document(c, doc, id, record, record_len);
}

sitrep_status sitrep_corpus_add_mentions(sitrep_corpus *c, const sitrep_doc *doc)
{
    if (c == NULL || doc == NULL || c->finished)
        return SITREP_EARG;
    /* the document sitrep_corpus_add took last */
    size_t n = SR_VEC_COUNT(&c->docs, sr_cdoc);
    if (n == 0 || strcmp(SR_VEC_AT(&c->docs, sr_cdoc, n - 1).id, doc->id) != 0)
        return SITREP_EARG;
    return add_exprs(c, (uint32_t)(n - 1), doc);
}

/* alive[i] for the `n` rows of `size` bytes at `data` (the alive flag at
 * offset `flag`): before[i] becomes the number of live rows before row i
 * (n + 1 entries), and the live rows move down in their order. */
static void drop_rows(char *data, size_t n, size_t size, size_t flag, uint32_t *before)
{
    uint32_t w = 0;
    for (size_t i = 0; i < n; i++) {
        before[i] = w;
        if (!data[i * size + flag])
            continue;
        if (w != i)
            memmove(data + (size_t)w * size, data + i * size, size);
        w++;
    }
    before[n] = w;
}

/* The spans of the live owners, renumbered by `before` (see drop_rows),
 * into a new file in their order. */
static sitrep_status drop_spans(sitrep_corpus *c, sr_rows *spans, const uint32_t *before, size_t owners)
{
    sr_rows out;
    sr_rows_init(&out, c->mem, sizeof(sr_cspan));
    sr_cspan buf[256];
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < spans->n && st == SITREP_OK;) {
        size_t n = spans->n - i < 256 ? spans->n - i : 256;
        st = sr_rows_get(spans, i, n, buf);
        for (size_t k = 0; k < n && st == SITREP_OK; k++) {
            uint32_t o = buf[k].owner;
            if (o >= owners || before[o + 1] == before[o])
                continue; /* of a replaced row */
            buf[k].owner = before[o];
            st = sr_rows_push(&out, &buf[k]);
        }
        i += n;
    }
    if (st != SITREP_OK) {
        sr_rows_free(&out);
        return st;
    }
    sr_rows_free(spans);
    *spans = out;
    return SITREP_OK;
}

/* Table k's rows (claims or events, held) marked by their documents'
 * ranges: a row outside its document's latest was replaced. */
static void mark_replaced(sitrep_corpus *c, size_t k)
{
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    if (k == 0) {
        for (size_t i = 0; i < SR_VEC_COUNT(&c->claims, sr_cclaim); i++) {
            sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, i);
            x->alive = i >= docs[x->doc_index].claims0 && i < docs[x->doc_index].claims1;
        }
    } else {
        for (size_t i = 0; i < SR_VEC_COUNT(&c->events, sr_cevent); i++) {
            sr_cevent *x = &SR_VEC_AT(&c->events, sr_cevent, i);
            x->alive = i >= docs[x->doc_index].events0 && i < docs[x->doc_index].events1;
        }
    }
}

sitrep_status sr_corpus_settle_replaced(sitrep_corpus *c, bool drop)
{
    sitrep_status st = SITREP_OK;
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc);
    /* the claims, then the events: one of them in memory at a time */
    for (size_t k = 0; k < 2 && st == SITREP_OK; k++) {
        st = sr_corpus_hold(c, k == 0 ? SR_HOLD_CLAIMS : SR_HOLD_EVENTS);
        if (st != SITREP_OK)
            break;
        mark_replaced(c, k);
        if (!drop)
            continue;
        sr_buf *b = k == 0 ? &c->claims : &c->events;
        size_t size = k == 0 ? sizeof(sr_cclaim) : sizeof(sr_cevent), n = b->len / size;
        uint32_t *before = c->mem->calloc(n + 1, sizeof *before);
        if (!before) {
            st = SITREP_ENOMEM;
            break;
        }
        drop_rows(b->data, n, size, k == 0 ? offsetof(sr_cclaim, alive) : offsetof(sr_cevent, alive), before);
        b->len = before[n] * size;
        sr_buf_fit(b);
        /* each document's latest rows: live, together, where the rows before are */
        for (size_t i = 0; i < nd; i++) {
            sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, i);
            if (k == 0)
                d->claims0 = before[d->claims0], d->claims1 = before[d->claims1];
            else
                d->events0 = before[d->events0], d->events1 = before[d->events1];
        }
        if (before[n] != n)
            st = drop_spans(c, k == 0 ? &c->claim_spans : &c->event_spans, before, n);
        c->mem->free(before);
    }
    if (!drop || st != SITREP_OK)
        return st;
    /* the trend sentences and time and figure records (marked when replaced) */
    size_t nw = SR_VEC_COUNT(&c->trendwords, sr_ctrendword), nx = SR_VEC_COUNT(&c->exprs, sr_cexpr);
    uint32_t *bw = c->mem->calloc(nw + 1, sizeof *bw), *bx = c->mem->calloc(nx + 1, sizeof *bx);
    if (bw && bx) {
        drop_rows(c->trendwords.data, nw, sizeof(sr_ctrendword), offsetof(sr_ctrendword, alive), bw);
        drop_rows(c->exprs.data, nx, sizeof(sr_cexpr), offsetof(sr_cexpr, alive), bx);
        c->trendwords.len = bw[nw] * sizeof(sr_ctrendword);
        c->exprs.len = bx[nx] * sizeof(sr_cexpr);
        sr_buf_fit(&c->trendwords), sr_buf_fit(&c->exprs);
        for (size_t i = 0; i < nd; i++) {
            sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, i);
            d->words0 = bw[d->words0], d->words1 = bw[d->words1];
            d->exprs0 = bx[d->exprs0], d->exprs1 = bx[d->exprs1];
        }
    } else {
        st = SITREP_ENOMEM;
    }
    c->mem->free(bw);
    c->mem->free(bx);
    return st;
}

/* Where each owner's spans start in `spans` (they were appended owner by
 * owner): first[o] .. first[o + 1].  With quote_bytes, also (*quote_bytes)[o],
 * the bytes of the quotes of owner o's spans, from the same pass over the
 * rows (they are on disk).  NULL for want of memory or a failed read; the
 * caller frees both with c->mem. */
size_t *sr_span_index(const sitrep_corpus *c, const sr_rows *spans, size_t owners, size_t **quote_bytes)
{
    size_t *first = c->mem->calloc(owners + 2, sizeof *first);
    size_t *qb = quote_bytes ? c->mem->calloc(owners + 1, sizeof *qb) : NULL;
    if (!first || (quote_bytes && !qb)) {
        c->mem->free(first);
        c->mem->free(qb);
        return NULL;
    }
    /* counted by owner (first[o + 1]), read in order */
    sr_cspan buf[256];
    for (size_t i = 0; i < spans->n;) {
        size_t n = spans->n - i < 256 ? spans->n - i : 256;
        if (sr_rows_get(spans, i, n, buf) != SITREP_OK) {
            c->mem->free(first);
            c->mem->free(qb);
            return NULL;
        }
        for (size_t k = 0; k < n; k++)
            if (buf[k].owner < owners) {
                first[buf[k].owner + 1]++;
                if (qb)
                    qb[buf[k].owner] += buf[k].quote_len;
            }
        i += n;
    }
    if (quote_bytes)
        *quote_bytes = qb;
    for (size_t o = 0; o < owners; o++)
        first[o + 1] += first[o];
    return first;
}
