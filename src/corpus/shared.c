/*
 * shared.c -- a corpus's corroboration as bytes, made once and given to
 * other corpora made alike (the same snapshots merged on other machines),
 * so that they write the claim, event, conflict and trend records without
 * corroborating again (sitrep.dask: one task corroborates while the
 * others write the documents and entities, which need none of it).
 *
 * The corroboration is what sr_corroborate makes: each claim's and
 * event's group, the merged claims and events with their members, the
 * conflicts and the trends.  It depends on the stories stage (the stories,
 * the dates they give undated articles, those articles read again), whose
 * costly part, linking the documents into stories (sr_cluster_finish:
 * near-copies, similarity, average link), comes first in the bytes: each
 * document's story and copy, each story's first document.  A corpus that
 * has not run the stories stage takes them and runs only the rest of it
 * (sr_cluster_finish_dates and the undated articles read again, cheap and
 * a function of the same documents); one that has checks that its own are
 * the same.  A corpus takes bytes only of its own documents, claims and
 * events (fingerprints of them are checked), of the same build (the
 * layout of the structs is checked): else SITREP_EFORMAT.  Strings are
 * written as their bytes and interned on loading.
 *
 * The same two parts travel apart too (sitrep_corpus_write_stories,
 * sitrep_corpus_write_corroboration_rest): the stories part as soon as the
 * stories are linked, the rest when the corroboration is done, so that a
 * corpus takes the stories (and writes what needs only them) while the
 * corroboration is still being made.  The rest names the stories it goes
 * with (their hash) and is taken only by a corpus that has them.
 */
#include "corpus/bytes.h"
#include "corpus/corpus.h"

#include "wordhash.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define CORR_MAGIC "SRCORR\x02\x00" /* 2: the stories first */
#define STORIES_MAGIC "SRSTOR\x01\x00" /* the stories part alone */
#define REST_MAGIC "SRCORR\x03\x00"    /* the corroboration without its stories */

enum { NO_STRING = 0xffffffffu };

/* The build's layout of what is written, and the corpus written from. */
static uint64_t layout(void)
{
    uint64_t h = sr_mix64(sr_row_layout() ^ 0x636f7272u);
    h = sr_mix64(h ^ sizeof(sr_cgroup) ^ (sizeof(sr_cegroup) << 16) ^ ((uint64_t)sizeof(sr_cconflict) << 32));
    return sr_mix64(h ^ sizeof(sr_ctrend) ^ ((uint64_t)SR_SECTIONS << 40));
}

static uint64_t fingerprint(const sitrep_corpus *c)
{
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc), ncl = SR_VEC_COUNT(&c->claims, sr_cclaim);
    size_t nev = SR_VEC_COUNT(&c->events, sr_cevent);
    uint64_t h = sr_mix64(nd ^ ((uint64_t)ncl << 21) ^ ((uint64_t)nev << 42));
    h = sr_mix64(h ^ SR_VEC_COUNT(&c->trendwords, sr_ctrendword));
    for (size_t i = 0; i < nd; i++) {
        const char *id = SR_VEC_AT(&c->docs, sr_cdoc, i).id;
        h = sr_mix64(h ^ sr_word_hash(id, strlen(id)));
    }
    for (size_t i = 0; i < ncl; i++) {
        const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, i);
        h = sr_mix64(h ^ x->doc_index ^ ((uint64_t)x->first << 32) ^ sr_claim_key(x->measure, x->low, x->high));
    }
    for (size_t i = 0; i < nev; i++) {
        const sr_cevent *x = &SR_VEC_AT(&c->events, sr_cevent, i);
        h = sr_mix64(h ^ x->doc_index ^ ((uint64_t)x->first << 32));
    }
    return h;
}

/* The documents the stories are of: their number and ids. */
static uint64_t docs_fingerprint(const sitrep_corpus *c)
{
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc);
    uint64_t h = sr_mix64(nd ^ 0x73746f72u);
    for (size_t i = 0; i < nd; i++) {
        const char *id = SR_VEC_AT(&c->docs, sr_cdoc, i).id;
        h = sr_mix64(h ^ sr_word_hash(id, strlen(id)));
    }
    return h;
}

