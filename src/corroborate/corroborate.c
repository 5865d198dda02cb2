/*
 * corroborate.c -- what several articles say together: claims and events
 * merged across articles, conflicts between sources, trends.
 *
 * Claims: the claims of every article, sorted by fact key (measure family
 * and value, cluster/stories.c) and then by document id and position, so
 * the result does not depend on the order of the input.  Within one key a
 * claim joins the first group it is compatible with: no claim of its own
 * article there, the qualifiers agree (exact and approximately go
 * together), the actors and places agree where both are stated (a city
 * agrees with its country), and the periods overlap where both are known;
 * two vague plurals ("millions", "dozens") share a magnitude, no figure,
 * and join only through a stated figure in their range.
 * A group counts its independent outlets: a near-copy counts as the
 * article it copies, an article without an outlet as itself.
 *
 * Events merge the same way, keyed by the country of their place: the
 * same kind of violence (or the same strategic development) at agreeing
 * places on overlapping dates, with agreeing death tolls.
 *
 * Conflicts: groups of the same scope (measure family, actor, the same
 * places, the same period or none) with different values from different
 * named sources.  A different scope (Syria against Syria and Iraq, half a
 * year against a year) is no conflict, nor are figures twenty times apart
 * (a toll of one attack against the toll of a war).
 *
 * Trends: groups of one measure family, actor and places with known,
 * distinct periods form a series.  A part of a year starting on 1 January
 * is projected to the whole year, the projection is compared with the full
 * year before, and the articles' own trend sentences ("on track to
 * double") are checked against that ratio.
 */
#include "corpus/corpus.h"

#include "core/dates.h"
#include "cluster/rules.h"
#include "data/lex.h"
#include "wordhash.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULES sr_story_rules_default
#define DATE_SOURCES 8 /* the distinct statement dates a date conflict names */
#define TREND_POINTS 8 /* the points of a series */

/* ---- helpers ---- */

static int32_t day_of(const char *iso)
{
    sr_date d;
    if (!iso[0] || !sr_date_scan(iso, &d))
        return INT32_MIN;
    return (int32_t)sr_date_to_days(&d);
}

static bool periods_overlap(const char *af, const char *at, const char *bf, const char *bt)
{
    if (!af[0] || !bf[0])
        return true;
    return strcmp(af, bt) <= 0 && strcmp(bf, at) <= 0;
}

static bool place_agrees(const sr_cclaim *a, size_t i, const sr_cclaim *b)
{
    for (size_t j = 0; j < b->nplaces; j++)
        if (a->places[i] == b->places[j] ||
            (a->place_countries[i][0] && strcmp(a->place_countries[i], b->place_countries[j]) == 0))
            return true;
    return false;
}

static bool places_agree(const sr_cclaim *a, const sr_cclaim *b)
{
    if (!a->nplaces || !b->nplaces)
        return true;
    for (size_t i = 0; i < a->nplaces; i++)
        if (!place_agrees(a, i, b))
            return false;
    for (size_t i = 0; i < b->nplaces; i++)
        if (!place_agrees(b, i, a))
            return false;
    return true;
}

static bool qualifiers_agree(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    bool la = strcmp(a, "exact") == 0 || strcmp(a, "approximately") == 0;
    bool lb = strcmp(b, "exact") == 0 || strcmp(b, "approximately") == 0;
    return la && lb;
}

/* The actor a claim names, NULL for none or for a common noun ("troops",
 * "police", "gunmen": the claims stage's words for forces it could not
 * name), which agrees with any actor as none does. */
static const char *named_actor(const char *a)
{
    return a && a[0] >= 'a' && a[0] <= 'z' ? NULL : a;
}

static bool actors_agree(const char *a, const char *b)
{
    a = named_actor(a);
    b = named_actor(b);
    return !a || !b || a == b;
}

static bool claims_agree(const sr_cclaim *a, const sr_cclaim *b)
{
    return a->doc_index != b->doc_index && qualifiers_agree(a->qualifier, b->qualifier) &&
           actors_agree(a->actor, b->actor) && places_agree(a, b) &&
           periods_overlap(a->from, a->to, b->from, b->to);
}

/* A document's outlet for counting: the copied article's for a near-copy,
 * its id when it names none. */
const char *sr_outlet_key(const sitrep_corpus *c, uint32_t d)
{
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    if (docs[d].dup_of >= 0)
        d = (uint32_t)docs[d].dup_of;
    return docs[d].outlet ? docs[d].outlet : docs[d].id;
}

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const char *const *)a, y = (uintptr_t)*(const char *const *)b;
    return x < y ? -1 : x > y;
}

/* Distinct outlets of docs[0..n): outlet names are interned and ids are
 * unique, so equal keys are equal pointers; sorted, then counted. */
static size_t count_outlets(const sitrep_corpus *c, const uint32_t *docs, size_t n, const char **scratch)
{
    for (size_t i = 0; i < n; i++)
        scratch[i] = sr_outlet_key(c, docs[i]);
    qsort(scratch, n, sizeof *scratch, cmp_ptr);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += i == 0 || scratch[i] != scratch[i - 1];
    return k;
}

/* The most frequent non-NULL of strings[0..n), ties to the first. */
static const char *most_common(const char **strings, size_t n)
{
    const char *best = NULL;
    size_t bestn = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strings[i])
            continue;
        size_t k = 0;
        for (size_t j = 0; j < n; j++)
            k += strings[j] == strings[i];
        if (k > bestn) {
            best = strings[i];
            bestn = k;
        }
    }
    return best;
}

/* ---- claims ---- */

/* The story of a claim or event's document. */
static int32_t story_of(const sitrep_corpus *c, uint32_t doc_index)
{
    return SR_VEC_AT(&c->docs, sr_cdoc, doc_index).story;
}

/* What events are sorted by, worked out once per event (as claim_key). */
typedef struct event_key {
    int32_t story;
    uint32_t event, first;
    const char *place; /* its country, else its location, else "" */
    const char *doc;
} event_key;

