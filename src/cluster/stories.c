/*
 * stories.c -- near-copies and stories across articles.
 *
 * Everything here runs when the corpus is finished, over every document
 * then there, in one canonical order (by date, then id): the stories are a
 * function of the set of documents, never of the order they were added,
 * and corpora built in parts and merged give the same result.  Adding a
 * document only stores what it says (its MinHash signature and its terms,
 * cluster/terms.c).  No step reads more than a bounded number of entries
 * per document (rules.h), so the cost per article stays flat at a million.
 *
 *   near-copies  documents sharing a MinHash band whose signatures are at
 *                least rules.near_copy similar (one wire story on several
 *                sites) are one article: the earliest dated is the copy the
 *                others are duplicate_of;
 *   similarity   each term weighed by TF-IDF over the corpus (1 + ln count
 *                times ln((N + rules.idf_prior) / (df + 1)): as if the
 *                corpus had rules.idf_prior more documents, each with the
 *                term once, so that a corpus of two articles still weighs
 *                their shared words), each document's weights scaled to
 *                length 1; the cosine of two documents shrunk by how much
 *                text the smaller has (n / (n + rules.shrink)), and no link
 *                between two dated documents more than rules.story_days
 *                apart;
 *   candidates   an inverted index of the terms: a document looks up its
 *                rules.walk_terms heaviest terms, reading a posting list
 *                whole when short and else the entries nearest in date
 *                order, and the rules.candidates documents sharing most
 *                weight get the exact cosine; it keeps its
 *                rules.neighbours most similar as edges;
 *   stories      average link over the edges, strongest first: two groups
 *                of documents join when the sum of the edges between them,
 *                over min(|A||B|, rules.link_span (|A| + |B|)), reaches
 *                rules.link_min and, when both groups have
 *                rules.cohesion_size documents or more, rules.link_relative
 *                of the looser group's own average link (two look-alike
 *                happenings' coverage is each close-knit and only loosely
 *                linked to the other).  A group is one happening's coverage: an
 *                article close to one member of another happening's group
 *                does not pull the two together (single link does: two
 *                shootings on one day share their words with each other).
 *
 * Then each story gets its id (from its first document's id), its title
 * (its earliest dated document's) and the days it was seen, and each
 * undated document the date of its story's earliest dated document.
 */
#include "corpus/corpus.h"

#include "core/dates.h"
#include "cluster/rules.h"
#include "data/lex.h"
#include "wordhash.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULES sr_story_rules_default

/* ---- keys ---- */

/* The outcome family of a measure's last word ("killed"; "detained" is
 * "arrested": data/lex/stories.lex), 0 when it names none. */
static int32_t outcome_of(const char *measure, const char **word)
{
    const char *last = strrchr(measure, ' ');
    *word = last ? last + 1 : measure;
    return sr_lex_value(sr_lex_find(*word, strlen(*word)), SR_LEX_STORIES_OUTCOMES, SR_LEXCOL_STORIES_OUTCOMES_FAMILY);
}

/* The family of a measure: its outcome ("militants killed" and
 * "operatives killed" count the same deaths; arrested, apprehended and
 * detained are one), else its head noun without a plural s. */
static size_t measure_family(const char *m, char *out, size_t cap)
{
    const char *last;
    int32_t f = outcome_of(m, &last);
    if (f) {
        snprintf(out, cap, "%s", sr_lexe_STORIES_OUTCOMES_FAMILY_names[f]);
        return strlen(out);
    }
    size_t n = strlen(last);
    if (n > 3 && last[n - 1] == 's' && last[n - 2] != 's')
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, last, n);
    out[n] = '\0';
    return n;
}

bool sr_measure_outcome(const char *measure, const char **head, size_t *head_len)
{
    const char *word;
    bool outcome = outcome_of(measure, &word) != 0;
    *head = NULL;
    *head_len = 0;
    if (outcome && word > measure) {
        const char *h = word - 1;
        while (h > measure && h[-1] != ' ')
            h--;
        *head = h;
        *head_len = (size_t)(word - 1 - h);
    }
    return outcome;
}

uint64_t sr_claim_key(const char *measure, double low, double high)
{
    char fam[40];
    size_t n = measure_family(measure, fam, sizeof fam);
    uint64_t h = sr_word_hash(fam, n);
    uint64_t lo, hi;
    memcpy(&lo, &low, sizeof lo);
    memcpy(&hi, &high, sizeof hi);
    return sr_mix64(h ^ sr_mix64(lo) ^ (sr_mix64(hi) << 1));
}

/* ---- the canonical order ---- */

/* The records of two documents, whose ids and signatures are the same,
 * compared (they are in the corpus's spill file; a failed read compares
 * as equal). */
static int cmp_records(const sitrep_corpus *c, const sr_cdoc *a, const sr_cdoc *b)
{
    sr_buf ra, rb;
    sr_buf_init(&ra, c->mem);
    sr_buf_init(&rb, c->mem);
    int r = 0;
    if (sr_corpus_doc_record(c, a, &ra) == SITREP_OK && sr_corpus_doc_record(c, b, &rb) == SITREP_OK)
        r = memcmp(ra.data, rb.data, a->record_len);
    sr_buf_free(&ra);
    sr_buf_free(&rb);
    return r;
}

static int cmp_doc(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *corpus = ctx;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)corpus->docs.data;
    const sr_cdoc *a = &docs[*(const uint32_t *)pa], *b = &docs[*(const uint32_t *)pb];
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    /* one id twice (two inputs of one name): their contents decide */
    c = memcmp(a->sig.v, b->sig.v, sizeof a->sig.v);
    if (c)
        return c;
    if (a->record_len != b->record_len)
        return a->record_len < b->record_len ? -1 : 1;
    return cmp_records(corpus, a, b);
}