/* What the linking decided (the stories part), hashed: damage in it is
 * found before anything of it is used. */
static uint64_t stories_hash(const int32_t *links, size_t nd, const uint32_t *first, size_t ns)
{
    uint64_t h = sr_mix64(nd ^ ((uint64_t)ns << 32));
    for (size_t i = 0; i < 2 * nd; i++)
        h = sr_mix64(h ^ (uint32_t)links[i]);
    for (size_t k = 0; k < ns; k++)
        h = sr_mix64(h ^ first[k] ^ ((uint64_t)k << 32));
    return h;
}

/* stories_hash of the corpus's own stories (its documents' story and
 * copy, its stories' first documents). */
static uint64_t own_stories_hash(const sitrep_corpus *c)
{
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc), ns = SR_VEC_COUNT(&c->stories, sr_cstory);
    uint64_t h = sr_mix64(nd ^ ((uint64_t)ns << 32));
    for (size_t i = 0; i < nd; i++) {
        const sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        h = sr_mix64(h ^ (uint32_t)d->story);
        h = sr_mix64(h ^ (uint32_t)d->dup_of);
    }
    for (size_t k = 0; k < ns; k++)
        h = sr_mix64(h ^ SR_VEC_AT(&c->stories, sr_cstory, k).first_doc ^ ((uint64_t)k << 32));
    return h;
}

/* ---- writing ---- */

/* The stories part: the documents' number, the stories', the documents'
 * fingerprint, each document's story and dup_of, each story's first
 * document, their hash. */
static bool save_stories(const sitrep_corpus *c, sr_buf *b)
{
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc), ns = SR_VEC_COUNT(&c->stories, sr_cstory);
    int32_t *links = c->mem->calloc(nd ? 2 * nd : 1, sizeof *links);
    uint32_t *first = c->mem->calloc(ns ? ns : 1, sizeof *first);
    bool ok = links && first;
    for (size_t i = 0; i < nd && ok; i++) {
        const sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        links[2 * i] = d->story, links[2 * i + 1] = d->dup_of;
    }
    for (size_t k = 0; k < ns && ok; k++)
        first[k] = SR_VEC_AT(&c->stories, sr_cstory, k).first_doc;
    ok = ok && sr_bytes_put_u64(b, nd) && sr_bytes_put_u64(b, ns) && sr_bytes_put_u64(b, docs_fingerprint(c)) &&
         sr_bytes_put(b, links, 2 * nd * sizeof *links) && sr_bytes_put(b, first, ns * sizeof *first) &&
         sr_bytes_put_u64(b, stories_hash(links, nd, first, ns));
    c->mem->free(links);
    c->mem->free(first);
    return ok;
}

static bool put_str(sr_buf *b, const char *s)
{
    if (!s)
        return sr_bytes_put_u32(b, NO_STRING);
    size_t n = strlen(s);
    return n < NO_STRING && sr_bytes_put_u32(b, (uint32_t)n) && sr_bytes_put(b, s, n);
}

/* The corroboration itself (after the stories part): the corpus's
 * fingerprint, the counts, each claim's and event's group, the groups and
 * their members, the conflicts, the trends. */
