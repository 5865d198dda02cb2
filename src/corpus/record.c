/*
 * record.c -- the parts of the records of the output contract (CONTRACT.md)
 * as JSON: the corpus writer (report/corpus_json.c) writes whole records
 * from them, the store (store/records.c) writes a record from its parts
 * and the long lists it keeps apart (record.h).
 */
#include "corpus/record.h"

#include "core/jsonw.h"

#include "wordhash.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sr_json_put(json_t *o, const char *key, json_t *value)
{
    return value != NULL && json_object_set_new(o, key, value) == 0;
}

bool sr_json_push(json_t *array, json_t *value)
{
    if (array == NULL || value == NULL) {
        json_decref(value);
        return false;
    }
    return json_array_append_new(array, value) == 0;
}

json_t *sr_json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *sr_json_num_or_null(double v)
{
    /* four decimals: about 10 m, more than any gazetteer here knows */
    return isnan(v) ? json_null() : json_real(round(v * 1e4) / 1e4);
}

json_t *sr_rec_entity_head(const sr_centity *e, const char *id)
{
    json_t *o = json_object();
    bool ok = o != NULL && sr_json_put(o, "type", json_string("entity"));
    ok = ok && sr_json_put(o, "id", json_string(id));
    ok = ok && sr_json_put(o, "name", json_string(e->name));
    ok = ok && sr_json_put(o, "kind", json_string(sitrep_entity_kind_name(e->kind)));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *sr_rec_entity_middle(const sr_centity *e)
{
    json_t *o = json_object();
    bool ok = o != NULL && sr_json_put(o, "country", e->country[0] ? json_string(e->country) : json_null());
    if (ok && e->kind == SITREP_ENTITY_PLACE) {
        json_t *geo = json_object();
        bool g = geo != NULL;
        g = g && sr_json_put(geo, "lat", sr_json_num_or_null(e->lat));
        g = g && sr_json_put(geo, "lon", sr_json_num_or_null(e->lon));
        g = g && sr_json_put(geo, "country", e->country[0] ? json_string(e->country) : json_null());
        g = g && sr_json_put(geo, "admin1", sr_json_str_or_null(e->admin1));
        g = g && sr_json_put(geo, "admin1_code", sr_json_str_or_null(e->admin1_code));
        g = g && sr_json_put(geo, "feature", sr_json_str_or_null(e->feature));
        if (!g)
            json_decref(geo);
        ok = g && sr_json_put(o, "geo", geo);
    } else if (ok && e->kind == SITREP_ENTITY_PERSON) {
        ok = sr_json_put(o, "role", sr_json_str_or_null(e->role));
    } else if (ok) {
        ok = sr_json_put(o, "parent", sr_json_str_or_null(e->parent));
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *sr_rec_span(const char *doc, uint32_t start, uint32_t end, const char *quote, size_t quote_len)
{
    json_t *s = json_object();
    bool ok = s != NULL;
    ok = ok && sr_json_put(s, "doc", json_string(doc));
    ok = ok && sr_json_put(s, "start", json_integer(start));
    ok = ok && sr_json_put(s, "end", json_integer(end));
    ok = ok && sr_json_put(s, "quote", json_stringn(quote, quote_len));
    if (!ok) {
        json_decref(s);
        return NULL;
    }
    return s;
}

static json_t *range_json(double low, double high)
{
    json_t *v = json_object();
    if (v && (!sr_json_put(v, "low", json_real(low)) || !sr_json_put(v, "high", json_real(high)))) {
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
    if (v && (!sr_json_put(v, "start", json_string(from)) || !sr_json_put(v, "end", json_string(to)))) {
        json_decref(v);
        return NULL;
    }
    return v;
}

static json_t *places_json(const sr_cclaim *x)
{
    json_t *places = json_array();
    bool ok = places != NULL;
    for (size_t i = 0; i < x->nplaces && ok; i++) {
        json_t *p = json_object();
        bool pok = p && sr_json_put(p, "name", json_string(x->places[i]));
        pok = pok && sr_json_put(p, "country", x->place_countries[i][0] ? json_string(x->place_countries[i]) : json_null());
        if (!pok) {
            json_decref(p);
            p = NULL;
        }
        ok = sr_json_push(places, p) && ok;
    }
    if (!ok) {
        json_decref(places);
        return NULL;
    }
    return places;
}

json_t *sr_rec_claim_head(const sr_cclaim *x, const char *id, const char *actor, const char *attributed_to,
                          const char *from, const char *to)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = sr_json_put(o, "type", json_string("claim"));
    ok = sr_json_put(o, "id", json_string(id)) && ok;
    ok = sr_json_put(o, "measure", json_string(x->measure)) && ok;
    ok = sr_json_put(o, "value", range_json(x->low, x->high)) && ok;
    ok = sr_json_put(o, "qualifier", sr_json_str_or_null(x->qualifier)) && ok;
    ok = sr_json_put(o, "actor", sr_json_str_or_null(actor)) && ok;
    ok = sr_json_put(o, "places", places_json(x)) && ok;
    ok = sr_json_put(o, "period", period_json(from, to)) && ok;
    ok = sr_json_put(o, "attributed_to", sr_json_str_or_null(attributed_to)) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *sr_rec_claim_tail(uint32_t outlets, bool contested)
{
    json_t *o = json_object();
    bool ok = o != NULL && sr_json_put(o, "outlets", json_integer(outlets));
    ok = ok && sr_json_put(o, "status", json_string(contested ? "contested" : outlets >= 2 ? "corroborated" : "single"));
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
    if (v && !sr_json_put(v, "qualifier", sr_json_str_or_null(q))) {
        json_decref(v);
        return NULL;
    }
    return v;
}

json_t *sr_rec_event_head(const sr_cevent *x, const char *id, json_t *actors)
{
    json_t *o = json_object();
    if (o == NULL) {
        json_decref(actors);
        return NULL;
    }
    bool ok = sr_json_put(o, "type", json_string("event"));
    ok = sr_json_put(o, "id", json_string(id)) && ok;
    ok = sr_json_put(o, "event_type", json_string(x->type)) && ok;
    ok = sr_json_put(o, "sub_event_type", json_string(x->sub)) && ok;
    json_t *date = json_null();
    if (x->from[0]) {
        date = json_object();
        ok = date && sr_json_put(date, "start", json_string(x->from)) && ok;
        ok = date && sr_json_put(date, "end", json_string(x->to)) && ok;
        ok = date && sr_json_put(date, "precision", sr_json_str_or_null(x->precision)) && ok;
    }
    ok = sr_json_put(o, "date", date) && ok;
    ok = sr_json_put(o, "actors", actors) && ok;
    ok = sr_json_put(o, "perpetrator_confidence", sr_json_str_or_null(x->nactors ? x->perp_conf : NULL)) && ok;
    json_t *loc = json_null();
    if (x->location) {
        loc = json_object();
        ok = loc && sr_json_put(loc, "name", json_string(x->location)) && ok;
        ok = loc && sr_json_put(loc, "country", x->country[0] ? json_string(x->country) : json_null()) && ok;
        ok = loc && sr_json_put(loc, "admin1", sr_json_str_or_null(x->admin1)) && ok;
        ok = loc && sr_json_put(loc, "lat", sr_json_num_or_null(x->lat)) && ok;
        ok = loc && sr_json_put(loc, "lon", sr_json_num_or_null(x->lon)) && ok;
    }
    ok = sr_json_put(o, "location", loc) && ok;
    ok = sr_json_put(o, "fatalities", casualty_json(x->has_fat, x->fat_low, x->fat_high, x->fat_q)) && ok;
    ok = sr_json_put(o, "injured", casualty_json(x->has_inj, x->inj_low, x->inj_high, x->inj_q)) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

void sr_rec_event_own(const sr_cevent *own, const sr_cevent *rep, sr_cevent *out)
{
    *out = *own;
    if ((!out->location || out->place_from_report) && rep->location && !rep->place_from_report) {
        out->location = rep->location;
        out->admin1 = rep->admin1;
        memcpy(out->country, rep->country, sizeof out->country);
        out->lat = rep->lat;
        out->lon = rep->lon;
        out->place_from_report = 0;
    }
    if ((!out->from[0] || out->date_from_report) && rep->from[0] && !rep->date_from_report) {
        memcpy(out->from, rep->from, sizeof out->from);
        memcpy(out->to, rep->to, sizeof out->to);
        out->precision = rep->precision;
        out->date_from_report = 0;
    }
    if (!out->has_fat && rep->has_fat) {
        out->has_fat = 1;
        out->fat_low = rep->fat_low;
        out->fat_high = rep->fat_high;
        out->fat_q = rep->fat_q;
    }
    if (!out->has_inj && rep->has_inj) {
        out->has_inj = 1;
        out->inj_low = rep->inj_low;
        out->inj_high = rep->inj_high;
        out->inj_q = rep->inj_q;
    }
}

void sr_rec_event_id(const sr_cevent *x, char id[24])
{
    uint64_t h = sr_word_hash(x->doc, strlen(x->doc)) ^ sr_mix64(x->first + 7);
    snprintf(id, 24, "V%012llx", (unsigned long long)(sr_mix64(h) & 0xffffffffffffull));
}

json_t *sr_rec_event_actors(const sr_cevent *x, const sr_cevent *ev, const uint32_t *members, size_t n,
                            const char **names, size_t *nnames)
{
    json_t *actors = json_array();
    const char *own[SR_REC_EVENT_ACTORS];
    const char **seen = names ? names : own;
    size_t nseen = 0;
    bool ok = actors != NULL;
    for (size_t m = 0; m <= n && ok; m++) {
        const sr_cevent *y = m == 0 ? x : &ev[members[m - 1]];
        for (size_t i = 0; i < y->nactors && nseen < SR_REC_EVENT_ACTORS && ok; i++) {
            bool dup = false;
            for (size_t k = 0; k < nseen && !dup; k++)
                dup = seen[k] == y->actors[i];
            if (!dup) {
                seen[nseen++] = y->actors[i];
                ok = sr_json_push(actors, json_string(y->actors[i]));
            }
        }
    }
    if (nnames)
        *nnames = nseen;
    if (!ok) {
        json_decref(actors);
        return NULL;
    }
    return actors;
}

json_t *sr_rec_conflict(const char *a, const char *b, const char *kind, const char *reason)
{
    json_t *o = json_object();
    bool ok = o && sr_json_put(o, "type", json_string("conflict"));
    /* its id from both claims' and its kind: one claim can be in several */
    char id[24];
    uint64_t h = sr_mix64(sr_word_hash(a, strlen(a)) ^
                          sr_mix64((b ? sr_word_hash(b, strlen(b)) : 0) + (strcmp(kind, "update") == 0)));
    snprintf(id, sizeof id, "K%012llx%s", (unsigned long long)(h & 0xffffffffffffull), b ? "" : "d");
    ok = ok && sr_json_put(o, "id", json_string(id));
    /* a dispute between sources, or a later report revising an earlier
     * one (claims: the earlier, then the later) */
    ok = ok && sr_json_put(o, "kind", json_string(kind));
    json_t *ids = json_array();
    ok = ok && sr_json_push(ids, json_string(a));
    if (b) /* else: the articles of one claim disagree on its date */
        ok = ok && sr_json_push(ids, json_string(b));
    ok = sr_json_put(o, "claims", ids) && ok; /* always handed over: no leak when ok is false */
    ok = ok && sr_json_put(o, "reason", json_string(reason));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *sr_rec_trend(const sitrep_corpus *c, const sr_ctrend *t)
{
    const sr_cgroup *g = (const sr_cgroup *)(const void *)c->groups.data;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    static const char *const expects[] = {"", "double", "triple", "half", "rise", "fall"};
    /* the claims' rows read where they are: the writer does not hold them */
    sr_cclaim last;
    if (sr_corpus_rows(c, SR_HOLD_CLAIMS, g[t->groups[t->npoints - 1]].rep, 1, &last) != SITREP_OK)
        return NULL;
    const sr_cclaim *x = &last;
    json_t *o = json_object();
    bool ok = o && sr_json_put(o, "type", json_string("trend"));
    char id[24];
    snprintf(id, sizeof id, "T%.12s", g[t->groups[0]].id + 1);
    ok = ok && sr_json_put(o, "id", json_string(id));
    ok = ok && sr_json_put(o, "measure", json_string(x->measure));
    ok = ok && sr_json_put(o, "actor", sr_json_str_or_null(g[t->groups[0]].actor));
    ok = ok && sr_json_put(o, "places", places_json(x));
    json_t *pts = json_array();
    for (size_t k = 0; k < t->npoints && ok; k++) {
        const sr_cgroup *p = &g[t->groups[k]];
        sr_cclaim px;
        json_t *pt = json_object();
        bool pok = pt && sr_corpus_rows(c, SR_HOLD_CLAIMS, p->rep, 1, &px) == SITREP_OK;
        pok = pok && sr_json_put(pt, "period", period_json(p->from, p->to));
        pok = pok && sr_json_put(pt, "value", json_real(px.low));
        pok = pok && sr_json_put(pt, "claim", json_string(p->id));
        if (!pok) {
            json_decref(pt);
            pt = NULL;
        }
        ok = sr_json_push(pts, pt) && ok;
    }
    ok = sr_json_put(o, "points", pts) && ok; /* always handed over: no leak when ok is false */
    json_t *proj = json_null();
    if (t->projection >= 0) {
        proj = json_object();
        ok = ok && proj && sr_json_put(proj, "period", period_json(t->proj_from, t->proj_to));
        ok = ok && sr_json_put(proj, "value", json_real(round(t->projection * 10) / 10));
        ok = ok && sr_json_put(proj, "basis", sr_json_str_or_null(t->basis));
    }
    ok = sr_json_put(o, "projection", proj) && ok; /* always handed over: no leak when ok is false */
    ok = ok && sr_json_put(o, "ratio", t->ratio >= 0 ? json_real(round(t->ratio * 100) / 100) : json_null());
    json_t *chk = json_null();
    if (t->check >= 0) {
        const sr_ctrendword *w = &SR_VEC_AT(&c->trendwords, sr_ctrendword, t->check);
        chk = json_object();
        ok = ok && chk && sr_json_put(chk, "statement", json_string(w->phrase));
        ok = ok && sr_json_put(chk, "expects", json_string(expects[w->kind]));
        ok = ok && sr_json_put(chk, "verdict", sr_json_str_or_null(t->verdict));
        ok = ok && sr_json_put(chk, "span", sr_rec_span(docs[w->doc_index].id, w->start, w->end, w->quote, w->end - w->start));
    }
    ok = sr_json_put(o, "check", chk) && ok; /* always handed over: no leak when ok is false */
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
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
    return sr_jsonw_string(out, s, strlen(s));
}

/* A document's record as the corpus leaves it: its own record (written
 * when it was added) with the values of published_inferred,
 * published_basis, story and duplicate_of set.  The record is our own
 * compact JSON, in which `,"key":` cannot occur inside a string (a quote
 * there is escaped), so the values are replaced in place rather than
 * the record parsed and written again. */
sitrep_status sr_rec_document(const char *record, size_t len, const char *inferred, const char *basis,
                              const char *story, const char *dup_of, sr_buf *out)
{
    bool set_inferred = inferred != NULL;
    struct {
        const char *key;
        bool set;
        const char *value;
    } fields[] = {
        {",\"published_inferred\":", set_inferred, inferred},
        {",\"published_basis\":", set_inferred, basis},
        {",\"story\":", true, story},
        {",\"duplicate_of\":", true, dup_of},
    };
    const char *at = record, *end = record + len;
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
    ok = ok && sr_buf_put(out, at, (size_t)(end - at));
    return ok ? SITREP_OK : SITREP_ENOMEM;
}

json_t *sr_rec_story_head(const char *id, const char *title)
{
    json_t *o = json_object();
    bool ok = o && sr_json_put(o, "type", json_string("story"));
    ok = ok && sr_json_put(o, "id", json_string(id));
    ok = ok && sr_json_put(o, "title", sr_json_str_or_null(title));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *sr_rec_story_tail(const char *first_seen, const char *last_seen)
{
    json_t *o = json_object();
    bool ok = o && sr_json_put(o, "first_seen", sr_json_str_or_null(first_seen));
    ok = ok && sr_json_put(o, "last_seen", sr_json_str_or_null(last_seen));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

