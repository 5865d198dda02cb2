/*
 * stories.c -- near-duplicates and stories across articles.
 *
 * When a document joins the corpus (sr_cluster_add) it is linked to the
 * documents already there through three indexes, each a multimap from a
 * 64-bit key to the documents that have it:
 *
 *   bands       the MinHash bands of its text (cluster/minhash.h): a
 *               document sharing a band whose signature is at least 0.75
 *               similar is a near-copy (a wire story on another site);
 *   facts       the keys of its claims (measure family and value): two
 *               articles stating one figure;
 *   happenings  the keys of its events (place and event type).
 *
 * A pair of documents is one story when they are near-copies, or when the
 * facts and happenings they share score 2 or more (a shared figure with
 * the same named source 2, without 1, a shared event 2) and their dates,
 * when both are known, are at most four days apart: two outlets quoting
 * one statement in different words share its figures and its source.
 * Links are unions in two union-find forests (near-copies, stories), so
 * the components do not depend on the order the documents came in.  Each
 * lookup walks at most a fixed number of entries per key, so adding an
 * article costs the same at a million articles as at ten, and never reads
 * another article's text.
 *
 * Documents merged in from another corpus's snapshot (corpus/merge.c) come
 * unlinked: they are linked in their order, from what the corpus keeps of
 * them, before the next document is added or the corpus is finished
 * (sr_cluster_link_pending), exactly as if they had been added there.
 *
 * sr_cluster_finish makes the components: a story per component (its id
 * from its first document's id), the canonical copy of each group of
 * near-copies (the earliest dated, then the smallest id), and a date for
 * each undated article from its story's earliest dated article.
 */
#include "corpus/corpus.h"

#include "core/dates.h"
#include "wordhash.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- policy: what links two articles (named here, in one place) ---- */
#define WALK_CAP 32      /* entries read per band and lookup */
#define FACT_CAP 8       /* entries read per fact or event key: one link joins a story */
#define DAYS_APART 4     /* the widest gap between two dated articles of a story */
#define NEAR_COPY 0.75   /* MinHash similarity of near-copies */
#define PAIR_CAP 256     /* articles scored per new article */
#define SCORE_FACT 1     /* a fact both state (a figure of one measure and value) */
#define SCORE_FACT_SOURCE 2 /* ... attributed to the same source */
#define SCORE_HAPPENING 2 /* a happening both report (an event of one type, place and date) */
#define SCORE_STORY 2    /* the score that puts two articles in one story */

/* ---- the multimap ---- */

static bool mm_grow(sitrep_corpus *c, sr_mmap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 4096;
    uint32_t *slots = c->mem->calloc(n, sizeof *slots);
    uint64_t *keys = c->mem->calloc(n, sizeof *keys);
    if (!slots || !keys) {
        c->mem->free(slots);
        c->mem->free(keys);
        return false;
    }
    for (size_t i = 0; i < m->nslots; i++) {
        if (!m->slots[i])
            continue;
        size_t k = (size_t)m->keys[i] & (n - 1);
        while (slots[k])
            k = (k + 1) & (n - 1);
        slots[k] = m->slots[i];
        keys[k] = m->keys[i];
    }
    c->mem->free(m->slots);
    c->mem->free(m->keys);
    m->slots = slots;
    m->keys = keys;
    m->nslots = n;
    return true;
}

/* The slot of `key`: its head entry + 1 in *slot, 0 when absent. */
static size_t mm_find(const sr_mmap *m, uint64_t key)
{
    size_t k = (size_t)key & (m->nslots - 1);
    while (m->slots[k] && m->keys[k] != key)
        k = (k + 1) & (m->nslots - 1);
    return k;
}

static bool mm_put(sitrep_corpus *c, sr_mmap *m, uint64_t key, uint32_t doc, int32_t day, const char *attr)
{
    if ((m->nkeys + 1) * 10 > m->nslots * 7 && !mm_grow(c, m))
        return false;
    size_t k = mm_find(m, key);
    sr_centry e = {key, doc, m->slots[k], day, attr};
    if (!SR_VEC_PUSH(&c->entries, sr_centry, e))
        return false;
    if (!m->slots[k]) {
        m->keys[k] = key;
        m->nkeys++;
    }
    m->slots[k] = (uint32_t)SR_VEC_COUNT(&c->entries, sr_centry);
    return true;
}

static uint32_t mm_head(const sr_mmap *m, uint64_t key)
{
    if (!m->nslots)
        return 0;
    return m->slots[mm_find(m, key)];
}

/* ---- union-find ---- */