/* By story (events merge within one), place, document id, position. */
static int cmp_event_key(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const event_key *a = pa, *b = pb;
    if (a->story != b->story)
        return a->story < b->story ? -1 : 1;
    int c = strcmp(a->place, b->place);
    if (c)
        return c;
    c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* The measure family of a claim: its fact key without the value. */
static uint64_t family_key(const sr_cclaim *x)
{
    return sr_claim_key(x->measure, 0, 0);
}

/* Claims in document order: by document id, then position. */
static int cmp_doc_order(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *sort_corpus = ctx;
    const sr_cclaim *cl = (const sr_cclaim *)(const void *)sort_corpus->claims.data;
    const sr_cclaim *a = &cl[*(const uint32_t *)pa], *b = &cl[*(const uint32_t *)pb];
    int c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* What claims are sorted by, worked out once per claim: a comparison
 * that found the story through the document and the family through the
 * lexicon cost cache misses and lookups n log n times. */
typedef struct claim_key {
    int32_t story;
    uint32_t claim, first;
    uint64_t family;
    const char *doc;
} claim_key;

/* By story, measure family, document id, position. */
static int cmp_claim_key(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const claim_key *a = pa, *b = pb;
    if (a->story != b->story)
        return a->story < b->story ? -1 : 1;
    if (a->family != b->family)
        return a->family < b->family ? -1 : 1;
    int c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* A claim's value as an interval: a point ("212", "about 300"), a bound
 * ("more than 200": (200, inf)) or a range ("3,000 to 5,000"). */
typedef struct interval {
    double lo, hi;
    bool point;
} interval;

static interval value_of(const sr_cclaim *x)
{
    const char *q = x->qualifier;
    if (strcmp(q, "more_than") == 0)
        return (interval){nextafter(x->low, INFINITY), INFINITY, false};
    if (strcmp(q, "at_least") == 0)
        return (interval){x->low, INFINITY, false};
    if (strcmp(q, "fewer_than") == 0)
        return (interval){-INFINITY, nextafter(x->high, -INFINITY), false};
    if (strcmp(q, "up_to") == 0)
        return (interval){-INFINITY, x->high, false};
    return (interval){x->low, x->high, x->low == x->high};
}

/* A vague plural ("dozens", "hundreds", "millions": figures.c reads it as
 * an approximate range): an order of magnitude, not a figure. */
static bool vague(const sr_cclaim *x)
{
    return x->low < x->high && strcmp(x->qualifier, "approximately") == 0;
}

/* Two values that can be one figure: equal points, a point within a bound
 * or range ("212" and "more than 200"), or the same bound. */
static bool values_agree(const sr_cclaim *a, const sr_cclaim *b)
{
    interval x = value_of(a), y = value_of(b);
    if (x.point && y.point)
        return x.lo == y.lo;
    if (x.point)
        return x.lo >= y.lo && x.lo <= y.hi;
    if (y.point)
        return y.lo >= x.lo && y.lo <= x.hi;
    return x.lo == y.lo && x.hi == y.hi;
}

/* Two values no reading of their qualifiers reconciles (45 and 55 dead;
 * "at least 45" and 55 are not). */
static bool values_differ(const sr_cclaim *a, const sr_cclaim *b)
{
    interval x = value_of(a), y = value_of(b);
    return x.hi < y.lo || y.hi < x.lo;
}

/* A source with a name ("United Nations", "Rami Abdel Rahman"), not a kind
 * of source ("police", "officials", "witnesses"). */
static bool named(const char *s)
{
    if (!s)
        return false;
    for (const char *p = s; *p; p++)
        if ((p == s || p[-1] == ' ') && ((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC0))
            return true;
    return false;
}

/* The day a claim was reported on by its article's own evidence: the day
 * its source spoke, else its article's own date; INT32_MIN when neither is
 * known (an article dated only by its story has no day of its own: its
 * "Sunday" was read against another article's date). */
static int32_t own_day(const sitrep_corpus *c, const sr_cclaim *x)
{
    if (x->said[0])
        return day_of(x->said);
    return SR_VEC_AT(&c->docs, sr_cdoc, x->doc_index).day;
}

/* A claim's stated period as days, when its article's own words fix it:
 * in an article dated by a day borrowed from its story, a period within
 * rules.story_days of that day may be a "Sunday" read against it and says
 * nothing of when (both INT32_MIN); one further off names its month or
 * year (as borrowed_day for events). */
static void own_period(const sitrep_corpus *c, const sr_cclaim *x, int32_t *from, int32_t *to)
{
    const sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, x->doc_index);
    *from = *to = INT32_MIN;
    if (!x->from[0])
        return;
    int32_t f = day_of(x->from), t = day_of(x->to);
    if (d->day == INT32_MIN && d->inferred[0] && !x->said[0]) {
        int32_t b = day_of(d->inferred);
        if (t >= b - RULES.story_days && f <= b + RULES.story_days)
            return;
    }
    *from = f;
    *to = t;
}

/* The group a claim is compared with while grouping: its value so far, and
 * what every member states of its scope, so that a member stating nothing
 * (no actor, no place, no period) does not chain two different figures
 * together: a claim joins only when it agrees with them all. */
typedef struct group_state {
    uint32_t first, last;     /* its first claim, and its latest (one article's claims are adjacent) */
    double lo, hi;            /* the values every member allows */
    bool has_point;
    double point;
    uint32_t bound;           /* a bound member, when no point */
    const char *actor;        /* the actor its members name, NULL none */
    uint32_t placed;          /* its first member stating places, UINT32_MAX none */
    int32_t max_from, min_to; /* its members' own stated periods: the latest start, the earliest end */
    int32_t lo_own, hi_own;   /* the own days of its members that state no period */
} group_state;

/* Do a figure's days fit a group's?  A figure stated with no period is of
 * the days its article reports (rules.story_days before its own day, and
 * one day after for the date line): "injured almost 50 in September" is
 * not the "about 50 hurt" of an article of late November, nor "10 seasons"
 * in 1987 the "10 seasons" of an article of 2005.  Stated periods overlap. */
static bool days_fit(const group_state *g, int32_t from, int32_t to, int32_t own)
{
    if (from != INT32_MIN) {
        if (g->max_from != INT32_MIN && (from > g->min_to || to < g->max_from))
            return false;
        return g->lo_own == INT32_MIN || (to >= g->hi_own - RULES.story_days && from <= g->lo_own + 1);
    }
    if (own == INT32_MIN || g->max_from == INT32_MIN)
        return true;
    return g->min_to >= own - RULES.story_days && g->max_from <= own + 1;
}

static void group_add(const sitrep_corpus *c, group_state *g, const sr_cclaim *cl, uint32_t i)
{
    const sr_cclaim *x = &cl[i];
    if (!g->actor)
        g->actor = named_actor(x->actor);
    if (g->placed == UINT32_MAX && x->nplaces)
        g->placed = i;
    int32_t from, to, own = own_day(c, x);
    own_period(c, x, &from, &to);
    if (from != INT32_MIN) {
        if (g->max_from == INT32_MIN || from > g->max_from)
            g->max_from = from;
        if (g->min_to == INT32_MIN || to < g->min_to)
            g->min_to = to;
    } else if (own != INT32_MIN) {
        if (g->lo_own == INT32_MIN || own < g->lo_own)
            g->lo_own = own;
        if (g->hi_own == INT32_MIN || own > g->hi_own)
            g->hi_own = own;
    }
}

static bool joins(const sitrep_corpus *c, const sr_cclaim *cl, const group_state *g, const sr_cclaim *x)
{
    if (cl[g->last].doc_index == x->doc_index || !claims_agree(&cl[g->first], x))
        return false;
    const char *actor = named_actor(x->actor);
    if (actor && g->actor && actor != g->actor)
        return false;
    if (g->placed != UINT32_MAX && !places_agree(&cl[g->placed], x))
        return false;
    int32_t from, to;
    own_period(c, x, &from, &to);
    if (!days_fit(g, from, to, own_day(c, x)))
        return false;
    interval v = value_of(x);
    if (v.point)
        return (!g->has_point || g->point == v.lo) && v.lo >= g->lo && v.lo <= g->hi;
    if (g->has_point)
        return g->point >= v.lo && g->point <= v.hi;
    /* two outlets' "millions of computers" share a magnitude, no figure:
     * a vague plural supports a stated figure in its range, never another
     * vague plural */
    if (vague(x) && vague(&cl[g->bound]))
        return false;
    return values_agree(&cl[g->bound], x);
}

/* The member whose fields the group shows: the most places, then a period,
 * an actor and a source, then the first. */
static int completeness(const sr_cclaim *x)
{
    return x->nplaces * 8 + (x->from[0] ? 4 : 0) + (x->actor ? 2 : 0) + (x->attributed_to ? 1 : 0);
}

static uint32_t gfind(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

/* Claims of one statement in different stories: one named source, one
 * stated period, one value. */
typedef struct statement {
    uint64_t family;
    const char *source, *from, *to;
    double low, high;
    const char *qualifier;
    uint32_t claim, group;
} statement;

static int cmp_statement(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const statement *a = pa, *b = pb;
    if (a->family != b->family)
        return a->family < b->family ? -1 : 1;
    int c = strcmp(a->source, b->source);
    if (!c)
        c = strcmp(a->from, b->from);
    if (!c)
        c = strcmp(a->to, b->to);
    if (!c && a->low != b->low)
        c = a->low < b->low ? -1 : 1;
    if (!c && a->high != b->high)
        c = a->high < b->high ? -1 : 1;
    if (!c)
        c = strcmp(a->qualifier, b->qualifier);
    if (!c)
        c = a->group < b->group ? -1 : a->group > b->group;
    return c;
}

/* Claims merged into groups: within one story, claims of one measure
 * family whose values, actors, places and periods agree, from different
 * articles; across stories, claims of one statement (one named source, one
 * stated period, one value).  Members are laid out by group in sorted
 * claim order. */
static sitrep_status group_claims(sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->claims, sr_cclaim);
    uint32_t *order = c->mem->calloc(n ? n : 1, sizeof *order);
    uint32_t *member_group = c->mem->calloc(n ? n : 1, sizeof *member_group);
    /* a claim is compared with the last RULES.group_cap groups only: their
     * states in a ring, group g at g % ncap (memory per run, not per claim) */
    size_t ncap = RULES.group_cap ? RULES.group_cap : 1;
    group_state *ring = c->mem->calloc(ncap, sizeof *ring);
    sr_buf stmts;
    sr_buf_init(&stmts, c->mem);
    uint32_t *root = NULL, *renum = NULL;
    sitrep_status st = order && member_group && ring ? SITREP_OK : SITREP_ENOMEM;
    size_t m = 0;
    sr_cclaim *cl = (sr_cclaim *)(void *)c->claims.data;
    for (size_t i = 0; i < n && st == SITREP_OK; i++)
        if (cl[i].alive)
            order[m++] = (uint32_t)i;
    claim_key *keys = st == SITREP_OK ? c->mem->calloc(m ? m : 1, sizeof *keys) : NULL;
    if (st == SITREP_OK && !keys)
        st = SITREP_ENOMEM;
    for (size_t i = 0; i < m && st == SITREP_OK; i++) {
        const sr_cclaim *x = &cl[order[i]];
        keys[i] = (claim_key){story_of(c, x->doc_index), order[i], x->first, family_key(x), x->doc};
    }
    if (st == SITREP_OK && !sr_sort(keys, m, sizeof *keys, cmp_claim_key, NULL, c->mem))
        st = SITREP_ENOMEM;
    for (size_t i = 0; i < m && st == SITREP_OK; i++)
        order[i] = keys[i].claim;
    size_t run = 0, ng = 0;
    for (size_t i = 0; i < m && st == SITREP_OK; i++) {
        const sr_cclaim *x = &cl[order[i]];
        if (i > 0 && (keys[i].story != keys[i - 1].story || keys[i].family != keys[i - 1].family))
            run = i;
        /* the first group of this story and family it joins (of its last RULES.group_cap) */
        size_t first_group = run < i ? member_group[run] : ng;
        if (ng > first_group + RULES.group_cap)
            first_group = ng - RULES.group_cap;
        size_t g = ng;
        for (size_t k = first_group; k < ng && g == ng; k++)
            if (joins(c, cl, &ring[k % ncap], x))
                g = k;
        interval v = value_of(x);
        if (g == ng) {
            group_state s = {order[i], order[i], v.lo,      v.hi,      v.point,  v.lo,    order[i],
                             NULL,     UINT32_MAX, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN};
            group_add(c, &s, cl, order[i]);
            ring[ng % ncap] = s;
            ng++;
        } else {
            group_state *s = &ring[g % ncap];
            group_add(c, s, cl, order[i]);
            s->last = order[i];
            s->lo = v.lo > s->lo ? v.lo : s->lo;
            s->hi = v.hi < s->hi ? v.hi : s->hi;
            if (v.point) {
                s->has_point = true;
                s->point = v.lo;
            }
        }
        member_group[i] = (uint32_t)g;
        /* a named source's figure for a stated period: one statement
         * wherever it is told */
        if (named(x->attributed_to) && x->from[0]) {
            statement s = {keys[i].family, x->attributed_to, x->from, x->to, x->low, x->high, x->qualifier,
                           order[i], (uint32_t)g};
            if (!SR_VEC_PUSH(&stmts, statement, s))
                st = SITREP_ENOMEM;
        }
    }
    /* what the comparing needed goes before the groups are made */
    c->mem->free(ring);
    c->mem->free(keys);
    keys = NULL;
    root = st == SITREP_OK ? c->mem->calloc(ng ? ng : 1, sizeof *root) : NULL;
    renum = root ? c->mem->calloc(ng ? ng : 1, sizeof *renum) : NULL;
    if (st == SITREP_OK && !renum)
        st = SITREP_ENOMEM;
    for (size_t k = 0; k < ng && st == SITREP_OK; k++)
        root[k] = (uint32_t)k;
    statement *sm = (statement *)(void *)stmts.data;
    size_t ns = SR_VEC_COUNT(&stmts, statement);
    if (st == SITREP_OK && !sr_sort(sm, ns, sizeof *sm, cmp_statement, NULL, c->mem))
        st = SITREP_ENOMEM;
    for (size_t i = 0, j; i < ns && st == SITREP_OK; i = j) {
        for (j = i + 1; j < ns && sm[j].family == sm[i].family && strcmp(sm[j].source, sm[i].source) == 0 &&
                        strcmp(sm[j].from, sm[i].from) == 0 && strcmp(sm[j].to, sm[i].to) == 0 &&
                        sm[j].low == sm[i].low && sm[j].high == sm[i].high &&
                        strcmp(sm[j].qualifier, sm[i].qualifier) == 0;
             j++)
            ;
        for (size_t k = i + 1; k < j; k++) {
            const sr_cclaim *a = &cl[sm[i].claim], *b = &cl[sm[k].claim];
            if (actors_agree(a->actor, b->actor) && places_agree(a, b)) {
                uint32_t ra = gfind(root, sm[i].group), rb = gfind(root, sm[k].group);
                if (ra != rb)
                    root[ra > rb ? ra : rb] = ra < rb ? ra : rb;
            }
        }
    }
    /* the groups: one per root, numbered in order of their first member,
     * counted first so that their array is allocated to size */
    size_t nfinal = 0;
    for (size_t k = 0; k < ng && st == SITREP_OK; k++)
        renum[k] = UINT32_MAX;
    for (size_t i = 0; i < m && st == SITREP_OK; i++) {
        uint32_t r = gfind(root, member_group[i]);
        if (renum[r] == UINT32_MAX)
            renum[r] = (uint32_t)nfinal++;
        member_group[i] = renum[r];
        cl[order[i]].group = (int32_t)renum[r];
    }
    c->mem->free(root);
    c->mem->free(renum);
    sr_buf_free(&stmts);
    size_t base = SR_VEC_COUNT(&c->groups, sr_cgroup);
    size_t bytes = (base + nfinal) * sizeof(sr_cgroup) + 1;
    if (st == SITREP_OK && c->groups.cap < bytes) {
        char *p = c->mem->realloc(c->groups.data, bytes);
        if (!p)
            st = SITREP_ENOMEM;
        else
            c->groups.data = p, c->groups.cap = bytes;
    }
    for (size_t i = 0, made = 0; i < m && st == SITREP_OK; i++) {
        if (member_group[i] != made)
            continue; /* a group made before (numbered in order of first members) */
        sr_cgroup grp;
        memset(&grp, 0, sizeof grp);
        grp.rep = order[i];
        SR_VEC_PUSH(&c->groups, sr_cgroup, grp); /* room made above */
        made++;
    }
    if (st != SITREP_OK) {
        c->mem->free(order);
        c->mem->free(member_group);
        return st;
    }
    /* members by group, then each group's fields */
    ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    sr_cgroup *gs = (sr_cgroup *)(void *)c->groups.data;
    for (size_t i = 0; i < m; i++)
        gs[member_group[i]].nmembers++;
    size_t at = 0;
    for (size_t k = 0; k < ng; k++) {
        gs[k].first_member = (uint32_t)at;
        at += gs[k].nmembers;
        gs[k].nmembers = 0;
    }
    if (!sr_buf_reserve(&c->claim_members, m * sizeof(uint32_t))) {
        c->mem->free(order);
        c->mem->free(member_group);
        return SITREP_ENOMEM;
    }
    c->claim_members.len = m * sizeof(uint32_t);
    uint32_t *mem = (uint32_t *)(void *)c->claim_members.data;
    for (size_t i = 0; i < m; i++) {
        sr_cgroup *g = &gs[member_group[i]];
        mem[g->first_member + g->nmembers++] = order[i];
    }
    c->mem->free(order);
    c->mem->free(member_group);
    /* each group's members in document order (a statement told in several
     * stories has them from each) */
    for (size_t k = 0; k < ng; k++)
        if (gs[k].nmembers > 1 && !sr_sort(mem + gs[k].first_member, gs[k].nmembers, sizeof *mem, cmp_doc_order, c,
                                           c->mem))
            return SITREP_ENOMEM;
    const char **strs = c->mem->calloc(m ? m : 1, sizeof *strs);
    uint32_t *docs = c->mem->calloc(m ? m : 1, sizeof *docs);
    if (!strs || !docs) {
        c->mem->free(strs);
        c->mem->free(docs);
        return SITREP_ENOMEM;
    }
    for (size_t k = 0; k < ng; k++) {
        sr_cgroup *g = &gs[k];
        const uint32_t *ms = mem + g->first_member;
        uint32_t rep = ms[0];
        for (size_t j = 1; j < g->nmembers; j++)
            if (completeness(&cl[ms[j]]) > completeness(&cl[rep]))
                rep = ms[j];
        g->rep = rep;
        /* the fields most members state, read from the first members_read (a fact a
         * thousand articles repeat is decided by its first sixty-four, in
         * document order, so the cost per article stays flat) */
        size_t nm = g->nmembers < RULES.members_read ? g->nmembers : RULES.members_read;
        for (size_t j = 0; j < nm; j++)
            strs[j] = cl[ms[j]].actor;
        g->actor = most_common(strs, nm);
        for (size_t j = 0; j < nm; j++)
            strs[j] = cl[ms[j]].attributed_to;
        g->attributed_to = most_common(strs, nm);
        /* the period most members state; ties to the shortest */
        int bestn = 0;
        int32_t bestlen = INT32_MAX;
        for (size_t j = 0; j < nm; j++) {
            const sr_cclaim *x = &cl[ms[j]];
            if (!x->from[0])
                continue;
            int k2 = 0;
            for (size_t i2 = 0; i2 < nm; i2++)
                k2 += strcmp(cl[ms[i2]].from, x->from) == 0 && strcmp(cl[ms[i2]].to, x->to) == 0;
            int32_t len = day_of(x->to) - day_of(x->from);
            if (k2 > bestn || (k2 == bestn && len < bestlen)) {
                bestn = k2;
                bestlen = len;
                memcpy(g->from, x->from, 11);
                memcpy(g->to, x->to, 11);
            }
        }
        /* members are in document order: an article's claims are adjacent */
        size_t nd = 0;
        for (size_t j = 0; j < g->nmembers; j++)
            if (nd == 0 || docs[nd - 1] != cl[ms[j]].doc_index)
                docs[nd++] = cl[ms[j]].doc_index;
        g->outlets = (uint32_t)count_outlets(c, docs, nd, strs);
        char id[24];
        uint64_t h = sr_word_hash(cl[ms[0]].doc, strlen(cl[ms[0]].doc)) ^ sr_mix64(cl[ms[0]].first + 1);
        snprintf(id, sizeof id, "C%012llx", (unsigned long long)(sr_mix64(h) & 0xffffffffffffull));
        g->id = sr_arena_strndup(&c->arena, id, strlen(id));
        if (!g->id) {
            c->mem->free(strs);
            c->mem->free(docs);
            return SITREP_ENOMEM;
        }
    }
    c->mem->free(strs);
    c->mem->free(docs);
    return SITREP_OK;
}

/* ---- events ---- */

/* Are the two documents copies of one article? */
static bool copies(const sitrep_corpus *c, uint32_t a, uint32_t b)
{
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    uint32_t ra = docs[a].dup_of >= 0 ? (uint32_t)docs[a].dup_of : a;
    uint32_t rb = docs[b].dup_of >= 0 ? (uint32_t)docs[b].dup_of : b;
    return ra == rb;
}

/* Is the event's date read against a day its article borrowed from its
 * story (the article states no date of its own, cluster/stories.c)?  A
 * date within rules.story_days of that day may be a "Tuesday" or an
 * "earlier this week" read against it; one further back names its month
 * or year. */
static bool borrowed_day(const sitrep_corpus *c, const sr_cevent *e)
{
    const sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, e->doc_index);
    if (x->day != INT32_MIN || !x->inferred[0] || !e->to[0])
        return false;
    int32_t d = day_of(x->inferred) - day_of(e->to);
    return d <= RULES.story_days && d >= -RULES.story_days;
}

static bool events_agree(const sitrep_corpus *c, const sr_cevent *a, const sr_cevent *b)
{
    if (a->doc_index == b->doc_index)
        return false;
    bool sa = strcmp(a->type, "Strategic developments") == 0, sb = strcmp(b->type, "Strategic developments") == 0;
    if (sa != sb || (sa && strcmp(a->sub, b->sub) != 0))
        return false;
    /* undated events merge only as copies of one article, one for one;
     * so do events dated only by their report's window (sharing the
     * month before two reports is no evidence of one happening), and
     * events dated by a day their article borrowed from its story: its
     * "Tuesday" was read against another article's day, so the two agree
     * by construction (an article on an arrest a month before would
     * borrow the later one's week); such an event merges as the copy of
     * one, or at the same town its own text names */
    bool borrowed = borrowed_day(c, a) || borrowed_day(c, b);
    if (!a->from[0] || !b->from[0] || a->date_from_report || b->date_from_report ||
        (borrowed && (a->location != b->location || !a->admin1)))
        return copies(c, a->doc_index, b->doc_index) && strcmp(a->sub, b->sub) == 0 &&
               a->location == b->location;
    if (!periods_overlap(a->from, a->to, b->from, b->to))
        return false;
    /* the same place, or places of one country (a town and the country
     * the other article names: a location without a province); two
     * different towns are two happenings */
    if (a->location != b->location &&
        (!a->country[0] || strcmp(a->country, b->country) != 0 || (a->admin1 && b->admin1)))
        return false;
    if (a->has_fat && b->has_fat && a->fat_low != b->fat_low)
        return false;
    return true;
}

static sitrep_status group_events(sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->events, sr_cevent);
    uint32_t *order = c->mem->calloc(n ? n : 1, sizeof *order);
    uint32_t *member_group = c->mem->calloc(n ? n : 1, sizeof *member_group);
    if (!order || !member_group) {
        c->mem->free(order);
        c->mem->free(member_group);
        return SITREP_ENOMEM;
    }
    size_t m = 0;
    sr_cevent *ev = (sr_cevent *)(void *)c->events.data;
    for (size_t i = 0; i < n; i++)
        if (ev[i].alive)
            order[m++] = (uint32_t)i;
    event_key *keys = c->mem->calloc(m ? m : 1, sizeof *keys);
    for (size_t i = 0; i < m && keys; i++) {
        const sr_cevent *e = &ev[order[i]];
        keys[i] = (event_key){story_of(c, e->doc_index), order[i], e->first,
                              e->country[0] ? e->country : (e->location ? e->location : ""), e->doc};
    }
    if (!keys || !sr_sort(keys, m, sizeof *keys, cmp_event_key, NULL, c->mem)) {
        c->mem->free(keys);
        c->mem->free(order);
        c->mem->free(member_group);
        return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < m; i++)
        order[i] = keys[i].event;
    size_t run = 0;
    for (size_t i = 0; i < m; i++) {
        if (i > 0 && (keys[i].story != keys[i - 1].story || strcmp(keys[i].place, keys[i - 1].place) != 0))
            run = i;
        size_t ng = SR_VEC_COUNT(&c->egroups, sr_cegroup);
        size_t first_group = run < i ? member_group[run] : ng;
        if (ng > first_group + RULES.group_cap)
            first_group = ng - RULES.group_cap;
        int32_t g = -1;
        for (size_t k = first_group; k < ng && g < 0; k++) {
            const sr_cegroup *gk = &SR_VEC_AT(&c->egroups, sr_cegroup, k);
            if (events_agree(c, &ev[gk->rep], &ev[order[i]]) &&
                ev[gk->first_member].doc_index != ev[order[i]].doc_index)
                g = (int32_t)k;
        }
        if (g >= 0)
            SR_VEC_AT(&c->egroups, sr_cegroup, g).first_member = order[i];
        if (g < 0) {
            sr_cegroup grp = {order[i], order[i], 0, NULL};
            g = (int32_t)ng;
            if (!SR_VEC_PUSH(&c->egroups, sr_cegroup, grp)) {
                c->mem->free(keys);
                c->mem->free(order);
                c->mem->free(member_group);
                return SITREP_ENOMEM;
            }
        }
        member_group[i] = (uint32_t)g;
        ev[order[i]].group = g;
    }
    c->mem->free(keys);
    size_t ng = SR_VEC_COUNT(&c->egroups, sr_cegroup);
    sr_cegroup *gs = (sr_cegroup *)(void *)c->egroups.data;
    for (size_t i = 0; i < m; i++)
        gs[member_group[i]].nmembers++;
    size_t at = 0;
    for (size_t k = 0; k < ng; k++) {
        gs[k].first_member = (uint32_t)at;
        at += gs[k].nmembers;
        gs[k].nmembers = 0;
    }
    if (!sr_buf_reserve(&c->event_members, m * sizeof(uint32_t))) {
        c->mem->free(order);
        c->mem->free(member_group);
        return SITREP_ENOMEM;
    }
    c->event_members.len = m * sizeof(uint32_t);
    uint32_t *mem = (uint32_t *)(void *)c->event_members.data;
    for (size_t i = 0; i < m; i++) {
        sr_cegroup *g = &gs[member_group[i]];
        mem[g->first_member + g->nmembers++] = order[i];
    }
    c->mem->free(order);
    c->mem->free(member_group);
    for (size_t k = 0; k < ng; k++) {
        sr_cegroup *g = &gs[k];
        const uint32_t *ms = mem + g->first_member;
        /* shown: the member with a date, a place, a toll and actors (a date
         * or place its text gives, not its report's), then the first */
        uint32_t rep = ms[0];
        for (size_t j = 1; j < g->nmembers; j++) {
            const sr_cevent *a = &ev[ms[j]], *b = &ev[rep];
            int sa = (a->from[0] && !a->date_from_report ? 8 : 0) + (a->location && !a->place_from_report ? 4 : 0) +
                     (a->has_fat || a->has_inj ? 2 : 0) + (a->nactors ? 1 : 0);
            int sb = (b->from[0] && !b->date_from_report ? 8 : 0) + (b->location && !b->place_from_report ? 4 : 0) +
                     (b->has_fat || b->has_inj ? 2 : 0) + (b->nactors ? 1 : 0);
            /* of two places the text gives, the more specific (a town or
             * region, not only the country) */
            if (sa > sb || (sa == sb && (sa & 4) && a->admin1 && !b->admin1))
                rep = ms[j];
        }
        g->rep = rep;
        char id[24];
        uint64_t h = sr_word_hash(ev[ms[0]].doc, strlen(ev[ms[0]].doc)) ^ sr_mix64(ev[ms[0]].first + 7);
        snprintf(id, sizeof id, "V%012llx", (unsigned long long)(sr_mix64(h) & 0xffffffffffffull));
        g->id = sr_arena_strndup(&c->arena, id, strlen(id));
        if (!g->id)
            return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

/* ---- conflicts ---- */

uint64_t sr_claim_scope(const sitrep_corpus *c, const sr_cgroup *g, bool with_period)
{
    const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, g->rep);
    /* the family of the measure: the fact key without its value */
    uint64_t h = sr_claim_key(x->measure, 0, 0);
    if (g->actor)
        h = sr_mix64(h ^ sr_word_hash(g->actor, strlen(g->actor)));
    uint64_t places = 0;
    for (size_t i = 0; i < x->nplaces; i++)
        places += sr_mix64(sr_word_hash(x->places[i], strlen(x->places[i]))); /* order-free */
    h = sr_mix64(h ^ places);
    if (with_period && g->from[0])
        h = sr_mix64(h ^ sr_word_hash(g->from, 10) ^ (sr_word_hash(g->to, 10) << 1));
    return h;
}

static void value_text(const sr_cclaim *x, char *out, size_t cap)
{
    const char *q = x->qualifier;
    const char *word = strcmp(q, "approximately") == 0 ? "about "
                       : strcmp(q, "more_than") == 0   ? "more than "
                       : strcmp(q, "at_least") == 0    ? "at least "
                       : strcmp(q, "fewer_than") == 0  ? "fewer than "
                       : strcmp(q, "up_to") == 0       ? "up to "
                                                       : "";
    if (x->low != x->high)
        snprintf(out, cap, "%s%.15g to %.15g", word, x->low, x->high);
    else
        snprintf(out, cap, "%s%.15g", word, x->low);
}

static sitrep_status add_conflict(sitrep_corpus *c, uint32_t a, uint32_t b, uint8_t kind, const char *reason)
{
    const sr_cgroup *g = (const sr_cgroup *)(const void *)c->groups.data;
    if (kind == SR_CONFLICT_DISPUTE && strcmp(g[a].id, g[b].id) > 0) {
        uint32_t t = a; /* a dispute's pair in id order; an update's earlier report first */
        a = b;
        b = t;
    }
    sr_cconflict cf;
    memset(&cf, 0, sizeof cf);
    cf.a = a, cf.b = b, cf.kind = kind;
    sitrep_status st = sr_corpus_keep_reason(c, &cf, reason, strlen(reason)); /* on disk till written */
    if (st != SITREP_OK)
        return st;
    if (!SR_VEC_PUSH(&c->conflicts, sr_cconflict, cf))
        return SITREP_ENOMEM;
    if (kind == SR_CONFLICT_DISPUTE) {
        sr_cgroup *gs = (sr_cgroup *)(void *)c->groups.data;
        gs[a].contested = gs[b].contested = 1;
    }
    return SITREP_OK;
}

/* When a group's figure was reported: the days its articles state it
 * (the day its source spoke where given, else the article's date); both
 * INT32_MIN when none is dated. */
typedef struct reported {
    int32_t from, to;
} reported;

static reported reported_days(const sitrep_corpus *c, const sr_cgroup *g)
{
    const uint32_t *mem = (const uint32_t *)(const void *)c->claim_members.data;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    reported r = {INT32_MIN, INT32_MIN};
    for (size_t j = 0; j < g->nmembers && j < RULES.members_read; j++) {
        const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, mem[g->first_member + j]);
        int32_t d = x->said[0] ? day_of(x->said) : docs[x->doc_index].day;
        if (d == INT32_MIN)
            continue;
        if (r.from == INT32_MIN || d < r.from)
            r.from = d;
        if (r.to == INT32_MIN || d > r.to)
            r.to = d;
    }
    return r;
}

/* Who a group's figure is from, for a reason: its source, else the outlet
 * of its first article. */
static const char *who(const sitrep_corpus *c, const sr_cgroup *g)
{
    if (g->attributed_to)
        return g->attributed_to;
    const uint32_t *mem = (const uint32_t *)(const void *)c->claim_members.data;
    const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, mem[g->first_member]);
    const sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, x->doc_index);
    return d->outlet ? d->outlet : d->id;
}