static sitrep_status save_body(const sitrep_corpus *c, sr_buf *b)
{
    size_t ncl = SR_VEC_COUNT(&c->claims, sr_cclaim), nev = SR_VEC_COUNT(&c->events, sr_cevent);
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup), ncm = SR_VEC_COUNT(&c->claim_members, uint32_t);
    size_t neg = SR_VEC_COUNT(&c->egroups, sr_cegroup), nem = SR_VEC_COUNT(&c->event_members, uint32_t);
    size_t ncf = SR_VEC_COUNT(&c->conflicts, sr_cconflict), ntr = SR_VEC_COUNT(&c->trends, sr_ctrend);
    bool ok = sr_bytes_put_u64(b, fingerprint(c));
    ok = ok && sr_bytes_put_u64(b, ncl) && sr_bytes_put_u64(b, nev) && sr_bytes_put_u64(b, ng) && sr_bytes_put_u64(b, ncm) && sr_bytes_put_u64(b, neg) &&
         sr_bytes_put_u64(b, nem) && sr_bytes_put_u64(b, ncf) && sr_bytes_put_u64(b, ntr);
    for (size_t i = 0; i < ncl && ok; i++)
        ok = sr_bytes_put_u32(b, (uint32_t)SR_VEC_AT(&c->claims, sr_cclaim, i).group);
    for (size_t i = 0; i < nev && ok; i++)
        ok = sr_bytes_put_u32(b, (uint32_t)SR_VEC_AT(&c->events, sr_cevent, i).group);
    for (size_t i = 0; i < ng && ok; i++) {
        const sr_cgroup *g = &SR_VEC_AT(&c->groups, sr_cgroup, i);
        ok = sr_bytes_put_u32(b, g->rep) && sr_bytes_put_u32(b, g->first_member) && sr_bytes_put_u32(b, g->nmembers) && sr_bytes_put_u32(b, g->outlets) &&
             sr_bytes_put(b, &g->contested, 1) && sr_bytes_put(b, g->from, 11) && sr_bytes_put(b, g->to, 11) && put_str(b, g->id) &&
             put_str(b, g->actor) && put_str(b, g->attributed_to);
    }
    ok = ok && sr_bytes_put(b, c->claim_members.data, ncm * sizeof(uint32_t));
    for (size_t i = 0; i < neg && ok; i++) {
        const sr_cegroup *g = &SR_VEC_AT(&c->egroups, sr_cegroup, i);
        ok = sr_bytes_put_u32(b, g->rep) && sr_bytes_put_u32(b, g->first_member) && sr_bytes_put_u32(b, g->nmembers) && put_str(b, g->id);
    }
    ok = ok && sr_bytes_put(b, c->event_members.data, nem * sizeof(uint32_t));
    sr_buf reason; /* each conflict's, read back from the spill file (corpus.c) */
    sr_buf_init(&reason, c->mem);
    sitrep_status rs = SITREP_OK;
    for (size_t i = 0; i < ncf && ok; i++) {
        const sr_cconflict *x = &SR_VEC_AT(&c->conflicts, sr_cconflict, i);
        rs = sr_corpus_conflict_reason(c, x, &reason);
        ok = rs == SITREP_OK && sr_bytes_put_u32(b, x->a) && sr_bytes_put_u32(b, x->b) &&
             sr_bytes_put(b, &x->kind, 1) && put_str(b, reason.data);
    }
    sr_buf_free(&reason);
    if (rs != SITREP_OK)
        return rs;
    for (size_t i = 0; i < ntr && ok; i++) {
        const sr_ctrend *t = &SR_VEC_AT(&c->trends, sr_ctrend, i);
        ok = sr_bytes_put(b, t->groups, sizeof t->groups) && sr_bytes_put(b, &t->npoints, 1) && sr_bytes_put(b, &t->projection, sizeof(double)) &&
             sr_bytes_put(b, t->proj_from, 11) && sr_bytes_put(b, t->proj_to, 11) && put_str(b, t->basis) &&
             sr_bytes_put(b, &t->ratio, sizeof(double)) && sr_bytes_put_u32(b, (uint32_t)t->check) && put_str(b, t->verdict);
    }
    return ok ? SITREP_OK : SITREP_ENOMEM;
}

enum { WHOLE, STORIES, REST }; /* what is written: both parts, or one */

static sitrep_status write_part(sitrep_corpus *c, int what, sitrep_write_fn write, void *ctx)
{
    if (c == NULL || write == NULL)
        return SITREP_EARG;
    sitrep_status st = what == STORIES ? sr_corpus_finish_stories(c) : sitrep_corpus_finish(c);
    if (st == SITREP_OK && what != STORIES)
        st = sr_corpus_hold(c, SR_HOLD_ALL); /* each claim's and event's group */
    if (st != SITREP_OK)
        return st;
    sr_buf b;
    sr_buf_init(&b, c->mem);
    bool ok = sr_bytes_put(&b, what == WHOLE ? CORR_MAGIC : what == STORIES ? STORIES_MAGIC : REST_MAGIC, 8) &&
              sr_bytes_put_u64(&b, layout());
    if (what == REST) /* the stories it goes with */
        ok = ok && sr_bytes_put_u64(&b, docs_fingerprint(c)) && sr_bytes_put_u64(&b, own_stories_hash(c));
    else
        ok = ok && save_stories(c, &b);
    st = ok ? SITREP_OK : SITREP_ENOMEM;
    if (st == SITREP_OK && what != STORIES)
        st = save_body(c, &b);
    if (st == SITREP_OK && write(b.data, b.len, ctx) != 0)
        st = SITREP_EIO;
    sr_buf_free(&b);
    return st;
}