static uint32_t find(sr_cdoc *docs, uint32_t x, bool dup)
{
    uint32_t *p = dup ? &docs[x].dup_parent : &docs[x].story_parent;
    while (*p != x) {
        uint32_t *gp = dup ? &docs[*p].dup_parent : &docs[*p].story_parent;
        *p = *gp; /* path halving */
        x = *p;
        p = dup ? &docs[x].dup_parent : &docs[x].story_parent;
    }
    return x;
}

static void unite(sr_cdoc *docs, uint32_t a, uint32_t b, bool dup)
{
    a = find(docs, a, dup);
    b = find(docs, b, dup);
    if (a == b)
        return;
    /* the smaller index becomes the root: the forest's shape does not
     * matter, only its components */
    if (b < a) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    if (dup)
        docs[b].dup_parent = a;
    else
        docs[b].story_parent = a;
}

/* ---- keys ---- */

static const char *const outcome_words[] = {"killed", "injured", "arrested", "apprehended",
                                            "detained", "captured", "abducted", "displaced",
                                            "executed", "released", "rescued", "missing", NULL};

/* The family of a measure: its outcome ("militants killed" and
 * "operatives killed" count the same deaths; arrested, apprehended and
 * detained are one), else its head noun without a plural s. */
static size_t measure_family(const char *m, char *out, size_t cap)
{
    const char *last = strrchr(m, ' ');
    last = last ? last + 1 : m;
    for (int i = 0; outcome_words[i]; i++)
        if (strcmp(last, outcome_words[i]) == 0) {
            const char *f = (i == 3 || i == 4) ? "arrested" : outcome_words[i];
            snprintf(out, cap, "%s", f);
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

static uint64_t event_key(const sr_cevent *e)
{
    if (!e->location)
        return 0;
    uint64_t h = sr_word_hash(e->location, strlen(e->location));
    return sr_mix64(h ^ sr_word_hash(e->type, strlen(e->type)) * 31);
}

/* ---- adding a document ---- */

typedef struct pair_score {
    uint32_t doc;
    int score;
} pair_score;

static void score_add(pair_score *ps, size_t *n, size_t cap, uint32_t doc, int s)
{
    for (size_t i = 0; i < *n; i++)
        if (ps[i].doc == doc) {
            ps[i].score += s;
            return;
        }
    if (*n < cap)
        ps[(*n)++] = (pair_score){doc, s};
}

static bool dates_close(int32_t a, int32_t b)
{
    if (a == INT32_MIN || b == INT32_MIN)
        return true;
    int32_t d = a - b;
    return d <= DAYS_APART && d >= -DAYS_APART;
}

/* Links document d to those before it and puts it in the indexes: from
 * what the corpus keeps of it (its signature, claims and events), never
 * its text, so a document merged in from a snapshot links as it would
 * have when added. */
static sitrep_status link_doc(sitrep_corpus *c, uint32_t d)
{
    sr_cdoc *docs = (sr_cdoc *)(void *)c->docs.data;
    /* near-copies */
    uint64_t bands[SR_MINHASH_BANDS];
    for (int b = 0; b < SR_MINHASH_BANDS; b++) {
        bands[b] = sr_minhash_band(&docs[d].sig, b);
        uint32_t e = mm_head(&c->bands, bands[b]);
        for (int walked = 0; e && walked < WALK_CAP; walked++) {
            const sr_centry *en = &SR_VEC_AT(&c->entries, sr_centry, e - 1);
            e = en->next;
            if (en->key != bands[b] || en->doc == d)
                continue;
            if (sr_minhash_similarity(&docs[d].sig, &docs[en->doc].sig) >= NEAR_COPY) {
                unite(docs, d, en->doc, true);
                unite(docs, d, en->doc, false);
            }
        }
    }
    /* shared facts and happenings */
    pair_score ps[PAIR_CAP];
    size_t nps = 0;
    /* only this document's claims and events: its range of each array */
    size_t c0 = docs[d].claims0, nc = docs[d].claims1;
    sr_cclaim *cl = (sr_cclaim *)(void *)c->claims.data;
    for (size_t i = c0; i < nc; i++) {
        if (!cl[i].alive)
            continue;
        uint32_t e = mm_head(&c->facts, cl[i].key);
        for (int walked = 0; e && walked < FACT_CAP; walked++) {
            const sr_centry *en = &SR_VEC_AT(&c->entries, sr_centry, e - 1);
            e = en->next;
            if (en->key != cl[i].key || en->doc == d || !dates_close(docs[d].day, en->day))
                continue;
            bool same_source = en->attr && cl[i].attributed_to && en->attr == cl[i].attributed_to;
            score_add(ps, &nps, PAIR_CAP, en->doc, same_source ? SCORE_FACT_SOURCE : SCORE_FACT);
        }
    }
    size_t e0 = docs[d].events0, ne = docs[d].events1;
    sr_cevent *ev = (sr_cevent *)(void *)c->events.data;
    for (size_t i = e0; i < ne; i++) {
        if (!ev[i].alive)
            continue;
        uint64_t k = event_key(&ev[i]);
        if (!k || !ev[i].from[0] || ev[i].date_from_report || ev[i].place_from_report)
            continue; /* an event the text neither dates nor places names no happening to share */
        uint32_t e = mm_head(&c->happenings, k);
        for (int walked = 0; e && walked < FACT_CAP; walked++) {
            const sr_centry *en = &SR_VEC_AT(&c->entries, sr_centry, e - 1);
            e = en->next;
            if (en->key == k && en->doc != d && dates_close(docs[d].day, en->day))
                score_add(ps, &nps, PAIR_CAP, en->doc, SCORE_HAPPENING);
        }
    }
    for (size_t i = 0; i < nps; i++)
        if (ps[i].score >= SCORE_STORY)
            unite(docs, d, ps[i].doc, false);
    /* then this document joins the indexes, each key once */
    for (int b = 0; b < SR_MINHASH_BANDS; b++)
        if (!mm_put(c, &c->bands, bands[b], d, docs[d].day, NULL))
            return SITREP_ENOMEM;
    for (size_t i = c0; i < nc; i++) {
        if (!cl[i].alive)
            continue;
        bool seen = false;
        for (size_t j = c0; j < i && !seen; j++)
            seen = cl[j].alive && cl[j].key == cl[i].key;
        if (!seen && !mm_put(c, &c->facts, cl[i].key, d, docs[d].day, cl[i].attributed_to))
            return SITREP_ENOMEM;
        cl = (sr_cclaim *)(void *)c->claims.data;
    }
    for (size_t i = e0; i < ne; i++) {
        if (!ev[i].alive || !ev[i].from[0] || ev[i].date_from_report || ev[i].place_from_report)
            continue;
        uint64_t k = event_key(&ev[i]);
        if (k && !mm_put(c, &c->happenings, k, d, docs[d].day, NULL))
            return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

sitrep_status sr_cluster_link_pending(sitrep_corpus *c, size_t upto)
{
    for (; c->nlinked < upto; c->nlinked++) {
        sitrep_status st = link_doc(c, c->nlinked);
        if (st != SITREP_OK)
            return st;
    }
    return SITREP_OK;
}

sitrep_status sr_cluster_add(sitrep_corpus *c, uint32_t d, const sitrep_doc *doc)
{
    sr_minhash_doc(doc, &SR_VEC_AT(&c->docs, sr_cdoc, d).sig);
    return sr_cluster_link_pending(c, (size_t)d + 1);
}

/* ---- the stories ---- */

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
    sitrep_status lst = sr_cluster_link_pending(c, n); /* documents merged in */
    if (lst != SITREP_OK)
        return lst;
    sr_cdoc *docs = (sr_cdoc *)(void *)c->docs.data;
    /* per root: its first document by id, its canonical copy, its dates */
    int32_t *story_of_root = c->mem->calloc(n ? n : 1, sizeof *story_of_root);
    uint32_t *canon = c->mem->calloc(n ? n : 1, sizeof *canon);
    if (!story_of_root || !canon) {
        c->mem->free(story_of_root);
        c->mem->free(canon);
        return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        story_of_root[i] = -1;
        canon[i] = UINT32_MAX;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t r = find(docs, (uint32_t)i, true);
        if (canon[r] == UINT32_MAX || day_cmp(&docs[i], &docs[canon[r]]) < 0)
            canon[r] = (uint32_t)i;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t k = canon[find(docs, (uint32_t)i, true)];
        docs[i].dup_of = k == i ? -1 : (int32_t)k;
    }
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        uint32_t r = find(docs, (uint32_t)i, false);
        if (story_of_root[r] < 0) {
            sr_cstory s;
            memset(&s, 0, sizeof s);
            s.first_doc = (uint32_t)i;
            story_of_root[r] = (int32_t)SR_VEC_COUNT(&c->stories, sr_cstory);
            if (!SR_VEC_PUSH(&c->stories, sr_cstory, s))
                st = SITREP_ENOMEM;
        }
        docs[i].story = story_of_root[r];
    }
    c->mem->free(story_of_root);
    c->mem->free(canon);
    if (st != SITREP_OK)
        return st;
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