/* A period of one happening: unstated, or a few days at most. */
static bool incident_period(const sr_cgroup *g)
{
    return !g->from[0] || day_of(g->to) - day_of(g->from) < RULES.trend_days;
}

static bool same_places(const sr_cclaim *a, const sr_cclaim *b)
{
    if (a->nplaces != b->nplaces)
        return false;
    for (size_t i = 0; i < a->nplaces; i++) {
        bool in = false;
        for (size_t j = 0; j < b->nplaces && !in; j++)
            in = a->places[i] == b->places[j];
        if (!in)
            return false;
    }
    return true;
}

/* One scope, for figures of one story.  Tolls of the happening (an
 * outcome counted over a few days at most): of one kind of people, or one
 * of them of anyone ("fighters killed" and "people killed" may count the
 * same dead, "leaders killed" and "perpetrators killed" do not), with
 * actors and places that agree.  Other figures: the same actor, the same
 * places and the same period where both state one (half a year and a
 * year are two scopes); a figure with no actor and no place compares only
 * with one of the same stated period. */
static bool same_scope(const sr_cgroup *a, const sr_cclaim *xa, const sr_cgroup *b, const sr_cclaim *xb)
{
    const char *ha, *hb;
    size_t na, nb;
    bool oa = sr_measure_outcome(xa->measure, &ha, &na), ob = sr_measure_outcome(xb->measure, &hb, &nb);
    if (oa && ob && incident_period(a) && incident_period(b)) {
        bool heads = (na == nb && (na == 0 || memcmp(ha, hb, na) == 0)) ||
                     (ha && sr_lex_in(sr_lex_find(ha, na), SR_LEX_STORIES_TOLL_GENERIC)) ||
                     (hb && sr_lex_in(sr_lex_find(hb, nb), SR_LEX_STORIES_TOLL_GENERIC));
        /* and of one happening: days stated for both that do not meet are
         * two incidents' ("40 killed on Monday", "25 killed on Wednesday") */
        return heads && actors_agree(a->actor, b->actor) && places_agree(xa, xb) &&
               periods_overlap(a->from, a->to, b->from, b->to);
    }
    if (oa != ob || (oa && incident_period(a) != incident_period(b)))
        return false; /* a toll of one happening and a count over months */
    if (named_actor(a->actor) != named_actor(b->actor) || !same_places(xa, xb))
        return false;
    if (!oa && !named_actor(a->actor) && !xa->nplaces)
        return false; /* a count of nothing stated (no actor, no place): "7 seasons" and "more
                       * than 3 seasons" may well count two coaches', "$20 million" and "$180
                       * million" two offers, whatever period each states */
    return !a->from[0] || !b->from[0] || (strcmp(a->from, b->from) == 0 && strcmp(a->to, b->to) == 0);
}

