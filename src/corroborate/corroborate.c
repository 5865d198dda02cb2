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
 * agrees with its country), and the periods overlap where both are known.
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
#include "wordhash.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- policy: the numbers that decide what agrees, what conflicts and
 * what a trend is (named here, in one place) ---- */
#define GROUP_CAP 64         /* groups of one key compared with a new claim (the last ones) */
#define MEMBERS_READ 64      /* members read per merged fact: its fields, its dates, its trend
                              * sentences (a fact a thousand articles repeat is decided by its
                              * first sixty-four, so the cost per article stays flat) */
#define CONFLICT_PEERS 16    /* merged facts of one scope compared with each other */
#define CONFLICT_RATIO 20.0  /* figures this many times apart count different things, not
                              * two estimates of one ("27 killed" in an attack and "20,000
                              * killed since 2015") */
#define DATE_SOURCES 8       /* the distinct statement dates a date conflict names */
#define TREND_DOUBLE 1.8     /* the ratio to the previous period that confirms "doubled" */
#define TREND_TRIPLE 2.7     /* ... "tripled" */
#define TREND_HALF 0.6       /* ... "halved" (at most) */
#define TREND_RISE 1.05      /* ... "rose" (above) */
#define TREND_FALL 0.95      /* ... "fell" (below) */

/* ---- helpers ---- */

static int32_t day_of(const char *iso)
{
    sr_date d;
    if (!iso[0] || sscanf(iso, "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
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

static bool claims_agree(const sr_cclaim *a, const sr_cclaim *b)
{
    return a->doc_index != b->doc_index && qualifiers_agree(a->qualifier, b->qualifier) &&
           (!a->actor || !b->actor || a->actor == b->actor) && places_agree(a, b) &&
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

static int cmp_claim(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *sort_corpus = ctx;
    const sr_cclaim *cl = (const sr_cclaim *)(const void *)sort_corpus->claims.data;
    const sr_cclaim *a = &cl[*(const uint32_t *)pa], *b = &cl[*(const uint32_t *)pb];
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    int c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->first < b->first ? -1 : a->first > b->first;
}

static int cmp_event(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *sort_corpus = ctx;
    const sr_cevent *ev = (const sr_cevent *)(const void *)sort_corpus->events.data;
    const sr_cevent *a = &ev[*(const uint32_t *)pa], *b = &ev[*(const uint32_t *)pb];
    const char *ka = a->country[0] ? a->country : (a->location ? a->location : "");
    const char *kb = b->country[0] ? b->country : (b->location ? b->location : "");
    int c = strcmp(ka, kb);
    if (c)
        return c;
    c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* The member whose fields the group shows: the most places, then a period,
 * an actor and a source, then the first. */
static int completeness(const sr_cclaim *x)
{
    return x->nplaces * 8 + (x->from[0] ? 4 : 0) + (x->actor ? 2 : 0) + (x->attributed_to ? 1 : 0);
}

static sitrep_status group_claims(sitrep_corpus *c)
{
    size_t n = SR_VEC_COUNT(&c->claims, sr_cclaim);
    uint32_t *order = c->mem->calloc(n ? n : 1, sizeof *order);
    if (!order)
        return SITREP_ENOMEM;
    size_t m = 0;
    sr_cclaim *cl = (sr_cclaim *)(void *)c->claims.data;
    for (size_t i = 0; i < n; i++)
        if (cl[i].alive)
            order[m++] = (uint32_t)i;
    if (!sr_sort(order, m, sizeof *order, cmp_claim, c, c->mem)) {
        c->mem->free(order);
        return SITREP_ENOMEM;
    }
    /* groups of a key: members kept in a scratch list of (group, claim) */
    uint32_t *member_group = c->mem->calloc(m ? m : 1, sizeof *member_group);
    if (!member_group) {
        c->mem->free(order);
        return SITREP_ENOMEM;
    }
    size_t run = 0;
    for (size_t i = 0; i < m; i++) {
        if (i > 0 && cl[order[i]].key != cl[order[i - 1]].key)
            run = i;
        sr_cclaim *x = &cl[order[i]];
        int32_t g = -1;
        /* the first compatible group of this key (the last GROUP_CAP) */
        size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
        size_t first_group = run < i ? member_group[run] : ng;
        if (ng > first_group + GROUP_CAP)
            first_group = ng - GROUP_CAP;
        /* a group is compared through its first claim and the article of
         * its last one (one article's claims are adjacent here): constant
         * work per group, however many articles state the fact */
        for (size_t k = first_group; k < ng && g < 0; k++) {
            const sr_cgroup *gk = &SR_VEC_AT(&c->groups, sr_cgroup, k);
            if (claims_agree(&cl[gk->rep], x) && cl[gk->first_member].doc_index != x->doc_index)
                g = (int32_t)k;
        }
        if (g >= 0) /* first_member holds the group's last claim until the members are laid out */
            SR_VEC_AT(&c->groups, sr_cgroup, g).first_member = order[i];
        if (g < 0) {
            sr_cgroup grp;
            memset(&grp, 0, sizeof grp);
            grp.rep = order[i];
            grp.first_member = order[i];
            g = (int32_t)ng;
            if (!SR_VEC_PUSH(&c->groups, sr_cgroup, grp)) {
                c->mem->free(order);
                c->mem->free(member_group);
                return SITREP_ENOMEM;
            }
        }
        member_group[i] = (uint32_t)g;
        x->group = g;
    }
    /* members by group, then each group's fields */
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
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
        /* the fields most members state, read from the first MEMBERS_READ
         * (in document order) */
        size_t nm = g->nmembers < MEMBERS_READ ? g->nmembers : MEMBERS_READ;
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

static bool events_agree(const sitrep_corpus *c, const sr_cevent *a, const sr_cevent *b)
{
    if (a->doc_index == b->doc_index)
        return false;
    bool sa = strcmp(a->type, "Strategic developments") == 0, sb = strcmp(b->type, "Strategic developments") == 0;
    if (sa != sb || (sa && strcmp(a->sub, b->sub) != 0))
        return false;
    /* undated events merge only as copies of one article, one for one;
     * so do events dated only by their report's window (sharing the
     * month before two reports is no evidence of one happening) */
    if (!a->from[0] || !b->from[0] || a->date_from_report || b->date_from_report)
        return copies(c, a->doc_index, b->doc_index) && strcmp(a->sub, b->sub) == 0 &&
               a->location == b->location;
    if (!periods_overlap(a->from, a->to, b->from, b->to))
        return false;
    /* the same place, or places of one country (a town and the country
     * the other article names) */
    if (a->location != b->location && (!a->country[0] || strcmp(a->country, b->country) != 0))
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
    if (!sr_sort(order, m, sizeof *order, cmp_event, c, c->mem)) {
        c->mem->free(order);
        c->mem->free(member_group);
        return SITREP_ENOMEM;
    }
    size_t run = 0;
    for (size_t i = 0; i < m; i++) {
        if (i > 0 && cmp_event(&order[i], &order[i - 1], c) != 0) {
            const sr_cevent *a = &ev[order[i]], *b = &ev[order[i - 1]];
            const char *ka = a->country[0] ? a->country : (a->location ? a->location : "");
            const char *kb = b->country[0] ? b->country : (b->location ? b->location : "");
            if (strcmp(ka, kb) != 0)
                run = i;
        }
        size_t ng = SR_VEC_COUNT(&c->egroups, sr_cegroup);
        size_t first_group = run < i ? member_group[run] : ng;
        if (ng > first_group + GROUP_CAP)
            first_group = ng - GROUP_CAP;
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
                c->mem->free(order);
                c->mem->free(member_group);
                return SITREP_ENOMEM;
            }
        }
        member_group[i] = (uint32_t)g;
        ev[order[i]].group = g;
    }
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
                     (a->has_fat ? 2 : 0) + (a->nactors ? 1 : 0);
            int sb = (b->from[0] && !b->date_from_report ? 8 : 0) + (b->location && !b->place_from_report ? 4 : 0) +
                     (b->has_fat ? 2 : 0) + (b->nactors ? 1 : 0);
            if (sa > sb)
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

typedef struct scoped {
    uint64_t key;
    uint32_t group;
} scoped;

static int cmp_scoped(const void *pa, const void *pb, void *ctx)
{
    const sitrep_corpus *sort_corpus = ctx;
    const scoped *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    const sr_cgroup *gs = (const sr_cgroup *)(const void *)sort_corpus->groups.data;
    return strcmp(gs[a->group].id, gs[b->group].id);
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

static sitrep_status find_conflicts(sitrep_corpus *c)
{
    size_t ng = SR_VEC_COUNT(&c->groups, sr_cgroup);
    scoped *sc = c->mem->calloc(ng ? ng : 1, sizeof *sc);
    if (!sc)
        return SITREP_ENOMEM;
    sr_cgroup *gs = (sr_cgroup *)(void *)c->groups.data;
    for (size_t k = 0; k < ng; k++)
        sc[k] = (scoped){sr_claim_scope(c, &gs[k], false), (uint32_t)k};
    if (!sr_sort(sc, ng, sizeof *sc, cmp_scoped, c, c->mem)) {
        c->mem->free(sc);
        return SITREP_ENOMEM;
    }
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < ng && st == SITREP_OK; i++) {
        for (size_t j = i + 1; j < ng && j < i + CONFLICT_PEERS && sc[j].key == sc[i].key; j++) {
            sr_cgroup *a = &gs[sc[i].group], *b = &gs[sc[j].group];
            const sr_cclaim *xa = &SR_VEC_AT(&c->claims, sr_cclaim, a->rep);
            const sr_cclaim *xb = &SR_VEC_AT(&c->claims, sr_cclaim, b->rep);
            if ((xa->low == xb->low && xa->high == xb->high) || !a->attributed_to || !b->attributed_to ||
                a->attributed_to == b->attributed_to)
                continue;
            /* two stated periods that differ are two scopes (half a year, a
             * year); an unstated one may be either */
            if (a->from[0] && b->from[0] && (strcmp(a->from, b->from) != 0 || strcmp(a->to, b->to) != 0))
                continue;
            /* figures twenty times apart are not two estimates of one
             * thing: "at least 27 killed" in an attack and "more than
             * 20,000 killed since 2015" count different things */
            double small = xa->high < xb->high ? xa->high : xb->high;
            double large = xa->low > xb->low ? xa->low : xb->low;
            if (small > 0 && large > CONFLICT_RATIO * small)
                continue;
            char va[64], vb[64], reason[512];
            value_text(xa, va, sizeof va);
            value_text(xb, vb, sizeof vb);
            snprintf(reason, sizeof reason, "%s puts the %s at %s; %s puts them at %s.", a->attributed_to,
                     xa->measure, va, b->attributed_to, vb);
            sr_cconflict cf = {sc[i].group, sc[j].group, sr_arena_strndup(&c->arena, reason, strlen(reason))};
            if (!cf.reason || !SR_VEC_PUSH(&c->conflicts, sr_cconflict, cf)) {
                st = SITREP_ENOMEM;
                break;
            }
            gs = (sr_cgroup *)(void *)c->groups.data;
            gs[sc[i].group].contested = gs[sc[j].group].contested = 1;
        }
    }
    c->mem->free(sc);
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
    for (size_t k = 0; k < ng; k++)
        if (gs[k].from[0])
            sc[m++] = (scoped){sr_claim_scope(c, &gs[k], false), (uint32_t)k};
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
        uint32_t pts[8];
        size_t np = 0;
        for (size_t k = i; k < j && np < 8; k++) {
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
            for (size_t r = 0; r < gs[pts[q]].nmembers && r < MEMBERS_READ; r++) {
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
            case SR_TREND_DOUBLE: ok = r >= TREND_DOUBLE; break;
            case SR_TREND_TRIPLE: ok = r >= TREND_TRIPLE; break;
            case SR_TREND_HALF: ok = r <= TREND_HALF; break;
            case SR_TREND_RISE: ok = r > TREND_RISE; break;
            default: ok = r < TREND_FALL; break;
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
        for (size_t j = 0; j < g->nmembers && j < MEMBERS_READ; j++) {
            const sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, mem[g->first_member + j]);
            if (!x->said[0])
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
            if (sscanf(dates[q], "%d-%d-%d", &dd.year, &dd.month, &dd.day) == 3)
                wd = sr_date_weekday(&dd);
            l += (size_t)snprintf(reason + l, sizeof reason - l, "%s%s date%s the statement %s%s%s%s",
                                  q ? "; " : "", who[q], strstr(who[q], " and ") ? "" : "s",
                                  wd >= 1 && wd <= 7 ? days[wd] : "", wd ? " (" : "", dates[q], wd ? ")" : "");
        }
        if (l < sizeof reason - 1)
            reason[l++] = '.', reason[l] = '\0';
        sr_cconflict cf = {(uint32_t)k, (uint32_t)k, sr_arena_strndup(&c->arena, reason, strlen(reason))};
        if (!cf.reason || !SR_VEC_PUSH(&c->conflicts, sr_cconflict, cf))
            return SITREP_ENOMEM;
        SR_VEC_AT(&c->groups, sr_cgroup, k).contested = 1;
    }
    return SITREP_OK;
}

sitrep_status sr_corroborate(sitrep_corpus *c)
{
    sitrep_status st = group_claims(c);
    if (st == SITREP_OK)
        st = group_events(c);
    if (st == SITREP_OK)
        st = find_conflicts(c);
    if (st == SITREP_OK)
        st = date_conflicts(c);
    if (st == SITREP_OK)
        st = find_trends(c);
    return st;
}
