/*
 * model.c -- the records typed into the report's model (model.h): the one
 * place where the report reads fields of JSON records.
 */
#include "report/model.h"

#include "core/dates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading one record ---- */

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static const char *id_of(json_t *o)
{
    const char *s = str(o, "id");
    return s ? s : "";
}

static sr_rnum num(json_t *o, const char *key)
{
    sr_rnum r = {0, false};
    json_t *x = json_object_get(o, key);
    if (json_is_number(x)) {
        r.v = json_number_value(x);
        r.set = isfinite(r.v);
    }
    return r;
}

static sr_rperiod period(json_t *p)
{
    return (sr_rperiod){str(p, "start"), str(p, "end")};
}

/* A place: {"name", "country"} or, per the contract, a bare name or code. */
static const char *place_name(json_t *p)
{
    if (json_is_string(p))
        return json_string_value(p);
    const char *s = str(p, "name");
    return s ? s : str(p, "country");
}

/* Room in the arena for as many items of `size` bytes as array a holds
 * (*n of them; *items NULL for none); false when out of memory. */
static bool room(sr_arena *ar, json_t *a, size_t size, void **items, size_t *n)
{
    *n = json_array_size(a);
    *items = *n ? sr_arena_alloc(ar, *n * size) : NULL;
    return *n == 0 || *items != NULL;
}

/* The strings of array a (places: their names); false when out of memory. */
static bool list(sr_arena *ar, json_t *a, bool places, sr_rlist *out)
{
    void *v;
    if (!room(ar, a, sizeof *out->v, &v, &out->n))
        return false;
    out->v = v;
    for (size_t i = 0; i < out->n; i++) {
        json_t *x = json_array_get(a, i);
        out->v[i] = places ? place_name(x) : json_string_value(x);
    }
    return true;
}

static bool sources(sr_arena *ar, json_t *a, sr_rsources *out)
{
    void *v;
    if (!room(ar, a, sizeof *out->v, &v, &out->n))
        return false;
    out->v = v;
    for (size_t i = 0; i < out->n; i++) {
        json_t *sp = json_array_get(a, i);
        out->v[i] = (sr_rsource){str(sp, "doc"), str(sp, "quote"), num(sp, "start"), num(sp, "end")};
    }
    return true;
}

static sr_rvalue value(json_t *v, const char *qualifier)
{
    return (sr_rvalue){num(v, "low"), num(v, "high"), qualifier, json_is_object(v)};
}

static bool read_doc(sr_arena *ar, json_t *o, sr_rdoc *d)
{
    *d = (sr_rdoc){id_of(o), str(o, "title"), str(o, "outlet"), str(o, "published"),
                   str(o, "published_inferred"), str(o, "url"), str(o, "duplicate_of"), str(o, "story"),
                   {NULL, 0}};
    return list(ar, json_object_get(o, "byline"), false, &d->byline);
}

static bool read_story(sr_arena *ar, json_t *o, sr_rstory *s)
{
    *s = (sr_rstory){id_of(o), str(o, "title"), str(o, "first_seen"), str(o, "last_seen"), {NULL, 0}};
    return list(ar, json_object_get(o, "documents"), false, &s->documents);
}

static bool read_claim(sr_arena *ar, json_t *o, sr_rclaim *c)
{
    memset(c, 0, sizeof *c);
    c->id = id_of(o);
    c->measure = str(o, "measure");
    c->actor = str(o, "actor");
    c->attributed_to = str(o, "attributed_to");
    c->status = str(o, "status");
    c->value = value(json_object_get(o, "value"), str(o, "qualifier"));
    c->period = period(json_object_get(o, "period"));
    c->outlets = num(o, "outlets");
    c->ndocuments = json_array_size(json_object_get(o, "documents"));
    return list(ar, json_object_get(o, "places"), true, &c->places) &&
           sources(ar, json_object_get(o, "sources"), &c->sources);
}