/* Figures twenty times apart are not two estimates of one thing: "at
 * least 27 killed" in an attack and "more than 20,000 killed since 2015"
 * count different things. */
static bool comparable(const sr_cclaim *xa, const sr_cclaim *xb)
{
    double small = xa->high < xb->high ? xa->high : xb->high;
    double large = xa->low > xb->low ? xa->low : xb->low;
    return !(small > 0 && large > RULES.conflict_ratio * small);
}

static void iso_of(int32_t day, char out[11])
{
    sr_date d = sr_date_from_days(day);
    sr_date_iso(&d, out);
}

typedef struct timed {
    uint32_t group;
    reported when;
} timed;

static int cmp_timed(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const timed *a = pa, *b = pb;
    if (a->when.from != b->when.from)
        return a->when.from < b->when.from ? -1 : 1;
    if (a->when.to != b->when.to)
        return a->when.to < b->when.to ? -1 : 1;
    return a->group < b->group ? -1 : a->group > b->group;
}

static uint64_t full_scope_key(const sitrep_corpus *c, const sr_cgroup *g);

/* Does the later figure of a count that only grows (data/lex/stories.lex,
 * toll_cumulative) start below the earlier one ("at least 50", then "at
 * least 29")? */
static bool falls_below(const sr_cclaim *earlier, const sr_cclaim *later)
{
    const char *last = strrchr(later->measure, ' ');
    last = last ? last + 1 : later->measure;
    if (!sr_lex_in(sr_lex_find(last, strlen(last)), SR_LEX_STORIES_TOLL_CUMULATIVE))
        return false;
    return value_of(later).lo < value_of(earlier).lo;
}