/* ---- union-find over ranks ---- */

static uint32_t find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]]; /* path halving */
        x = parent[x];
    }
    return x;
}

/* ---- near-copies ---- */

typedef struct band_entry {
    uint64_t key;
    uint32_t rank;
} band_entry;

static int cmp_band(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const band_entry *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* Unites near-copies in `dup` (ranks): documents sharing a band, each
 * compared with the next rules.band_walk of its band in rank order. */
static sitrep_status near_copies(sitrep_corpus *c, const uint32_t *order, size_t n, uint32_t *dup)
{
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    size_t ne = n * SR_MINHASH_BANDS;
    band_entry *be = c->mem->calloc(ne ? ne : 1, sizeof *be);
    if (!be)
        return SITREP_ENOMEM;
    size_t ne2 = 0;
    for (size_t r = 0; r < n; r++) {
        if (docs[order[r]].sig.v[0] == UINT32_MAX)
            continue; /* no words: a copy of nothing (every empty signature is alike) */
        for (int b = 0; b < SR_MINHASH_BANDS; b++)
            be[ne2++] = (band_entry){sr_minhash_band(&docs[order[r]].sig, b), (uint32_t)r};
    }
    ne = ne2;
    if (!sr_sort(be, ne, sizeof *be, cmp_band, NULL, c->mem)) {
        c->mem->free(be);
        return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++)
        for (size_t j = i + 1; j < ne && j <= i + RULES.band_walk && be[j].key == be[i].key; j++) {
            uint32_t a = be[i].rank, b = be[j].rank;
            if (a == b || find(dup, a) == find(dup, b))
                continue;
            if (sr_minhash_similarity(&docs[order[a]].sig, &docs[order[b]].sig) >= RULES.near_copy) {
                uint32_t ra = find(dup, a), rb = find(dup, b);
                if (ra < rb)
                    dup[rb] = ra;
                else
                    dup[ra] = rb;
            }
        }
    c->mem->free(be);
    return SITREP_OK;
}

/* ---- term weights ---- */

/* Term hash -> number, with its document frequency. */
typedef struct vocab {
    uint32_t *keys;   /* hash, 0 empty */
    uint32_t *ids;
    uint32_t *df;     /* by number */
    size_t nslots, n, dfcap;
    const sitrep_mem *mem;
} vocab;

static bool vocab_grow(vocab *v)
{
    size_t m = v->nslots ? v->nslots * 2 : 1 << 16;
    uint32_t *keys = v->mem->calloc(m, sizeof *keys), *ids = v->mem->calloc(m, sizeof *ids);
    if (!keys || !ids) {
        v->mem->free(keys);
        v->mem->free(ids);
        return false;
    }
    for (size_t i = 0; i < v->nslots; i++) {
        if (!v->keys[i])
            continue;
        size_t k = sr_mix64(v->keys[i]) & (m - 1);
        while (keys[k])
            k = (k + 1) & (m - 1);
        keys[k] = v->keys[i];
        ids[k] = v->ids[i];
    }
    v->mem->free(v->keys);
    v->mem->free(v->ids);
    v->keys = keys;
    v->ids = ids;
    v->nslots = m;
    return true;
}

/* The number of term h (added when new); UINT32_MAX when out of memory. */
static uint32_t vocab_id(vocab *v, uint32_t h)
{
    if ((v->n + 1) * 10 > v->nslots * 7 && !vocab_grow(v))
        return UINT32_MAX;
    size_t k = sr_mix64(h) & (v->nslots - 1);
    while (v->keys[k] && v->keys[k] != h)
        k = (k + 1) & (v->nslots - 1);
    if (v->keys[k])
        return v->ids[k];
    if (v->n == v->dfcap) {
        size_t cap = v->dfcap ? v->dfcap * 2 : 1 << 16;
        uint32_t *df = v->mem->calloc(cap, sizeof *df);
        if (!df)
            return UINT32_MAX;
        if (v->n)
            memcpy(df, v->df, v->n * sizeof *df);
        v->mem->free(v->df);
        v->df = df;
        v->dfcap = cap;
    }
    v->keys[k] = h;
    v->ids[k] = (uint32_t)v->n;
    v->df[v->n] = 0;
    return (uint32_t)v->n++;
}

static float weight_of(const sr_cterm *t)
{
    float w;
    memcpy(&w, &t->count, sizeof w);
    return w;
}

static int cmp_term_id(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const sr_cterm *a = pa, *b = pb;
    return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* Turns every document's terms into (number, weight), sorted by number,
 * the weights TF-IDF scaled to length 1; *df_out gets each number's
 * document frequency (the caller frees it). */
static sitrep_status weigh_terms(sitrep_corpus *c, const uint32_t *order, size_t n, uint32_t **df_out,
                                 size_t *nterms_out)
{
    sr_cdoc *docs = (sr_cdoc *)(void *)c->docs.data;
    sr_cterm *terms = (sr_cterm *)(void *)c->terms.data;
    vocab v = {0};
    v.mem = c->mem;
    sitrep_status st = SITREP_OK;
    /* numbers are given in the canonical order: they break ties between
     * terms of one weight (which are walked) and fix the order in which a
     * cosine adds its products (its last bits), so they must not depend on
     * the order the documents came in */
    for (size_t r = 0; r < n && st == SITREP_OK; r++) {
        size_t d = order[r];
        for (uint32_t i = docs[d].terms0; i < docs[d].terms1; i++) {
            uint32_t id = vocab_id(&v, terms[i].hash);
            if (id == UINT32_MAX) {
                st = SITREP_ENOMEM;
                break;
            }
            terms[i].hash = id;
            v.df[id]++;
        }
    }
    c->mem->free(v.keys);
    c->mem->free(v.ids);
    if (st != SITREP_OK) {
        c->mem->free(v.df);
        return st;
    }
    double N = (double)n;
    for (size_t d = 0; d < n; d++) {
        double norm = 0;
        for (uint32_t i = docs[d].terms0; i < docs[d].terms1; i++) {
            double w = (1.0 + log((double)terms[i].count)) * log((N + RULES.idf_prior) / (v.df[terms[i].hash] + 1.0));
            norm += w * w;
            float f = (float)w;
            memcpy(&terms[i].count, &f, sizeof f);
        }
        norm = norm > 0 ? 1.0 / sqrt(norm) : 0;
        for (uint32_t i = docs[d].terms0; i < docs[d].terms1; i++) {
            float f = (float)(weight_of(&terms[i]) * norm);
            memcpy(&terms[i].count, &f, sizeof f);
        }
        if (!sr_sort(terms + docs[d].terms0, docs[d].terms1 - docs[d].terms0, sizeof *terms, cmp_term_id, NULL,
                     c->mem)) {
            c->mem->free(v.df);
            return SITREP_ENOMEM;
        }
    }
    *df_out = v.df;
    *nterms_out = v.n;
    return SITREP_OK;
}

/* The cosine of two documents' weighted terms (both sorted by number). */
static double cosine(const sr_cterm *a, size_t na, const sr_cterm *b, size_t nb)
{
    double s = 0;
    size_t i = 0, j = 0;
    /* the steps are taken without a branch on which list is behind (that
     * branch goes either way at random: a mispredicted jump per term); the
     * products are added in the same order as by a plain merge */
    while (i < na && j < nb) {
        uint32_t x = a[i].hash, y = b[j].hash;
        if (x == y)
            s += (double)weight_of(&a[i]) * (double)weight_of(&b[j]);
        i += x <= y;
        j += y <= x;
    }
    return s;
}

/* ---- the similarity graph ---- */

typedef struct edge {
    uint32_t a, b; /* ranks, a < b */
    float sim;
} edge;

static int cmp_edge_pair(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const edge *a = pa, *b = pb;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

static int cmp_edge_sim(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const edge *a = pa, *b = pb;
    if (a->sim != b->sim)
        return a->sim > b->sim ? -1 : 1;
    return cmp_edge_pair(pa, pb, NULL);
}

typedef struct scored {
    uint32_t rank;
    float score;
} scored;

static int cmp_scored(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* A heap of scored documents whose root is the one cmp_scored puts last. */
static void heap_up(scored *h, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (cmp_scored(&h[i], &h[p]) <= 0)
            break;
        scored t = h[i];
        h[i] = h[p];
        h[p] = t;
        i = p;
    }
}

static void heap_down(scored *h, size_t n)
{
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && cmp_scored(&h[l], &h[m]) > 0)
            m = l;
        if (r < n && cmp_scored(&h[r], &h[m]) > 0)
            m = r;
        if (m == i)
            break;
        scored t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

typedef struct wterm {
    uint32_t id;
    float w;
    uint32_t at; /* the document's own entry in the term's posting list */
} wterm;

/* The entries of one term's posting list a document's walk reads. */
typedef struct walk_span {
    const uint32_t *p;
    uint32_t n;
} walk_span;

/* What the walk reads of a candidate document. */
typedef struct rank_doc {
    int32_t day;
    uint32_t terms0, terms1;
} rank_doc;

static int cmp_wterm(const void *pa, const void *pb)
{
    const wterm *a = pa, *b = pb;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Accumulators of one document's candidates: open addressing by rank. */
#define ACC_SLOTS 8192

typedef struct accum {
    uint32_t keys[ACC_SLOTS]; /* rank + 1, 0 empty */
    float score[ACC_SLOTS];
    uint32_t used[ACC_SLOTS];
    size_t nused;
} accum;

static void acc_add(accum *a, uint32_t rank, float w)
{
    size_t k = sr_mix64(rank) & (ACC_SLOTS - 1);
    while (a->keys[k] && a->keys[k] != rank + 1)
        k = (k + 1) & (ACC_SLOTS - 1);
    if (!a->keys[k]) {
        if (a->nused >= ACC_SLOTS / 2)
            return; /* full enough: the walk is bounded anyway */
        a->keys[k] = rank + 1;
        a->score[k] = 0;
        a->used[a->nused++] = (uint32_t)k;
    }
    a->score[k] += w;
}

static bool dates_close(int32_t a, int32_t b)
{
    if (a == INT32_MIN || b == INT32_MIN)
        return true;
    int64_t d = (int64_t)a - b;
    return d <= RULES.story_days && d >= -RULES.story_days;
}

/* What a document mainly reports: its event with the most dead, in a
 * province, on a known day.  Two articles whose main events are of one
 * kind, on days at most rules.event_days apart, in different countries or
 * provinces report look-alike happenings (two shootings on one Saturday in
 * two states), whatever words they share.  Towns of one province are not
 * told apart: an article's dateline is often taken for where it happened. */
typedef struct main_event {
    const char *type;          /* NULL: none */
    const char *admin1;
    char country[3];
    int32_t day;
} main_event;

static main_event main_event_of(const sitrep_corpus *c, const sr_cdoc *d)
{
    main_event m = {NULL, NULL, "", INT32_MIN};
    double most = -1;
    for (uint32_t i = d->events0; i < d->events1; i++) {
        const sr_cevent *e = &SR_VEC_AT(&c->events, sr_cevent, i);
        if (!e->alive || !e->has_fat || !e->from[0] || !e->location || !e->admin1 || !e->country[0] ||
            e->date_from_report || e->place_from_report || e->fat_low <= most)
            continue;
        sr_date dd;
        if (!sr_date_scan(e->from, &dd))
            continue;
        most = e->fat_low;
        m = (main_event){e->type, e->admin1, "", (int32_t)sr_date_to_days(&dd)};
        memcpy(m.country, e->country, 3);
    }
    return m;
}

static bool look_alikes(const main_event *a, const main_event *b)
{
    if (!a->type || !b->type || strcmp(a->type, b->type) != 0)
        return false;
    int64_t d = (int64_t)a->day - b->day;
    if (d > RULES.event_days || d < -RULES.event_days)
        return false;
    return strcmp(a->country, b->country) != 0 || strcmp(a->admin1, b->admin1) != 0;
}

/* The edges of the similarity graph between ranks, each once, into *out. */
static sitrep_status similarity_graph(sitrep_corpus *c, const uint32_t *order, size_t n, sr_buf *out)
{
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    uint32_t *df = NULL;
    size_t nv = 0;
    sitrep_status st = weigh_terms(c, order, n, &df, &nv);
    if (st != SITREP_OK)
        return st;
    const sr_cterm *terms = (const sr_cterm *)(const void *)c->terms.data;
    /* posting lists of the terms two or more documents have, in rank order */
    size_t *off = c->mem->calloc(nv + 1, sizeof *off);
    accum *acc = c->mem->calloc(1, sizeof *acc);
    if (!off || !acc) {
        c->mem->free(df);
        c->mem->free(off);
        c->mem->free(acc);
        return SITREP_ENOMEM;
    }
    for (size_t t = 0; t < nv; t++)
        off[t + 1] = off[t] + (df[t] >= 2 ? df[t] : 0);
    uint32_t *post = c->mem->calloc(off[nv] ? off[nv] : 1, sizeof *post);
    wterm *wt = c->mem->calloc(RULES.terms_cap ? RULES.terms_cap : 1, sizeof *wt);
    scored *cand = c->mem->calloc(RULES.candidates + 1, sizeof *cand);
    scored *best = c->mem->calloc(RULES.candidates + 1, sizeof *best);
    walk_span *span = c->mem->calloc(RULES.walk_terms + 1, sizeof *span);
    main_event *mains = c->mem->calloc(n ? n : 1, sizeof *mains);
    rank_doc *by_rank = c->mem->calloc(n ? n : 1, sizeof *by_rank);
    uint32_t *cursor = NULL;
    if (!post || !wt || !cand || !best || !span || !mains || !by_rank) {
        st = SITREP_ENOMEM;
        goto done;
    }
    /* at[t]: the entries of term t's list before the document read now.
     * Lists are filled, and read, in rank order, so a document finds its
     * own entry there without a search: a binary search per term and
     * document cost a cache miss per step, more steps the longer the
     * lists (a tenth of finishing a million articles) */
    cursor = c->mem->calloc(nv ? nv : 1, sizeof *cursor);
    if (!cursor) {
        st = SITREP_ENOMEM;
        goto done;
    }
    for (size_t r = 0; r < n; r++) {
        const sr_cdoc *d = &docs[order[r]];
        for (uint32_t i = d->terms0; i < d->terms1; i++) {
            uint32_t t = terms[i].hash;
            if (df[t] >= 2)
                post[off[t] + cursor[t]++] = (uint32_t)r;
        }
        /* what the walk reads of a candidate, by rank, side by side (a
         * document's own record is a cache miss away) */
        by_rank[r] = (rank_doc){d->day, d->terms0, d->terms1};
    }
    memset(cursor, 0, (nv ? nv : 1) * sizeof *cursor);
    for (size_t r = 0; r < n; r++)
        mains[r] = main_event_of(c, &docs[order[r]]);
    for (size_t r = 0; r < n && st == SITREP_OK; r++) {
        const sr_cdoc *d = &docs[order[r]];
        const sr_cterm *dt = terms + d->terms0;
        size_t nd = d->terms1 - d->terms0, nw = 0;
        for (size_t i = 0; i < nd; i++)
            if (df[dt[i].hash] >= 2)
                wt[nw++] = (wterm){dt[i].hash, weight_of(&dt[i]), cursor[dt[i].hash]++};
        qsort(wt, nw, sizeof *wt, cmp_wterm);
        if (nw > RULES.walk_terms)
            nw = RULES.walk_terms;
        /* the candidates: documents sharing the heaviest terms */
        acc->nused = 0;
        /* first where each term's entries are, each asked for ahead (the
         * lists lie far apart: read one after another, each is a cache
         * miss waited for in turn), then the entries */
        for (size_t k = 0; k < nw; k++) {
            size_t len = off[wt[k].id + 1] - off[wt[k].id], lo = 0, hi = len;
            if (len > RULES.walk_whole) {
                /* the entries nearest this document in rank (date) order:
                 * its own is the at-th */
                size_t a = wt[k].at;
                lo = a > RULES.walk_window ? a - RULES.walk_window : 0;
                hi = a + RULES.walk_window + 1 < len ? a + RULES.walk_window + 1 : len;
            }
            span[k] = (walk_span){post + off[wt[k].id] + lo, (uint32_t)(hi - lo)};
            __builtin_prefetch(span[k].p);
        }
        for (size_t k = 0; k < nw; k++)
            for (size_t i = 0; i < span[k].n; i++)
                if (span[k].p[i] != r)
                    acc_add(acc, span[k].p[i], wt[k].w);
        /* the rules.candidates best, kept in a heap whose root is the worst */
        size_t nc = 0;
        for (size_t i = 0; i < acc->nused; i++) {
            size_t k = acc->used[i];
            scored x = {acc->keys[k] - 1, acc->score[k]};
            acc->keys[k] = 0;
            if (nc < RULES.candidates) {
                cand[nc++] = x;
                heap_up(cand, nc - 1);
            } else if (cmp_scored(&x, &cand[0]) < 0) {
                cand[0] = x;
                heap_down(cand, nc);
            }
        }
        /* their exact similarity, shrunk by the smaller document's text */
        size_t nb = 0;
        for (size_t i = 0; i < nc; i++)
            __builtin_prefetch(&by_rank[cand[i].rank]);
        for (size_t i = 0; i < nc; i++) {
            const rank_doc *o = &by_rank[cand[i].rank];
            if (i + 1 < nc)
                __builtin_prefetch(terms + by_rank[cand[i + 1].rank].terms0);
            if (!dates_close(d->day, o->day) || look_alikes(&mains[r], &mains[cand[i].rank]))
                continue;
            size_t no = o->terms1 - o->terms0;
            double sim = cosine(dt, nd, terms + o->terms0, no);
            double m = (double)(nd < no ? nd : no);
            sim *= m / (m + RULES.shrink);
            if (sim >= RULES.edge_min)
                best[nb++] = (scored){cand[i].rank, (float)sim};
        }
        qsort(best, nb, sizeof *best, cmp_scored);
        if (nb > RULES.neighbours)
            nb = RULES.neighbours;
        for (size_t i = 0; i < nb && st == SITREP_OK; i++) {
            uint32_t o = best[i].rank;
            edge e = {(uint32_t)r < o ? (uint32_t)r : o, (uint32_t)r < o ? o : (uint32_t)r, best[i].score};
            if (!SR_VEC_PUSH(out, edge, e))
                st = SITREP_ENOMEM;
        }
    }
    if (st == SITREP_OK) {
        /* each edge once (found from both ends, it has one similarity) */
        edge *es = (edge *)(void *)out->data;
        size_t ne = SR_VEC_COUNT(out, edge), m = 0;
        if (!sr_sort(es, ne, sizeof *es, cmp_edge_pair, NULL, c->mem))
            st = SITREP_ENOMEM;
        for (size_t i = 0; i < ne && st == SITREP_OK; i++)
            if (m == 0 || es[m - 1].a != es[i].a || es[m - 1].b != es[i].b)
                es[m++] = es[i];
        out->len = m * sizeof(edge);
    }
done:
    c->mem->free(df);
    c->mem->free(off);
    c->mem->free(acc);
    c->mem->free(post);
    c->mem->free(wt);
    c->mem->free(cand);
    c->mem->free(best);
    c->mem->free(span);
    c->mem->free(mains);
    c->mem->free(by_rank);
    c->mem->free(cursor);
    return st;
}

/* ---- stories: average link ---- */

/* The latest date a document's text states with its year (cluster/
 * terms.c): an article is written after the dates it states as past, so
 * its year is the article's year or an earlier one. */
typedef struct when {
    uint16_t year;    /* the latest stated date's year, 0 none */
    uint8_t exact;    /* it names its day */
} when;

typedef struct neighbour {
    uint32_t to;
    float sim;
} neighbour;

typedef struct groups {
    uint32_t *parent, *size, *next, *tail; /* by rank; size and tail of roots */
    double *inner;                         /* a root's sum of the edges inside its group */
    const when *when;                      /* by rank */
} groups;

/* Joins groups a and b, `between` the sum of the edges between them. */
static void join(groups *g, uint32_t a, uint32_t b, double between)
{
    uint32_t r = a < b ? a : b, o = a < b ? b : a;
    g->parent[o] = r;
    g->next[g->tail[r]] = o;
    g->tail[r] = g->tail[o];
    g->size[r] += g->size[o];
    g->inner[r] += g->inner[o] + between;
}

/* The denominator of an average link: the pairs between groups of na and
 * nb documents, or as many edges as the graph can hold between them. */
static double link_pairs(double na, double nb)
{
    return na * nb < RULES.link_span * (na + nb) ? na * nb : RULES.link_span * (na + nb);
}

/* How closely a group of rules.cohesion_size or more holds together: its
 * inner edges' average link (the same denominator, within it); -1 for a
 * smaller group, whose closeness says little. */
static double cohesion(const groups *g, uint32_t r)
{
    double n = g->size[r];
    if (n < RULES.cohesion_size)
        return -1;
    double pairs = n * (n - 1) / 2 < RULES.link_span * n ? n * (n - 1) / 2 : RULES.link_span * n;
    return g->inner[r] / pairs;
}

/* What the first rules.time_read members of a group state of when they
 * were written. */
typedef struct group_time {
    unsigned year;            /* the latest year a member states, 0 none */
    unsigned stating;         /* the members that state a year */
    unsigned exact, at_exact; /* the latest year of a member whose latest stated date names its
                               * day, 0 none; the members whose latest is a day of that year */
} group_time;

static group_time time_of(const groups *g, uint32_t root)
{
    group_time t = {0, 0, 0, 0};
    unsigned read = 0;
    for (uint32_t x = root; x != UINT32_MAX && read < RULES.time_read; x = g->next[x], read++) {
        const when *w = &g->when[x];
        if (w->year > t.year)
            t.year = w->year;
        t.stating += w->year != 0;
        if (w->exact && w->year > t.exact) {
            t.exact = w->year;
            t.at_exact = 0;
        }
        t.at_exact += w->exact && w->year == t.exact;
    }
    return t;
}

/* Is group `late` dated after everything group `early` states?  Members of
 * `late` state a day of its latest year as their latest date ("on 4 March
 * 2014", or the article's own date); every member of `early` that states a
 * year states only earlier years.  The evidence must add up: either
 * rules.year_support members of `late` at that year and one of `early`
 * stating a year, both groups of rules.cohesion_size or more (two
 * close-knit coverages), or one dated member of `late` and
 * rules.year_support members of `early` stating earlier years, `early` of
 * rules.cohesion_size or more (an article of 2013 does not join coverage
 * whose articles name 2006 and 2007 and no later year). */
static bool dated_after(const groups *g, uint32_t early, const group_time *te, uint32_t late,
                        const group_time *tl)
{
    if (!tl->at_exact || !te->year || te->year >= tl->exact || g->size[early] < RULES.cohesion_size)
        return false;
    if (tl->at_exact >= RULES.year_support && g->size[late] >= RULES.cohesion_size)
        return true;
    return te->stating >= RULES.year_support && tl->exact - te->year >= RULES.year_gap;
}

/* Are two groups the coverage of two happenings of different years?  An
 * article is written after every date it states as past, but an article
 * about a happening of that day names no year before it as its latest only
 * by chance: two look-alike happenings years apart (two patches of one
 * browser, two quakes in one region, two elections of one country).
 * Articles naming no year say nothing. */
static bool apart_in_time(const groups *g, uint32_t a, uint32_t b)
{
    if (g->size[a] < RULES.cohesion_size && g->size[b] < RULES.cohesion_size)
        return false;
    group_time ta = time_of(g, a), tb = time_of(g, b);
    return dated_after(g, a, &ta, b, &tb) || dated_after(g, b, &tb, a, &ta);
}

/* Pairs of groups found too loosely linked, each as it was (its root and
 * its size: a group only grows, by joining another, so the two name one
 * state of it).  Every edge between the same two groups asks the same
 * question with the same answer until one of them grows; without the
 * memory each edge summed the smaller group's edges again, a cost that
 * grew with the corpus (a quarter of finishing 1M articles).  Open
 * addressing; a slot is empty while its sa is 0 (no group is empty).
 * Without memory to grow, pairs are not remembered: the same answers,
 * slower. */
typedef struct apart_pair {
    uint32_t a, b, sa, sb;
} apart_pair;

typedef struct apart_set {
    apart_pair *slots;
    size_t cap, n;
    const sitrep_mem *mem;
} apart_set;

static size_t apart_slot(const apart_set *s, apart_pair p)
{
    uint64_t h = sr_mix64(((uint64_t)p.a << 32 | p.b) ^ sr_mix64((uint64_t)p.sa << 32 | p.sb));
    size_t k = (size_t)h & (s->cap - 1);
    while (s->slots[k].sa && memcmp(&s->slots[k], &p, sizeof p) != 0)
        k = (k + 1) & (s->cap - 1);
    return k;
}

static bool apart_known(const apart_set *s, apart_pair p)
{
    return s->cap && s->slots[apart_slot(s, p)].sa != 0;
}

static void apart_add(apart_set *s, apart_pair p)
{
    if (2 * (s->n + 1) > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 1024;
        apart_pair *slots = s->mem->calloc(cap, sizeof *slots);
        if (!slots)
            return;
        apart_set t = {slots, cap, 0, s->mem};
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i].sa)
                t.slots[apart_slot(&t, s->slots[i])] = s->slots[i], t.n++;
        s->mem->free(s->slots);
        *s = t;
    }
    size_t k = apart_slot(s, p);
    if (!s->slots[k].sa) {
        s->slots[k] = p;
        s->n++;
    }
}

/* Joins the groups of g (near-copies already joined) along the edges,
 * strongest first, when their average link is strong enough. */
static sitrep_status average_link(sitrep_corpus *c, size_t n, sr_buf *edges, groups *g)
{
    edge *es = (edge *)(void *)edges->data;
    size_t ne = SR_VEC_COUNT(edges, edge);
    size_t *aoff = c->mem->calloc(n + 1, sizeof *aoff);
    neighbour *adj = c->mem->calloc(ne ? 2 * ne : 1, sizeof *adj);
    size_t *fill = c->mem->calloc(n ? n : 1, sizeof *fill);
    if (!aoff || !adj || !fill) {
        c->mem->free(aoff);
        c->mem->free(adj);
        c->mem->free(fill);
        return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++) {
        aoff[es[i].a + 1]++;
        aoff[es[i].b + 1]++;
    }
    for (size_t r = 0; r < n; r++)
        aoff[r + 1] += aoff[r];
    for (size_t i = 0; i < ne; i++) {
        adj[aoff[es[i].a] + fill[es[i].a]++] = (neighbour){es[i].b, es[i].sim};
        adj[aoff[es[i].b] + fill[es[i].b]++] = (neighbour){es[i].a, es[i].sim};
    }
    c->mem->free(fill);
    if (!sr_sort(es, ne, sizeof *es, cmp_edge_sim, NULL, c->mem)) {
        c->mem->free(aoff);
        c->mem->free(adj);
        return SITREP_ENOMEM;
    }
    apart_set apart = {NULL, 0, 0, c->mem};
    for (size_t i = 0; i < ne; i++) {
        uint32_t a = find(g->parent, es[i].a), b = find(g->parent, es[i].b);
        if (a == b)
            continue;
        apart_pair pair = a < b ? (apart_pair){a, b, g->size[a], g->size[b]} : (apart_pair){b, a, g->size[b], g->size[a]};
        if (apart_known(&apart, pair))
            continue;
        /* the edges between the two groups, read from the smaller */
        uint32_t small = g->size[a] < g->size[b] || (g->size[a] == g->size[b] && a < b) ? a : b;
        uint32_t other = small == a ? b : a;
        double sum = 0;
        for (uint32_t x = small; x != UINT32_MAX; x = g->next[x])
            for (size_t k = aoff[x]; k < aoff[x + 1]; k++)
                if (find(g->parent, adj[k].to) == other)
                    sum += adj[k].sim;
        /* strong enough, and as close as the two groups hold together:
         * the coverage of two look-alike happenings is each close-knit and
         * only loosely linked to the other */
        double link = sum / link_pairs(g->size[a], g->size[b]);
        double ca = cohesion(g, a), cb = cohesion(g, b);
        if (link >= RULES.link_min && (ca < 0 || cb < 0 || link >= RULES.link_relative * (ca < cb ? ca : cb)) &&
            !apart_in_time(g, a, b))
            join(g, a, b, sum);
        else
            apart_add(&apart, pair);
    }
    c->mem->free(apart.slots);
    c->mem->free(aoff);
    c->mem->free(adj);
    return SITREP_OK;
}

/* ---- the stories ---- */

/* What a document's record and text say of when it was written; its
 * stated dates (terms of hash 0 after its words, cluster/terms.c) are
 * taken out of its terms here, once: the corpus is not saved after it is
 * finished. */
static when when_of(sitrep_corpus *c, sr_cdoc *d)
{
    const sr_cterm *terms = (const sr_cterm *)(const void *)c->terms.data;
    when w = {0, 0};
    uint32_t end = d->terms1;
    while (end > d->terms0 && terms[end - 1].hash == 0 && (terms[end - 1].count & SR_CTERM_DATE))
        end--;
    if (end < d->terms1) {
        uint32_t v = terms[end].count & ~SR_CTERM_DATE; /* the latest comes first */
        w.year = (uint16_t)(v >> 9);
        w.exact = (v & 31) != 0;
    }
    /* its own date (stated, or inferred from its text with evidence) is a
     * day it was written on */
    const char *own = d->published[0] ? d->published : d->inferred;
    unsigned y = 0;
    if (own[0] && sscanf(own, "%4u", &y) == 1 && y >= w.year && y < 10000) {
        w.year = (uint16_t)y;
        w.exact = 1;
    }
    d->terms1 = end;
    return w;
}

static int day_cmp(const sr_cdoc *a, const sr_cdoc *b)
{
    if (a->day != b->day) {
        if (a->day == INT32_MIN)
            return 1;
        if (b->day == INT32_MIN)
            return -1;
        return a->day < b->day ? -1 : 1;
    }
    return strcmp(a->id, b->id);
}

sitrep_status sr_cluster_finish(sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->docs, sr_cdoc);
    sr_cdoc *docs = (sr_cdoc *)(void *)c->docs.data;
    uint32_t *order = c->mem->calloc(n ? n : 1, sizeof *order);
    uint32_t *dup = c->mem->calloc(n ? n : 1, sizeof *dup);
    groups g = {c->mem->calloc(n ? n : 1, sizeof(uint32_t)), c->mem->calloc(n ? n : 1, sizeof(uint32_t)),
                c->mem->calloc(n ? n : 1, sizeof(uint32_t)), c->mem->calloc(n ? n : 1, sizeof(uint32_t)),
                c->mem->calloc(n ? n : 1, sizeof(double)), NULL};
    sr_buf edges;
    sr_buf_init(&edges, c->mem);
    sitrep_status st = SITREP_OK;
    if (!order || !dup || !g.parent || !g.size || !g.next || !g.tail || !g.inner)
        st = SITREP_ENOMEM;
    for (size_t i = 0; i < n && st == SITREP_OK; i++)
        order[i] = (uint32_t)i;
    if (st == SITREP_OK && !sr_sort(order, n, sizeof *order, cmp_doc, c, c->mem))
        st = SITREP_ENOMEM;
    for (size_t r = 0; r < n && st == SITREP_OK; r++) {
        dup[r] = g.parent[r] = g.tail[r] = (uint32_t)r;
        g.size[r] = 1;
        g.next[r] = UINT32_MAX;
    }
    when *wh = st == SITREP_OK ? c->mem->calloc(n ? n : 1, sizeof *wh) : NULL;
    if (st == SITREP_OK && !wh)
        st = SITREP_ENOMEM;
    g.when = wh;
    for (size_t r = 0; r < n && st == SITREP_OK; r++)
        wh[r] = when_of(c, &docs[order[r]]);
    if (st == SITREP_OK)
        st = near_copies(c, order, n, dup);
    /* near-copies are one article of one story */
    for (size_t r = 0; r < n && st == SITREP_OK; r++) {
        uint32_t a = find(g.parent, (uint32_t)r), b = find(g.parent, find(dup, (uint32_t)r));
        if (a != b)
            join(&g, a, b, 0);
    }
    if (st == SITREP_OK)
        st = similarity_graph(c, order, n, &edges);
    if (st == SITREP_OK)
        st = average_link(c, n, &edges, &g);
    sr_buf_free(&edges);
    /* the canonical copy of each group of near-copies: the earliest dated,
     * then the smallest id; each story numbered by its first rank */
    uint32_t *canon = dup && st == SITREP_OK ? c->mem->calloc(n ? n : 1, sizeof *canon) : NULL;
    int32_t *story_of = canon ? c->mem->calloc(n ? n : 1, sizeof *story_of) : NULL;
    if (st == SITREP_OK && (!canon || !story_of))
        st = SITREP_ENOMEM;
    for (size_t r = 0; r < n && st == SITREP_OK; r++) {
        canon[r] = UINT32_MAX;
        story_of[r] = -1;
    }
    for (size_t r = 0; r < n && st == SITREP_OK; r++) {
        uint32_t k = find(dup, (uint32_t)r);
        if (canon[k] == UINT32_MAX || day_cmp(&docs[order[r]], &docs[order[canon[k]]]) < 0)
            canon[k] = (uint32_t)r;
    }
    for (size_t r = 0; r < n && st == SITREP_OK; r++) {
        uint32_t k = canon[find(dup, (uint32_t)r)];
        docs[order[r]].dup_of = k == r ? -1 : (int32_t)order[k];
        uint32_t s = find(g.parent, (uint32_t)r);
        if (story_of[s] < 0) {
            sr_cstory x;
            memset(&x, 0, sizeof x);
            x.first_doc = order[r];
            story_of[s] = (int32_t)SR_VEC_COUNT(&c->stories, sr_cstory);
            if (!SR_VEC_PUSH(&c->stories, sr_cstory, x))
                st = SITREP_ENOMEM;
        }
        docs[order[r]].story = story_of[s];
    }
    c->mem->free(order);
    c->mem->free(dup);
    c->mem->free(g.parent);
    c->mem->free(g.size);
    c->mem->free(g.next);
    c->mem->free(g.tail);
    c->mem->free(g.inner);
    c->mem->free(wh);
    c->mem->free(canon);
    c->mem->free(story_of);
    return st == SITREP_OK ? sr_cluster_finish_dates(c) : st;
}

sitrep_status sr_cluster_finish_dates(sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->docs, sr_cdoc);
    sr_cdoc *docs = (sr_cdoc *)(void *)c->docs.data;
    sr_cstory *stories = (sr_cstory *)(void *)c->stories.data;
    size_t ns = SR_VEC_COUNT(&c->stories, sr_cstory);
    /* first document by id, earliest dated document, first and last seen */
    int32_t *earliest = c->mem->calloc(ns ? ns : 1, sizeof *earliest);
    if (!earliest)
        return SITREP_ENOMEM;
    for (size_t s = 0; s < ns; s++)
        earliest[s] = -1;
    for (size_t i = 0; i < n; i++) {
        sr_cstory *s = &stories[docs[i].story];
        if (strcmp(docs[i].id, docs[s->first_doc].id) < 0)
            s->first_doc = (uint32_t)i;
        int32_t *e = &earliest[docs[i].story];
        if (docs[i].day != INT32_MIN && (*e < 0 || day_cmp(&docs[i], &docs[*e]) < 0))
            *e = (int32_t)i;
    }
    for (size_t i = 0; i < n; i++) {
        sr_cstory *s = &stories[docs[i].story];
        const char *d = docs[i].published[0] ? docs[i].published : docs[i].inferred;
        if (d[0] && (!s->first_seen[0] || strcmp(d, s->first_seen) < 0))
            memcpy(s->first_seen, d, 11);
        if (d[0] && (!s->last_seen[0] || strcmp(d, s->last_seen) > 0))
            memcpy(s->last_seen, d, 11);
    }
    for (size_t k = 0; k < ns; k++) {
        sr_cstory *s = &stories[k];
        char id[24];
        snprintf(id, sizeof id, "S%012llx",
                 (unsigned long long)(sr_word_hash(docs[s->first_doc].id, strlen(docs[s->first_doc].id)) &
                                      0xffffffffffffull));
        s->id = sr_arena_strndup(&c->arena, id, strlen(id));
        /* its title: the earliest dated article's, else the first's */
        uint32_t t = earliest[k] >= 0 ? (uint32_t)earliest[k] : s->first_doc;
        s->title = docs[t].title ? docs[t].title : docs[s->first_doc].title;
        if (!s->id) {
            c->mem->free(earliest);
            return SITREP_ENOMEM;
        }
    }
    /* undated articles take their story's earliest date */
    for (size_t i = 0; i < n; i++) {
        if (docs[i].day != INT32_MIN)
            continue;
        int32_t e = earliest[docs[i].story];
        if (e < 0)
            continue;
        const char *d = docs[e].published[0] ? docs[e].published : docs[e].inferred;
        memcpy(docs[i].inferred, d, 11);
        char basis[200];
        snprintf(basis, sizeof basis, "from its story %s: the earliest dated article, %.100s, of %s",
                 stories[docs[i].story].id, docs[e].id, d);
        docs[i].basis = sr_arena_strndup(&c->arena, basis, strlen(basis));
        if (!docs[i].basis) {
            c->mem->free(earliest);
            return SITREP_ENOMEM;
        }
    }
    c->mem->free(earliest);
    return SITREP_OK;
}