sitrep_status sitrep_corpus_write_corroboration(sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    return write_part(c, WHOLE, write, ctx);
}

sitrep_status sitrep_corpus_write_stories(sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    return write_part(c, STORIES, write, ctx);
}

sitrep_status sitrep_corpus_write_corroboration_rest(sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    return write_part(c, REST, write, ctx);
}

/* ---- reading ---- */

/* A date field: 10 bytes and a NUL, "" or digits and dashes (it goes
 * into JSON as it is). */
static void get_day(sr_bytes_in *r, char day[11])
{
    sr_bytes_get(r, day, 11);
    day[10] = '\0';
    for (size_t i = 0; day[i]; i++)
        if (!((day[i] >= '0' && day[i] <= '9') || day[i] == '-'))
            r->bad = true;
}

/* A string, interned in c (NULL when written as none; *bad on damage). */
static const char *get_str(sitrep_corpus *c, sr_bytes_in *r, bool *nomem)
{
    uint32_t n = sr_bytes_get_u32(r);
    if (r->bad || n == NO_STRING)
        return NULL;
    size_t bad;
    if ((size_t)(r->end - r->p) < n || !sr_utf8_valid((const char *)r->p, n, &bad) || memchr(r->p, 0, n)) {
        r->bad = true;
        return NULL;
    }
    const char *s = sr_corpus_intern(c, (const char *)r->p, n);
    if (!s)
        *nomem = true;
    r->p += n;
    return s;
}

/* An array of n elements of `size` bytes, appended to b. */
static bool get_vec(sr_bytes_in *r, sr_buf *b, size_t n, size_t size)
{
    if (n == 0)
        return !r->bad;
    if (n > (size_t)(r->end - r->p) / size) {
        r->bad = true;
        return false;
    }
    if (!sr_buf_reserve(b, n * size))
        return false;
    sr_bytes_get(r, b->data + b->len, n * size);
    b->len += n * size;
    return !r->bad;
}

/* The stories part: read and checked whole, then taken (the stories
 * stage run on them) by a corpus that has none, or compared with its own. */
static sitrep_status take_stories(sitrep_corpus *c, sr_bytes_in *r)
{
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc);
    uint64_t nd_in = sr_bytes_get_u64(r), ns = sr_bytes_get_u64(r);
    if (r->bad || nd_in != nd || ns > nd || (nd && !ns) || sr_bytes_get_u64(r) != docs_fingerprint(c) ||
        (size_t)(r->end - r->p) < 2 * nd * sizeof(int32_t) + ns * sizeof(uint32_t) + 8)
        return SITREP_EFORMAT;
    int32_t *links = c->mem->calloc(nd ? 2 * nd : 1, sizeof *links);
    uint32_t *first = c->mem->calloc(ns ? ns : 1, sizeof *first);
    sitrep_status st = links && first ? SITREP_OK : SITREP_ENOMEM;
    if (st == SITREP_OK) {
        sr_bytes_get(r, links, 2 * nd * sizeof *links);
        sr_bytes_get(r, first, ns * sizeof *first);
        if (sr_bytes_get_u64(r) != stories_hash(links, nd, first, ns))
            st = SITREP_EFORMAT;
    }
    /* every number in range: a document's story and copy, a story's first
     * document (one of its own) */
    for (size_t i = 0; i < nd && st == SITREP_OK; i++)
        if (links[2 * i] < 0 || (uint64_t)links[2 * i] >= ns || links[2 * i + 1] < -1 ||
            (links[2 * i + 1] >= 0 && (size_t)links[2 * i + 1] >= nd))
            st = SITREP_EFORMAT;
    for (size_t k = 0; k < ns && st == SITREP_OK; k++)
        if (first[k] >= nd || (uint64_t)links[2 * first[k]] != k)
            st = SITREP_EFORMAT;
    if (st == SITREP_OK && c->stories_done) {
        /* its own stories: the same, else the bytes are another's */
        if (SR_VEC_COUNT(&c->stories, sr_cstory) != ns)
            st = SITREP_EFORMAT;
        for (size_t i = 0; i < nd && st == SITREP_OK; i++) {
            const sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, i);
            if (d->story != links[2 * i] || d->dup_of != links[2 * i + 1])
                st = SITREP_EFORMAT;
        }
    } else if (st == SITREP_OK) {
        c->stories.len = 0;
        for (size_t k = 0; k < ns && st == SITREP_OK; k++) {
            sr_cstory x;
            memset(&x, 0, sizeof x);
            x.first_doc = first[k];
            if (!SR_VEC_PUSH(&c->stories, sr_cstory, x))
                st = SITREP_ENOMEM;
        }
        for (size_t i = 0; i < nd && st == SITREP_OK; i++) {
            sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, i);
            d->story = links[2 * i], d->dup_of = links[2 * i + 1];
        }
        if (st == SITREP_OK)
            st = sr_corpus_finish_stories_linked(c);
    }
    c->mem->free(links);
    c->mem->free(first);
    return st;
}