/* The claims of one story and measure family (groups[0..n), any order):
 * disputes (two named sources with figures no qualifier reconciles,
 * reported over the same days) and updates (a figure reported after
 * another of the same scope, by the next report: a toll that rises over
 * days is revised, not disputed). */
static sitrep_status story_conflicts(sitrep_corpus *c, timed *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        t[i].when = reported_days(c, &SR_VEC_AT(&c->groups, sr_cgroup, t[i].group));
    if (!sr_sort(t, n, sizeof *t, cmp_timed, NULL, c->mem))
        return SITREP_ENOMEM;
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        bool updated = false;
        for (size_t j = i + 1; j < n && j < i + RULES.conflict_peers && st == SITREP_OK; j++) {
            const sr_cgroup *a = &SR_VEC_AT(&c->groups, sr_cgroup, t[i].group);
            const sr_cgroup *b = &SR_VEC_AT(&c->groups, sr_cgroup, t[j].group);
            const sr_cclaim *xa = &SR_VEC_AT(&c->claims, sr_cclaim, a->rep);
            const sr_cclaim *xb = &SR_VEC_AT(&c->claims, sr_cclaim, b->rep);
            interval va0 = value_of(xa), vb0 = value_of(xb);
            if ((va0.lo == vb0.lo && va0.hi == vb0.hi) || !same_scope(a, xa, b, xb) || !comparable(xa, xb))
                continue; /* one figure, or two scopes */
            reported ra = t[i].when, rb = t[j].when;
            const char *ha;
            size_t na;
            bool later = ra.to != INT32_MIN && rb.from != INT32_MIN && rb.from > ra.to;
            if (!later && !values_differ(xa, xb))
                continue; /* "at least 12" and 18 on one day: no disagreement; later, a revision */
            if (later && falls_below(xa, xb))
                continue; /* "at least 50 killed", then 29 three days on: another happening's dead */
            if (later && !(sr_measure_outcome(xa->measure, &ha, &na) && sr_measure_outcome(xb->measure, &ha, &na)))
                continue; /* a revision is of a happening's toll: "$20 million" on Thursday and "$180
                           * million" on Tuesday are two offers, not one count revised */
            char va[64], vb[64], reason[600];
            value_text(xa, va, sizeof va);
            value_text(xb, vb, sizeof vb);
            if (later && !updated) {
                /* the next report of the scope revises it */
                char da[11], db[11];
                iso_of(ra.to, da);
                iso_of(rb.from, db);
                snprintf(reason, sizeof reason, "%s reported %s %s on %s; %s reported %s on %s, a later count.",
                         who(c, a), va, xa->measure, da, who(c, b), vb, db);
                st = add_conflict(c, t[i].group, t[j].group, SR_CONFLICT_UPDATE, reason);
                updated = true;
            } else if (!later && ((ra.to != INT32_MIN && rb.from != INT32_MIN) ||
                                  (full_scope_key(c, a) && full_scope_key(c, b))) &&
                       named(a->attributed_to) && named(b->attributed_to) && a->attributed_to != b->attributed_to) {
                /* a dispute: figures reported over the same days, each known
                 * from its own article (an article dated only by its story
                 * may report a look-alike happening of another year), or
                 * of one scope stated in full (one actor's strength in one
                 * country, as across stories) */
                snprintf(reason, sizeof reason, "%s puts the %s at %s; %s puts them at %s.", a->attributed_to,
                         xa->measure, va, b->attributed_to, vb);
                st = add_conflict(c, t[i].group, t[j].group, SR_CONFLICT_DISPUTE, reason);
            }
        }
    }
    return st;
}