static bool read_event(sr_arena *ar, json_t *o, sr_revent *e)
{
    memset(e, 0, sizeof *e);
    e->id = id_of(o);
    e->event_type = str(o, "event_type");
    e->sub_event_type = str(o, "sub_event_type");
    json_t *date = json_object_get(o, "date");
    e->date = period(date);
    e->has_day = sr_rparse_day(e->date.start, &e->day);
    e->precision = str(date, "precision");
    json_t *loc = json_object_get(o, "location");
    e->location = (sr_rlocation){str(loc, "name"), str(loc, "admin1"), str(loc, "country"), num(loc, "lat"),
                                 num(loc, "lon")};
    json_t *f = json_object_get(o, "fatalities"), *inj = json_object_get(o, "injured");
    e->fatalities = value(f, str(f, "qualifier"));
    e->injured = value(inj, str(inj, "qualifier"));
    e->ndocuments = json_array_size(json_object_get(o, "documents"));
    return list(ar, json_object_get(o, "actors"), false, &e->actors) &&
           sources(ar, json_object_get(o, "sources"), &e->sources);
}

static bool read_conflict(sr_arena *ar, json_t *o, sr_rconflict *k)
{
    *k = (sr_rconflict){id_of(o), str(o, "reason"), {NULL, 0}, {NULL, 0}};
    return list(ar, json_object_get(o, "claims"), false, &k->claims) &&
           list(ar, json_object_get(o, "events"), false, &k->events);
}

static sr_rpoint point(json_t *p)
{
    return (sr_rpoint){period(json_object_get(p, "period")), num(p, "value"), str(p, "claim")};
}

static bool read_trend(sr_arena *ar, json_t *o, sr_rtrend *t)
{
    memset(t, 0, sizeof *t);
    t->id = id_of(o);
    t->measure = str(o, "measure");
    t->actor = str(o, "actor");
    json_t *points = json_object_get(o, "points");
    void *v;
    if (!room(ar, points, sizeof *t->points, &v, &t->npoints))
        return false;
    t->points = v;
    for (size_t i = 0; i < t->npoints; i++)
        t->points[i] = point(json_array_get(points, i));
    json_t *proj = json_object_get(o, "projection");
    t->has_projection = json_is_object(proj);
    t->projection = point(proj);
    t->projection.claim = NULL;
    t->basis = str(proj, "basis");
    t->ratio = num(o, "ratio");
    json_t *check = json_object_get(o, "check"), *span = json_object_get(check, "span");
    t->has_check = json_is_object(check);
    t->statement = str(check, "statement");
    t->verdict = str(check, "verdict");
    t->check_doc = str(span, "doc");
    t->check_quote = str(span, "quote");
    return list(ar, json_object_get(o, "places"), true, &t->places);
}

/* ---- dates ---- */