/* The corroboration itself (save_body's), taken by a corpus whose
 * stories are those it was made with: all of it, to its end, or nothing. */
static sitrep_status take_body(sitrep_corpus *c, sr_bytes_in r)
{
    sitrep_status st = sr_corpus_hold(c, SR_HOLD_ALL); /* each claim's and event's group */
    if (st != SITREP_OK)
        return st;
    if (sr_bytes_get_u64(&r) != fingerprint(c))
        return SITREP_EFORMAT;
    size_t ncl = SR_VEC_COUNT(&c->claims, sr_cclaim), nev = SR_VEC_COUNT(&c->events, sr_cevent);
    size_t nw = SR_VEC_COUNT(&c->trendwords, sr_ctrendword);
    uint64_t n[8];
    for (size_t k = 0; k < 8; k++)
        n[k] = sr_bytes_get_u64(&r);
    size_t left = (size_t)(r.end - r.p);
    /* every count bounded by the bytes there (an element takes 4 or more) */
    for (size_t k = 0; k < 8; k++)
        if (n[k] > left / 4)
            r.bad = true;
    if (r.bad || n[0] != ncl || n[1] != nev)
        return SITREP_EFORMAT;
    size_t ng = n[2], ncm = n[3], neg = n[4], nem = n[5], ncf = n[6], ntr = n[7];
    /* what is read goes into fresh arrays, kept only when all of it is good */
    sr_buf groups, members, egroups, emembers, conflicts, trends, cg, eg;
    sr_buf_init(&groups, c->mem), sr_buf_init(&members, c->mem), sr_buf_init(&egroups, c->mem);
    sr_buf_init(&emembers, c->mem), sr_buf_init(&conflicts, c->mem), sr_buf_init(&trends, c->mem);
    sr_buf_init(&cg, c->mem), sr_buf_init(&eg, c->mem);
    bool nomem = false;
    nomem = !get_vec(&r, &cg, ncl, sizeof(int32_t)) && !r.bad;
    nomem = nomem || (!get_vec(&r, &eg, nev, sizeof(int32_t)) && !r.bad);
    for (size_t i = 0; i < ng && !r.bad && !nomem; i++) {
        sr_cgroup g;
        memset(&g, 0, sizeof g);
        g.rep = sr_bytes_get_u32(&r), g.first_member = sr_bytes_get_u32(&r), g.nmembers = sr_bytes_get_u32(&r), g.outlets = sr_bytes_get_u32(&r);
        sr_bytes_get(&r, &g.contested, 1);
        get_day(&r, g.from), get_day(&r, g.to);
        g.id = get_str(c, &r, &nomem), g.actor = get_str(c, &r, &nomem), g.attributed_to = get_str(c, &r, &nomem);
        if (!r.bad && (!g.id || !g.id[0] || g.rep >= ncl || g.nmembers == 0 || g.first_member > ncm ||
                       g.nmembers > ncm - g.first_member))
            r.bad = true;
        nomem = nomem || (!r.bad && !SR_VEC_PUSH(&groups, sr_cgroup, g));
    }
    nomem = nomem || (!r.bad && !get_vec(&r, &members, ncm, sizeof(uint32_t)) && !r.bad);
    for (size_t i = 0; i < neg && !r.bad && !nomem; i++) {
        sr_cegroup g;
        memset(&g, 0, sizeof g);
        g.rep = sr_bytes_get_u32(&r), g.first_member = sr_bytes_get_u32(&r), g.nmembers = sr_bytes_get_u32(&r);
        g.id = get_str(c, &r, &nomem);
        if (!r.bad && (!g.id || !g.id[0] || g.rep >= nev || g.nmembers == 0 || g.first_member > nem ||
                       g.nmembers > nem - g.first_member))
            r.bad = true;
        nomem = nomem || (!r.bad && !SR_VEC_PUSH(&egroups, sr_cegroup, g));
    }
    nomem = nomem || (!r.bad && !get_vec(&r, &emembers, nem, sizeof(uint32_t)) && !r.bad);
    for (size_t i = 0; i < ncf && !r.bad && !nomem; i++) {
        sr_cconflict x;
        memset(&x, 0, sizeof x);
        x.a = sr_bytes_get_u32(&r), x.b = sr_bytes_get_u32(&r);
        sr_bytes_get(&r, &x.kind, 1);
        /* its reason, checked as get_str checks a string, goes to the
         * spill file (corpus.c), not the arena */
        uint32_t rn = sr_bytes_get_u32(&r);
        size_t bad;
        if (!r.bad && (rn == NO_STRING || (size_t)(r.end - r.p) < rn || !sr_utf8_valid((const char *)r.p, rn, &bad) ||
                       memchr(r.p, 0, rn) || x.a >= ng || x.b >= ng || x.kind > SR_CONFLICT_UPDATE))
            r.bad = true;
        if (!r.bad && sr_corpus_keep_reason(c, &x, (const char *)r.p, rn) != SITREP_OK)
            nomem = true; /* (a failed write reads as want of memory here) */
        if (!r.bad)
            r.p += rn;
        nomem = nomem || (!r.bad && !SR_VEC_PUSH(&conflicts, sr_cconflict, x));
    }
    for (size_t i = 0; i < ntr && !r.bad && !nomem; i++) {
        sr_ctrend t;
        memset(&t, 0, sizeof t);
        sr_bytes_get(&r, t.groups, sizeof t.groups);
        sr_bytes_get(&r, &t.npoints, 1);
        sr_bytes_get(&r, &t.projection, sizeof(double));
        get_day(&r, t.proj_from), get_day(&r, t.proj_to);
        t.basis = get_str(c, &r, &nomem);
        sr_bytes_get(&r, &t.ratio, sizeof(double));
        t.check = (int32_t)sr_bytes_get_u32(&r);
        t.verdict = get_str(c, &r, &nomem);
        if (!r.bad && (t.npoints == 0 || t.npoints > 8 || !isfinite(t.projection) || !isfinite(t.ratio) || t.check < -1 || (t.check >= 0 && (size_t)t.check >= nw)))
            r.bad = true;
        for (size_t k = 0; k < t.npoints && !r.bad; k++)
            if (t.groups[k] >= ng)
                r.bad = true;
        nomem = nomem || (!r.bad && !SR_VEC_PUSH(&trends, sr_ctrend, t));
    }
    if (!r.bad && r.p != r.end)
        r.bad = true;
    /* the numbers point inside their arrays */
    const int32_t *cgs = (const int32_t *)(const void *)cg.data, *egs = (const int32_t *)(const void *)eg.data;
    for (size_t i = 0; i < ncl && !r.bad && !nomem; i++)
        if (cgs[i] < -1 || (cgs[i] >= 0 && (size_t)cgs[i] >= ng))
            r.bad = true;
    for (size_t i = 0; i < nev && !r.bad && !nomem; i++)
        if (egs[i] < -1 || (egs[i] >= 0 && (size_t)egs[i] >= neg))
            r.bad = true;
    for (size_t i = 0; i < ncm && !r.bad && !nomem; i++)
        if (SR_VEC_AT(&members, uint32_t, i) >= ncl)
            r.bad = true;
    for (size_t i = 0; i < nem && !r.bad && !nomem; i++)
        if (SR_VEC_AT(&emembers, uint32_t, i) >= nev)
            r.bad = true;
    if (r.bad || nomem) {
        st = nomem && !r.bad ? SITREP_ENOMEM : SITREP_EFORMAT;
    } else {
        for (size_t i = 0; i < ncl; i++)
            SR_VEC_AT(&c->claims, sr_cclaim, i).group = cgs[i];
        for (size_t i = 0; i < nev; i++)
            SR_VEC_AT(&c->events, sr_cevent, i).group = egs[i];
        sr_buf *dst[] = {&c->groups, &c->claim_members, &c->egroups, &c->event_members, &c->conflicts, &c->trends};
        sr_buf *src[] = {&groups, &members, &egroups, &emembers, &conflicts, &trends};
        for (size_t k = 0; k < 6; k++) {
            sr_buf t = *dst[k];
            *dst[k] = *src[k];
            *src[k] = t; /* the old, empty, freed below */
        }
        c->corroborated = c->claims_corroborated = c->events_corroborated = true;
    }
    sr_buf_free(&groups), sr_buf_free(&members), sr_buf_free(&egroups);
    sr_buf_free(&emembers), sr_buf_free(&conflicts), sr_buf_free(&trends);
    sr_buf_free(&cg), sr_buf_free(&eg);
    return st;
}