typedef struct scoped {
    uint64_t key;
    int32_t story;
    uint32_t group;
} scoped;

static int cmp_scoped(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *sort_corpus = ctx;
    const scoped *a = pa, *b = pb;
    if (a->story != b->story)
        return a->story < b->story ? -1 : 1;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    const sr_cgroup *gs = (const sr_cgroup *)(const void *)sort_corpus->groups.data;
    return strcmp(gs[a->group].id, gs[b->group].id);
}

/* A scope stated in full: the measure family, its actor and its places
 * (the period apart), for figures compared across stories. */
static uint64_t full_scope_key(const sitrep_corpus *c, const sr_cgroup *g)
{
    const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, g->rep);
    if (!g->actor || !x->nplaces)
        return 0;
    uint64_t h = sr_mix64(family_key(x) ^ sr_word_hash(g->actor, strlen(g->actor)));
    uint64_t places = 0;
    for (size_t i = 0; i < x->nplaces; i++)
        places += sr_mix64(sr_word_hash(x->places[i], strlen(x->places[i]))); /* order-free */
    return sr_mix64(h ^ places) | 1;
}

/* The story of a group: of its first member. */
static int32_t group_story(const sitrep_corpus *c, const sr_cgroup *g)
{
    const uint32_t *mem = (const uint32_t *)(const void *)c->claim_members.data;
    return story_of(c, SR_VEC_AT(&c->claims, sr_cclaim, mem[g->first_member]).doc_index);
}