bool sr_rparse_day(const char *s, long *days)
{
    if (s == NULL)
        return false;
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    sr_date d = {(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'), 1, 1};
    if (s[4] == '-' && s[5] >= '0' && s[5] <= '9' && s[6] >= '0' && s[6] <= '9') {
        d.month = (s[5] - '0') * 10 + (s[6] - '0');
        if (s[7] == '-' && s[8] >= '0' && s[8] <= '9' && s[9] >= '0' && s[9] <= '9')
            d.day = (s[8] - '0') * 10 + (s[9] - '0');
    }
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return false;
    *days = sr_date_to_days(&d);
    return true;
}

/* ---- the report's orders ---- */

static int cmp_doc_id(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp((*(const sr_rdoc *const *)a)->id, (*(const sr_rdoc *const *)b)->id);
}

static int cmp_story_id(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp((*(const sr_rstory *const *)a)->id, (*(const sr_rstory *const *)b)->id);
}

static int cmp_claim_id(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp((*(const sr_rclaim *const *)a)->id, (*(const sr_rclaim *const *)b)->id);
}

static int cmp_link(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp(((const struct sr_rlink *)a)->claim, ((const struct sr_rlink *)b)->claim);
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Key figures first: more outlets, then the larger figure, then by id. */
static int cmp_claim(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const sr_rclaim *x = *(const sr_rclaim *const *)a, *y = *(const sr_rclaim *const *)b;
    double ox = x->outlets.set ? x->outlets.v : 0, oy = y->outlets.set ? y->outlets.v : 0;
    if (ox != oy)
        return ox > oy ? -1 : 1;
    double vx = x->value.high.set ? x->value.high.v : -INFINITY;
    double vy = y->value.high.set ? y->value.high.v : -INFINITY;
    if (vx != vy)
        return vx > vy ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Events by their first day; undated ones last. */
static int cmp_event(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const sr_revent *x = *(const sr_revent *const *)a, *y = *(const sr_revent *const *)b;
    if (x->has_day != y->has_day)
        return x->has_day ? -1 : 1;
    if (x->has_day && x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Stories with more articles first, then the earlier. */
static int cmp_story(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    const sr_rstory *x = *(const sr_rstory *const *)a, *y = *(const sr_rstory *const *)b;
    if (x->documents.n != y->documents.n)
        return x->documents.n > y->documents.n ? -1 : 1;
    int c = strcmp(x->first_seen ? x->first_seen : "~", y->first_seen ? y->first_seen : "~");
    return c ? c : strcmp(x->id, y->id);
}

/* ---- the model ---- */

enum { T_DOC, T_STORY, T_CLAIM, T_EVENT, T_CONFLICT, T_TREND, T_UPDATE, NTYPES };

/* The list a record goes to, or -1 for the types the report does not show
 * (entities, mentions) and for what is no record.  A conflict of kind
 * "update" (a later report revising a figure) is listed apart from the
 * disputes. */
static int type_index(json_t *rec)
{
    static const char *const types[] = {"document", "story", "claim", "event", "conflict", "trend"};
    const char *t = str(rec, "type");
    /* a happening several reports tell is shown once, as its merged record
     * (with every report's sources), not once per report telling it */
    if (t && strcmp(t, "happening") == 0)
        return T_EVENT;
    if (t && strcmp(t, "event") == 0 && json_is_string(json_object_get(rec, "happening")))
        return -1;
    for (int k = 0; t && k < (int)(sizeof types / sizeof types[0]); k++)
        if (strcmp(t, types[k]) == 0) {
            const char *kind = k == T_CONFLICT ? str(rec, "kind") : NULL;
            return kind && strcmp(kind, "update") == 0 ? T_UPDATE : k;
        }
    return -1;
}

void sr_rmodel_free(sr_rmodel *m)
{
    sr_arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

/* n items of `size` bytes from the arena (at least one byte: never NULL
 * but for want of memory). */
static void *items(sr_rmodel *m, size_t n, size_t size)
{
    return sr_arena_alloc(&m->arena, (n ? n : 1) * size);
}

sitrep_status sr_rmodel_load(sr_rmodel *m, json_t *const *recs, size_t n)
{
    memset(m, 0, sizeof *m);
    m->mem = sr_mem_or_default(NULL);
    sr_arena_init(&m->arena, m->mem, 65536);
    m->nrecords = n;
    size_t count[NTYPES] = {0};
    for (size_t i = 0; i < n; i++)
        if (type_index(recs[i]) >= 0)
            count[type_index(recs[i])]++;
    sr_rstory *stories = items(m, count[T_STORY], sizeof *stories);
    sr_rclaim *claims = items(m, count[T_CLAIM], sizeof *claims);
    sr_revent *events = items(m, count[T_EVENT], sizeof *events);
    m->docs = items(m, count[T_DOC], sizeof *m->docs);
    m->conflicts = items(m, count[T_CONFLICT], sizeof *m->conflicts);
    m->updates = items(m, count[T_UPDATE], sizeof *m->updates);
    m->trends = items(m, count[T_TREND], sizeof *m->trends);
    bool ok = stories && claims && events && m->docs && m->conflicts && m->updates && m->trends;
    for (size_t i = 0; i < n && ok; i++) {
        switch (type_index(recs[i])) {
        case T_DOC: ok = read_doc(&m->arena, recs[i], &m->docs[m->ndocs++]); break;
        case T_STORY: ok = read_story(&m->arena, recs[i], &stories[m->nstories++]); break;
        case T_CLAIM: ok = read_claim(&m->arena, recs[i], &claims[m->nclaims++]); break;
        case T_EVENT: ok = read_event(&m->arena, recs[i], &events[m->nevents++]); break;
        case T_CONFLICT: ok = read_conflict(&m->arena, recs[i], &m->conflicts[m->nconflicts++]); break;
        case T_UPDATE: ok = read_conflict(&m->arena, recs[i], &m->updates[m->nupdates++]); break;
        case T_TREND: ok = read_trend(&m->arena, recs[i], &m->trends[m->ntrends++]); break;
        default: break;
        }
    }
    /* the orders: pointers into the record-order arrays */
    m->stories = items(m, m->nstories, sizeof *m->stories);
    m->claims = items(m, m->nclaims, sizeof *m->claims);
    m->events = items(m, m->nevents, sizeof *m->events);
    m->doc_ids = items(m, m->ndocs, sizeof *m->doc_ids);
    m->story_ids = items(m, m->nstories, sizeof *m->story_ids);
    m->claim_ids = items(m, m->nclaims, sizeof *m->claim_ids);
    for (size_t i = 0; i < m->nconflicts; i++)
        m->nlinks += m->conflicts[i].claims.n;
    m->links = items(m, m->nlinks, sizeof *m->links);
    /* scratch: the outlets of the largest story, or of all documents */
    m->nscratch = m->ndocs;
    for (size_t i = 0; i < m->nstories; i++)
        m->nscratch = stories[i].documents.n > m->nscratch ? stories[i].documents.n : m->nscratch;
    m->scratch = items(m, m->nscratch + 1, sizeof *m->scratch);
    ok = ok && m->stories && m->claims && m->events && m->doc_ids && m->story_ids && m->claim_ids &&
         m->links && m->scratch;
    if (!ok) {
        sr_rmodel_free(m);
        return SITREP_ENOMEM;
    }
    for (size_t i = 0; i < m->ndocs; i++)
        m->doc_ids[i] = &m->docs[i];
    for (size_t i = 0; i < m->nstories; i++)
        m->stories[i] = m->story_ids[i] = &stories[i];
    for (size_t i = 0; i < m->nclaims; i++)
        m->claims[i] = m->claim_ids[i] = &claims[i];
    for (size_t i = 0; i < m->nevents; i++)
        m->events[i] = &events[i];
    size_t k = 0;
    for (size_t i = 0; i < m->nconflicts; i++)
        for (size_t j = 0; j < m->conflicts[i].claims.n; j++)
            if (m->conflicts[i].claims.v[j])
                m->links[k++] = (struct sr_rlink){m->conflicts[i].claims.v[j], &m->conflicts[i]};
    m->nlinks = k;
    ok = sr_sort(m->doc_ids, m->ndocs, sizeof *m->doc_ids, cmp_doc_id, NULL, m->mem) &&
         sr_sort(m->story_ids, m->nstories, sizeof *m->story_ids, cmp_story_id, NULL, m->mem) &&
         sr_sort(m->claim_ids, m->nclaims, sizeof *m->claim_ids, cmp_claim_id, NULL, m->mem) &&
         sr_sort(m->links, m->nlinks, sizeof *m->links, cmp_link, NULL, m->mem) &&
         sr_sort(m->claims, m->nclaims, sizeof *m->claims, cmp_claim, NULL, m->mem) &&
         sr_sort(m->events, m->nevents, sizeof *m->events, cmp_event, NULL, m->mem) &&
         sr_sort(m->stories, m->nstories, sizeof *m->stories, cmp_story, NULL, m->mem);
    if (!ok) {
        sr_rmodel_free(m);
        return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

/* ---- look-ups ---- */

/* Binary search of sorted[0..n) (pointers to records whose first field is
 * their id) for id. */
#define FIND(sorted, n, id)                                                   \
    do {                                                                      \
        if ((id) == NULL)                                                     \
            return NULL;                                                      \
        size_t lo = 0, hi = (n);                                              \
        while (lo < hi) {                                                     \
            size_t mid = lo + (hi - lo) / 2;                                  \
            int c = strcmp((sorted)[mid]->id, (id));                          \
            if (c == 0)                                                       \
                return (sorted)[mid];                                         \
            if (c < 0)                                                        \
                lo = mid + 1;                                                 \
            else                                                              \
                hi = mid;                                                     \
        }                                                                     \
        return NULL;                                                          \
    } while (0)

const sr_rdoc *sr_rmodel_doc(const sr_rmodel *m, const char *id)
{
    FIND(m->doc_ids, m->ndocs, id);
}

const sr_rstory *sr_rmodel_story(const sr_rmodel *m, const char *id)
{
    FIND(m->story_ids, m->nstories, id);
}

const sr_rclaim *sr_rmodel_claim(const sr_rmodel *m, const char *id)
{
    FIND(m->claim_ids, m->nclaims, id);
}

const sr_rconflict *sr_rmodel_conflict_of(const sr_rmodel *m, const char *id)
{
    size_t lo = 0, hi = m->nlinks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->links[mid].claim, id);
        if (c == 0) {
            while (mid > 0 && strcmp(m->links[mid - 1].claim, id) == 0)
                mid--;
            return m->links[mid].conflict;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t sr_rmodel_outlets(sr_rmodel *m, const sr_rlist *ids)
{
    size_t k = 0;
    size_t n = ids ? ids->n : m->ndocs;
    for (size_t i = 0; i < n && k < m->nscratch; i++) {
        const sr_rdoc *d = ids ? sr_rmodel_doc(m, ids->v[i]) : &m->docs[i];
        const char *s = d ? d->outlet : NULL;
        if (s && *s)
            m->scratch[k++] = s;
    }
    qsort(m->scratch, k, sizeof *m->scratch, cmp_cstr);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(m->scratch[u - 1], m->scratch[i]) != 0)
            m->scratch[u++] = m->scratch[i];
    return u;
}

/* Widens [*first, *last] to take in date s (first ten bytes compared:
 * ISO dates sort as strings); s is ignored unless it is a date. */
static void take_date(const char *s, const char **first, const char **last)
{
    long d;
    if (!sr_rparse_day(s, &d))
        return;
    if (*first == NULL || strncmp(s, *first, 10) < 0)
        *first = s;
    if (*last == NULL || strncmp(s, *last, 10) > 0)
        *last = s;
}

bool sr_rmodel_date_range(const sr_rmodel *m, const char **first, const char **last)
{
    *first = *last = NULL;
    for (size_t i = 0; i < m->ndocs; i++)
        take_date(m->docs[i].published ? m->docs[i].published : m->docs[i].published_inferred, first,
                  last);
    bool from_docs = *first != NULL;
    for (size_t i = 0; i < m->nstories && !from_docs; i++) {
        take_date(m->stories[i]->first_seen, first, last);
        take_date(m->stories[i]->last_seen, first, last);
    }
    return *first != NULL;
}

size_t sr_rmodel_count_status(const sr_rmodel *m, const char *status)
{
    size_t k = 0;
    for (size_t i = 0; i < m->nclaims; i++)
        k += m->claims[i]->status && strcmp(m->claims[i]->status, status) == 0;
    return k;
}