/* The bytes' header: its magic and the build's layout. */
static bool header(sr_bytes_in *r, const char *magic)
{
    char m[8];
    return sr_bytes_get(r, m, 8) && memcmp(m, magic, 8) == 0 && sr_bytes_get_u64(r) == layout();
}

sitrep_status sitrep_corpus_add_corroboration(sitrep_corpus *c, const void *data, size_t len)
{
    if (c == NULL || (data == NULL && len))
        return SITREP_EARG;
    if (c->claims_corroborated || c->events_corroborated)
        return SITREP_EARG; /* it has one, or a part of one */
    sr_bytes_in r = {data, (const unsigned char *)data + len, false};
    if (!header(&r, CORR_MAGIC))
        return SITREP_EFORMAT;
    sitrep_status st = take_stories(c, &r);
    return st == SITREP_OK ? take_body(c, r) : st;
}

sitrep_status sitrep_corpus_add_stories(sitrep_corpus *c, const void *data, size_t len)
{
    if (c == NULL || (data == NULL && len))
        return SITREP_EARG;
    sr_bytes_in r = {data, (const unsigned char *)data + len, false};
    if (!header(&r, STORIES_MAGIC))
        return SITREP_EFORMAT;
    /* the stories part and nothing after it, checked before anything is taken */
    sr_bytes_in peek = r;
    uint64_t nd = sr_bytes_get_u64(&peek), ns = sr_bytes_get_u64(&peek);
    size_t left = (size_t)(r.end - r.p);
    if (peek.bad || nd > left / 8 || ns > left / 4 || left != 24 + 8 * nd + 4 * ns + 8)
        return SITREP_EFORMAT;
    return take_stories(c, &r);
}

sitrep_status sitrep_corpus_add_corroboration_rest(sitrep_corpus *c, const void *data, size_t len)
{
    if (c == NULL || (data == NULL && len))
        return SITREP_EARG;
    if (c->claims_corroborated || c->events_corroborated || !c->stories_done)
        return SITREP_EARG; /* it has one (or a part), or has no stories to take it with */
    sr_bytes_in r = {data, (const unsigned char *)data + len, false};
    if (!header(&r, REST_MAGIC) || sr_bytes_get_u64(&r) != docs_fingerprint(c) ||
        sr_bytes_get_u64(&r) != own_stories_hash(c))
        return SITREP_EFORMAT;
    return take_body(c, r);
}