static sitrep_status find_conflicts(sitrep_corpus *c)
{
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    scoped *sc = c->mem->calloc(ng ? ng : 1, sizeof *sc);
    /* a story's groups of one family are compared RULES.group_cap at most */
    timed *t = c->mem->calloc(ng < RULES.group_cap ? (ng ? ng : 1) : RULES.group_cap + 1, sizeof *t);
    if (!sc || !t) {
        c->mem->free(sc);
        c->mem->free(t);
        return SITREP_ENOMEM;
    }
    sr_cgroup *gs = (sr_cgroup *)(void *)c->groups.data;
    /* within one story: by story and measure family */
    for (size_t k = 0; k < ng; k++)
        sc[k] = (scoped){family_key(&SR_VEC_AT(&c->claims, sr_cclaim, gs[k].rep)), group_story(c, &gs[k]),
                         (uint32_t)k};
    sitrep_status st = sr_sort(sc, ng, sizeof *sc, cmp_scoped, c, c->mem) ? SITREP_OK : SITREP_ENOMEM;
    for (size_t i = 0, j; i < ng && st == SITREP_OK; i = j) {
        for (j = i + 1; j < ng && sc[j].story == sc[i].story && sc[j].key == sc[i].key; j++)
            ;
        if (j - i < 2)
            continue;
        size_t n = 0;
        for (size_t k = i; k < j && n < RULES.group_cap; k++)
            t[n++] = (timed){sc[k].group, {0, 0}};
        st = story_conflicts(c, t, n);
    }
    /* across stories: two named sources' figures for one fully stated
     * scope (the strength of one group in one country) */
    size_t m = 0;
    gs = (sr_cgroup *)(void *)c->groups.data;
    for (size_t k = 0; k < ng && st == SITREP_OK; k++) {
        uint64_t key = named(gs[k].attributed_to) ? full_scope_key(c, &gs[k]) : 0;
        if (key)
            sc[m++] = (scoped){key, 0, (uint32_t)k};
    }
    if (st == SITREP_OK && !sr_sort(sc, m, sizeof *sc, cmp_scoped, c, c->mem))
        st = SITREP_ENOMEM;
    for (size_t i = 0; i < m && st == SITREP_OK; i++) {
        for (size_t j = i + 1; j < m && j < i + RULES.conflict_peers && sc[j].key == sc[i].key && st == SITREP_OK; j++) {
            gs = (sr_cgroup *)(void *)c->groups.data;
            const sr_cgroup *a = &gs[sc[i].group], *b = &gs[sc[j].group];
            const sr_cclaim *xa = &SR_VEC_AT(&c->claims, sr_cclaim, a->rep);
            const sr_cclaim *xb = &SR_VEC_AT(&c->claims, sr_cclaim, b->rep);
            if (group_story(c, a) == group_story(c, b) || a->attributed_to == b->attributed_to ||
                a->actor != b->actor || !values_differ(xa, xb) || !same_scope(a, xa, b, xb) ||
                !comparable(xa, xb))
                continue;
            char va[64], vb[64], reason[600];
            value_text(xa, va, sizeof va);
            value_text(xb, vb, sizeof vb);
            snprintf(reason, sizeof reason, "%s puts the %s at %s; %s puts them at %s.", a->attributed_to,
                     xa->measure, va, b->attributed_to, vb);
            st = add_conflict(c, sc[i].group, sc[j].group, SR_CONFLICT_DISPUTE, reason);
        }
    }
    c->mem->free(sc);
    c->mem->free(t);
    return st;
}

/* ---- trends ---- */

static bool full_year(const char *from, const char *to)
{
    return from[0] && strcmp(from + 4, "-01-01") == 0 && strcmp(to + 4, "-12-31") == 0 &&
           strncmp(from, to, 4) == 0;
}

/* Does the sentence speak of the measure ("attacks" for a series of attacks)? */
static bool mentions_family(const char *sentence, const char *measure)
{
    char fam[40];
    const char *last = strrchr(measure, ' ');
    last = last ? last + 1 : measure;
    size_t n = strlen(last);
    if (n > 3 && last[n - 1] == 's')
        n--;
    if (n >= sizeof fam || n < 3)
        return false;
    memcpy(fam, last, n);
    fam[n] = '\0';
    for (const char *p = sentence; *p; p++) {
        size_t k = 0;
        while (k < n && p[k] && (p[k] | 0x20) == fam[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

static sitrep_status find_trends(sitrep_corpus *c)
{
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    scoped *sc = c->mem->calloc(ng ? ng : 1, sizeof *sc);
    if (!sc)
        return SITREP_ENOMEM;
    sr_cgroup *gs = (sr_cgroup *)(void *)c->groups.data;
    size_t m = 0;
    /* the points: figures of a named source for a period of at least
     * rules.trend_days, of a scope stated in full (one measure, one actor,
     * the same places): a toll of one day is no point of a series */
    for (size_t k = 0; k < ng; k++) {
        if (!gs[k].from[0] || !named(gs[k].attributed_to) ||
            day_of(gs[k].to) - day_of(gs[k].from) + 1 < RULES.trend_days)
            continue;
        uint64_t key = full_scope_key(c, &gs[k]);
        if (key)
            sc[m++] = (scoped){key, 0, (uint32_t)k};
    }
    if (!sr_sort(sc, m, sizeof *sc, cmp_scoped, c, c->mem)) {
        c->mem->free(sc);
        return SITREP_ENOMEM;
    }
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < m && st == SITREP_OK;) {
        size_t j = i;
        while (j < m && sc[j].key == sc[i].key)
            j++;
        /* the points: distinct periods, by start */
        uint32_t pts[TREND_POINTS];
        size_t np = 0;
        for (size_t k = i; k < j && np < TREND_POINTS; k++) {
            const sr_cgroup *g = &gs[sc[k].group];
            bool dup = false;
            for (size_t q = 0; q < np && !dup; q++)
                dup = periods_overlap(gs[pts[q]].from, gs[pts[q]].to, g->from, g->to);
            if (!dup)
                pts[np++] = sc[k].group;
        }
        i = j;
        if (np < 2)
            continue;
        for (size_t a = 1; a < np; a++) /* insertion sort by period start */
            for (size_t b = a; b > 0 && strcmp(gs[pts[b - 1]].from, gs[pts[b]].from) > 0; b--) {
                uint32_t t = pts[b];
                pts[b] = pts[b - 1];
                pts[b - 1] = t;
            }
        sr_ctrend tr;
        memset(&tr, 0, sizeof tr);
        memcpy(tr.groups, pts, np * sizeof pts[0]);
        tr.npoints = (uint8_t)np;
        tr.projection = tr.ratio = -1;
        tr.check = -1;
        const sr_cgroup *last = &gs[pts[np - 1]], *prev = &gs[pts[np - 2]];
        const sr_cclaim *lx = &SR_VEC_AT(&c->claims, sr_cclaim, last->rep);
        const sr_cclaim *px = &SR_VEC_AT(&c->claims, sr_cclaim, prev->rep);
        /* a part of a year from 1 January: projected to the whole year */
        if (strcmp(last->from + 4, "-01-01") == 0 && !full_year(last->from, last->to) &&
            strncmp(last->from, last->to, 4) == 0) {
            int32_t covered = day_of(last->to) - day_of(last->from) + 1;
            int year = atoi(last->from);
            int32_t whole = (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 366 : 365;
            tr.projection = lx->low * whole / covered;
            snprintf(tr.proj_from, 11, "%.4s-01-01", last->from);
            snprintf(tr.proj_to, 11, "%.4s-12-31", last->from);
            char basis[200];
            snprintf(basis, sizeof basis, "%.15g in %d days (%s to %s) annualised to %d days", lx->low,
                     covered, last->from, last->to, whole);
            tr.basis = sr_arena_strndup(&c->arena, basis, strlen(basis));
            if (!tr.basis) {
                st = SITREP_ENOMEM;
                break;
            }
            if (full_year(prev->from, prev->to) && px->low > 0)
                tr.ratio = tr.projection / px->low;
        } else if (px->low > 0 && day_of(last->to) - day_of(last->from) == day_of(prev->to) - day_of(prev->from)) {
            tr.ratio = lx->low / px->low; /* two periods of one length */
        }
        /* the articles' own words, checked */
        /* the trend sentences of the articles that state its points */
        const sr_ctrendword *tw = (const sr_ctrendword *)(const void *)c->trendwords.data;
        const uint32_t *mem = (const uint32_t *)(const void *)c->claim_members.data;
        const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
        for (size_t q = 0; q < np && tr.ratio >= 0; q++)
            for (size_t r = 0; r < gs[pts[q]].nmembers && r < RULES.members_read; r++) {
                uint32_t d = SR_VEC_AT(&c->claims, sr_cclaim, mem[gs[pts[q]].first_member + r]).doc_index;
                for (uint32_t w = docs[d].words0; w < docs[d].words1; w++) {
                    if (!tw[w].alive || !mentions_family(tw[w].quote, lx->measure))
                        continue;
                    if (tr.check < 0 || strcmp(docs[d].id, docs[tw[tr.check].doc_index].id) < 0 ||
                        (d == tw[tr.check].doc_index && w < (uint32_t)tr.check))
                        tr.check = (int32_t)w;
                }
            }
        if (tr.check >= 0) {
            double r = tr.ratio;
            bool ok;
            switch (tw[tr.check].kind) {
            case SR_TREND_DOUBLE: ok = r >= RULES.trend_double; break;
            case SR_TREND_TRIPLE: ok = r >= RULES.trend_triple; break;
            case SR_TREND_HALF: ok = r <= RULES.trend_half; break;
            case SR_TREND_RISE: ok = r > RULES.trend_rise; break;
            default: ok = r < RULES.trend_fall; break;
            }
            tr.verdict = ok ? "confirmed" : "contradicted";
        }
        if (!SR_VEC_PUSH(&c->trends, sr_ctrend, tr))
            st = SITREP_ENOMEM;
    }
    c->mem->free(sc);
    return st;
}

/* The articles of one claim that date its statement differently (two say
 * it came on Wednesday, a third on Monday): a conflict naming that claim. */
static sitrep_status date_conflicts(sitrep_corpus *c)
{
    static const char *const days[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    const uint32_t *mem = (const uint32_t *)(const void *)c->claim_members.data;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    for (size_t k = 0; k < ng; k++) {
        sr_cgroup *g = &SR_VEC_AT(&c->groups, sr_cgroup, k);
        const char *dates[DATE_SOURCES];
        char who[DATE_SOURCES][160];
        size_t nd = 0;
        /* the articles of one story: a statement told again in another
         * story weeks later may well have been made again */
        int32_t story = group_story(c, g);
        for (size_t j = 0; j < g->nmembers && j < RULES.members_read; j++) {
            const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, mem[g->first_member + j]);
            if (!x->said[0] || story_of(c, x->doc_index) != story)
                continue;
            size_t q = 0;
            while (q < nd && strcmp(dates[q], x->said) != 0)
                q++;
            const sr_cdoc *d = &docs[x->doc_index];
            const char *name = d->outlet ? d->outlet : d->id;
            if (q == nd) {
                if (nd == DATE_SOURCES)
                    continue;
                dates[nd] = x->said;
                who[nd][0] = '\0';
                nd++;
            }
            size_t l = strlen(who[q]);
            if (!strstr(who[q], name))
                snprintf(who[q] + l, sizeof who[q] - l, "%s%s", l ? " and " : "", name);
        }
        if (nd < 2)
            continue;
        char reason[900];
        size_t l = 0;
        for (size_t q = 0; q < nd && l < sizeof reason; q++) {
            sr_date dd;
            int wd = 0;
            if (sr_date_scan(dates[q], &dd))
                wd = sr_date_weekday(&dd);
            l += (size_t)snprintf(reason + l, sizeof reason - l, "%s%s date%s the statement %s%s%s%s",
                                  q ? "; " : "", who[q], strstr(who[q], " and ") ? "" : "s",
                                  wd >= 1 && wd <= 7 ? days[wd] : "", wd ? " (" : "", dates[q], wd ? ")" : "");
        }
        if (l < sizeof reason - 1)
            reason[l++] = '.', reason[l] = '\0';
        sitrep_status st = add_conflict(c, (uint32_t)k, (uint32_t)k, SR_CONFLICT_DISPUTE, reason);
        if (st != SITREP_OK)
            return st;
    }
    return SITREP_OK;
}

/* What the claims' groups say among themselves: conflicts, dated
 * conflicts and trends (the claims held). */
static sitrep_status claim_relations(sitrep_corpus *c)
{
    sitrep_status st = find_conflicts(c);
    if (st == SITREP_OK)
        st = date_conflicts(c);
    if (st == SITREP_OK)
        st = find_trends(c);
    if (st == SITREP_OK) {
        sr_buf_fit(&c->conflicts);
        sr_buf_fit(&c->trends);
    }
    return st;
}

sitrep_status sr_corroborate_claims(sitrep_corpus *c)
{
    sitrep_status st = sr_corpus_hold(c, SR_HOLD_CLAIMS);
    if (st == SITREP_OK)
        st = group_claims(c);
    if (st == SITREP_OK)
        st = claim_relations(c);
    return st;
}

sitrep_status sr_corroborate_events(sitrep_corpus *c)
{
    sitrep_status st = sr_corpus_hold(c, SR_HOLD_EVENTS);
    if (st == SITREP_OK)
        st = group_events(c);
    if (st == SITREP_OK)
        sr_buf_fit(&c->egroups); /* kept to the end of the run */
    return st;
}

sitrep_status sr_corroborate(sitrep_corpus *c)
{
    /* the claims and the events in memory one at a time (corpus.h): the
     * claims grouped, the events grouped, then the claims' relations */
    sitrep_status st = sr_corpus_hold(c, SR_HOLD_CLAIMS);
    if (st == SITREP_OK)
        st = group_claims(c);
    if (st == SITREP_OK)
        st = sr_corroborate_events(c);
    if (st == SITREP_OK)
        st = sr_corpus_hold(c, SR_HOLD_CLAIMS);
    if (st == SITREP_OK)
        st = claim_relations(c);
    return st;
}
