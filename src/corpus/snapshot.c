/*
 * snapshot.c -- a corpus saved as bytes and loaded again, so that a store
 * adds new articles to what it holds without reading the old ones again.
 *
 * What is saved is the corpus as sitrep_corpus_add leaves it, before
 * sr_corpus_finish: documents (with their signatures and story terms),
 * entities and mentions, claims, events and their spans, trend sentences,
 * time and figure mentions when kept.  The corpus keeps no links between
 * documents before it is finished, so a partial corpus (a shard of a
 * distributed run, sr_corpus_save_unlinked) is the same bytes, merged by
 * concatenation (corpus/merge.c).  The records of
 * stories, merged claims, conflicts and trends are made from these by
 * finishing a loaded corpus, exactly as for one built in memory.
 *
 * The arrays are written as they are in memory, with every string field
 * replaced by its number in a string table written first; loading interns
 * each string once more (sr_corpus_intern), so strings that were one
 * pointer are one pointer again (the merging code compares interned
 * strings by pointer).  A snapshot is tied to the struct layout of the
 * build that wrote it: a layout key is checked and a mismatch is
 * SITREP_EFORMAT, upon which the store rebuilds the corpus from the
 * articles it keeps.
 */
#include "corpus/bytes.h"
#include "corpus/corpus.h"

#include "wordhash.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define SNAP_MAGIC "SRCORP\x01\x00"
#define PART_MAGIC "SRCORP\x02\x00" /* a part: the rows added since a mark (sr_corpus_save_part) */
#define SNAP_FORMAT 8u /* 2: time and figure mentions; 3: a mention's name offset; 4: story terms, no index;
                          5: a mention's alias (its name) in place of the offset; 6: a mention's and a
                          span's numbers first (no padding: they are rows of a file); 7: a document's
                          record after its struct (the corpus keeps it in its spill file); 8: a claim's
                          or event's span's quote after its struct (kept in the spill file too) */

/* The string fields of each saved struct, by offset. */
#define F(type, field) offsetof(type, field)
static const size_t entity_strs[] = {F(sr_centity, name), F(sr_centity, parent), F(sr_centity, role),
                                     F(sr_centity, role_doc), F(sr_centity, first_doc), F(sr_centity, admin1),
                                     F(sr_centity, admin1_code), F(sr_centity, feature)};
static const size_t mention_strs[] = {F(sr_cmention, doc), F(sr_cmention, quote), F(sr_cmention, alias)};
static const size_t span_strs[] = {F(sr_cspan, doc)}; /* its quote follows it */
static const size_t claim_strs[] = {F(sr_cclaim, doc),       F(sr_cclaim, measure),
                                    F(sr_cclaim, qualifier), F(sr_cclaim, actor),
                                    F(sr_cclaim, attributed_to), F(sr_cclaim, places[0]),
                                    F(sr_cclaim, places[1]), F(sr_cclaim, places[2]),
                                    F(sr_cclaim, places[3])};
static const size_t event_strs[] = {F(sr_cevent, doc),       F(sr_cevent, type),      F(sr_cevent, sub),
                                    F(sr_cevent, precision), F(sr_cevent, actors[0]), F(sr_cevent, actors[1]),
                                    F(sr_cevent, actors[2]), F(sr_cevent, actors[3]), F(sr_cevent, actors[4]),
                                    F(sr_cevent, location),  F(sr_cevent, admin1),    F(sr_cevent, fat_q),
                                    F(sr_cevent, inj_q),     F(sr_cevent, perp_conf)};
static const size_t doc_strs[] = {F(sr_cdoc, id),     F(sr_cdoc, outlet),     F(sr_cdoc, title),
                                  F(sr_cdoc, basis),  F(sr_cdoc, hint_title),
                                  F(sr_cdoc, hint_url), F(sr_cdoc, hint_outlet)};
static const size_t word_strs[] = {F(sr_ctrendword, quote), F(sr_ctrendword, phrase)};
static const size_t expr_strs[] = {F(sr_cexpr, doc),       F(sr_cexpr, quote),     F(sr_cexpr, precision),
                                   F(sr_cexpr, kind),      F(sr_cexpr, qualifier), F(sr_cexpr, measure),
                                   F(sr_cexpr, relation),  F(sr_cexpr, mod)};
#undef F

typedef struct table {
    size_t size;               /* bytes of one struct */
    const size_t *strs;        /* offsets of its string fields */
    size_t nstrs;
    size_t buf;                /* offset of its sr_buf (or sr_rows) in sitrep_corpus */
    bool rows;                 /* an sr_rows: rows in a file (spill.h), not an sr_buf */
} table;

#define T(type, strs, field) {sizeof(type), strs, sizeof strs / sizeof strs[0], offsetof(sitrep_corpus, field), false}
#define R(type, strs, field) {sizeof(type), strs, sizeof strs / sizeof strs[0], offsetof(sitrep_corpus, field), true}
static const table tables[] = {
    T(sr_centity, entity_strs, entities), R(sr_cmention, mention_strs, mentions),
    T(sr_cclaim, claim_strs, claims),     R(sr_cspan, span_strs, claim_spans),
    T(sr_cevent, event_strs, events),     R(sr_cspan, span_strs, event_spans),
    T(sr_cdoc, doc_strs, docs),           {sizeof(sr_cterm), NULL, 0, offsetof(sitrep_corpus, terms), false},
    T(sr_ctrendword, word_strs, trendwords), T(sr_cexpr, expr_strs, exprs),
};
#undef T
#undef R

/* The layout key: the format, every struct's size and string offsets. */
static uint64_t layout_key(void)
{
    uint64_t h = sr_mix64(SNAP_FORMAT ^ ((uint64_t)SR_MINHASH << 32) ^ sizeof(void *));
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        h = sr_mix64(h ^ tables[t].size ^ ((uint64_t)tables[t].buf << 20));
        for (size_t k = 0; k < tables[t].nstrs; k++)
            h = sr_mix64(h ^ tables[t].strs[k]);
    }
    return h;
}

/* ---- saving ---- */

/* Pointer -> string number, open addressing. */
typedef struct strmap {
    const char **keys;
    uint32_t *ids;
    size_t nslots, n;
} strmap;

static bool strmap_grow(const sitrep_mem *mem, strmap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 4096;
    const char **keys = mem->calloc(n, sizeof *keys);
    uint32_t *ids = mem->calloc(n, sizeof *ids);
    if (!keys || !ids) {
        mem->free(keys);
        mem->free(ids);
        return false;
    }
    for (size_t i = 0; i < m->nslots; i++) {
        if (!m->keys[i])
            continue;
        size_t k = (size_t)sr_mix64((uint64_t)(uintptr_t)m->keys[i]) & (n - 1);
        while (keys[k])
            k = (k + 1) & (n - 1);
        keys[k] = m->keys[i];
        ids[k] = m->ids[i];
    }
    mem->free(m->keys);
    mem->free(m->ids);
    m->keys = keys;
    m->ids = ids;
    m->nslots = n;
    return true;
}

/* The number of string s (1-based; 0 for NULL), appending it to the
 * string table `strs` when first seen. */
static bool string_id(const sitrep_mem *mem, strmap *m, sr_buf *strs, const char *s, uint64_t *id)
{
    if (!s) {
        *id = 0;
        return true;
    }
    if ((m->n + 1) * 10 > m->nslots * 7 && !strmap_grow(mem, m))
        return false;
    size_t k = (size_t)sr_mix64((uint64_t)(uintptr_t)s) & (m->nslots - 1);
    for (; m->keys[k]; k = (k + 1) & (m->nslots - 1))
        if (m->keys[k] == s) {
            *id = m->ids[k];
            return true;
        }
    uint32_t len = (uint32_t)strlen(s);
    if (!sr_bytes_put(strs, &len, sizeof len) || !sr_bytes_put(strs, s, len))
        return false;
    m->keys[k] = s;
    m->ids[k] = (uint32_t)++m->n;
    *id = m->ids[k];
    return true;
}

_Static_assert(sizeof tables / sizeof tables[0] == SR_SNAP_TABLES, "a mark counts each table's rows");

void sr_corpus_mark(const sitrep_corpus *c, sr_snap_mark *m)
{
    for (size_t t = 0; t < SR_SNAP_TABLES; t++) {
        const table *tb = &tables[t];
        m->n[t] = tb->rows ? ((const sr_rows *)(const void *)((const char *)c + tb->buf))->n
                           : ((const sr_buf *)(const void *)((const char *)c + tb->buf))->len / tb->size;
    }
    /* the claims and events, wherever they are (corpus.h) */
    m->n[2] = sr_corpus_nclaims(c);
    m->n[4] = sr_corpus_nevents(c);
}

/* The corpus's rows from `from` on (NULL: all, a whole snapshot; else a
 * part, each table's rows past from's count, the entities and their
 * table whole: sitrep_corpus_add changes entities, never other rows). */
static sitrep_status save_from(const sitrep_corpus *c, const sr_snap_mark *from, sr_buf *out)
{
    if (c->finished)
        return SITREP_EARG; /* finishing changes what is kept: save before */
    sitrep_status hs = sr_corpus_hold_const(c, SR_HOLD_ALL); /* its rows, in memory */
    if (hs != SITREP_OK)
        return hs;
    const sitrep_mem *mem = c->mem;
    strmap m = {0};
    sr_buf strs, arrays;
    sr_buf_init(&strs, mem);
    sr_buf_init(&arrays, mem);
    bool ok = true;
    sitrep_status st = SITREP_OK; /* a failure other than memory */
    sr_buf chunk, rec;
    sr_buf_init(&chunk, mem);
    sr_buf_init(&rec, mem);
    char *tmp = NULL;
    size_t tmpcap = 0;
    for (size_t t = 0; t < sizeof tables / sizeof tables[0] && ok; t++) {
        const table *tb = &tables[t];
        const sr_buf *b = tb->rows ? NULL : (const sr_buf *)(const void *)((const char *)c + tb->buf);
        const sr_rows *rw = tb->rows ? (const sr_rows *)(const void *)((const char *)c + tb->buf) : NULL;
        size_t n = b ? b->len / tb->size : rw->n, i0 = from && t != 0 ? (size_t)from->n[t] : 0;
        if (i0 > n) {
            st = SITREP_EARG; /* a mark of another corpus */
            ok = false;
            break;
        }
        ok = from ? sr_bytes_put_u64(&arrays, i0) && sr_bytes_put_u64(&arrays, n - i0) : sr_bytes_put_u64(&arrays, n);
        if (tb->size > tmpcap) {
            mem->free(tmp);
            tmp = mem->calloc(1, tb->size);
            tmpcap = tmp ? tb->size : 0;
            ok = ok && tmp;
        }
        for (size_t i = i0; i < n && ok; i++) {
            if (b) {
                memcpy(tmp, b->data + i * tb->size, tb->size);
            } else {
                /* rows read 256 at a time */
                sitrep_status rs = SITREP_OK;
                if ((i - i0) % 256 == 0) {
                    size_t k = n - i < 256 ? n - i : 256;
                    rs = sr_buf_reserve(&chunk, k * tb->size) ? sr_rows_get(rw, i, k, chunk.data) : SITREP_ENOMEM;
                }
                if (rs != SITREP_OK) {
                    st = rs;
                    ok = false;
                    break;
                }
                memcpy(tmp, chunk.data + ((i - i0) % 256) * tb->size, tb->size);
            }
            for (size_t k = 0; k < tb->nstrs && ok; k++) {
                const char *s;
                memcpy(&s, tmp + tb->strs[k], sizeof s);
                uint64_t id = 0;
                ok = string_id(mem, &m, &strs, s, &id);
                uintptr_t v = (uintptr_t)id;
                memcpy(tmp + tb->strs[k], &v, sizeof v);
            }
            if (ok && b == &c->docs) {
                /* an undated document's source goes after the struct */
                sr_cdoc *d = (sr_cdoc *)(void *)tmp;
                int64_t has = d->src_at >= 0;
                memcpy(&d->src_at, &has, sizeof has);
                d->rec_at = 0; /* its record follows (an offset of this corpus's file means nothing there) */
            }
            if (ok && rw && rw != &c->mentions) {
                /* a span: its quote goes after the struct (an offset of
                 * this corpus's file means nothing there) */
                sr_cspan *x = (sr_cspan *)(void *)tmp;
                sitrep_status rs = sr_corpus_span_quote(c, x, &rec);
                if (rs != SITREP_OK)
                    st = rs;
                x->quote_at = 0;
                ok = rs == SITREP_OK && sr_bytes_put(&arrays, tmp, tb->size) && sr_bytes_put(&arrays, rec.data, rec.len);
            } else {
                ok = ok && sr_bytes_put(&arrays, tmp, tb->size);
            }
            if (ok && b == &c->docs) {
                /* its record, then its source when undated, go after the struct */
                const sr_cdoc *d = &SR_VEC_AT(&c->docs, sr_cdoc, i);
                sitrep_status rs = sr_corpus_doc_record(c, d, &rec);
                if (rs != SITREP_OK)
                    st = rs;
                ok = rs == SITREP_OK && sr_bytes_put_u64(&arrays, rec.len) && sr_bytes_put(&arrays, rec.data, rec.len);
                if (ok && d->src_at >= 0) {
                    char *src = NULL;
                    sitrep_status rs = sr_corpus_doc_input(c, d, &src);
                    if (rs != SITREP_OK)
                        st = rs;
                    ok = rs == SITREP_OK && sr_bytes_put_u64(&arrays, d->src_len) && sr_bytes_put(&arrays, src, d->src_len);
                    mem->free(src);
                }
            }
        }
    }
    mem->free(tmp);
    sr_buf_free(&chunk);
    sr_buf_free(&rec);
    /* the entity table and the three indexes hold numbers only */
    ok = ok && sr_bytes_put_u64(&arrays, c->nslots) && sr_bytes_put(&arrays, c->slots, c->nslots * sizeof *c->slots);
    ok = ok && sr_bytes_put_u64(&arrays, c->ndocs);
    /* header, strings, arrays */
    uint64_t key = layout_key();
    ok = ok && sr_bytes_put(out, from ? PART_MAGIC : SNAP_MAGIC, 8) && sr_bytes_put_u64(out, key) &&
         sr_bytes_put_u64(out, m.n) &&
         sr_bytes_put(out, strs.data, strs.len) && sr_bytes_put(out, arrays.data, arrays.len);
    mem->free(m.keys);
    mem->free(m.ids);
    sr_buf_free(&strs);
    sr_buf_free(&arrays);
    return ok ? SITREP_OK : st != SITREP_OK ? st : SITREP_ENOMEM;
}

sitrep_status sr_corpus_save(const sitrep_corpus *c, sr_buf *out)
{
    return save_from(c, NULL, out);
}

sitrep_status sr_corpus_save_part(const sitrep_corpus *c, const sr_snap_mark *from, sr_buf *out)
{
    return from ? save_from(c, from, out) : SITREP_EARG;
}

sitrep_status sr_corpus_save_unlinked(const sitrep_corpus *c, sr_buf *out)
{
    return sr_corpus_save(c, out);
}

/* ---- loading ---- */

/* An array of n elements of `size` bytes into buf (replacing it). */
static bool get_array(sr_bytes_in *r, const sitrep_mem *mem, void **buf, size_t n, size_t size)
{
    if (n > (size_t)(r->end - r->p) / (size ? size : 1)) {
        r->bad = true;
        return false;
    }
    void *a = n ? mem->calloc(n, size) : NULL;
    if (n && !a)
        return false;
    if (!sr_bytes_get(r, a, n * size)) {
        mem->free(a);
        return false;
    }
    mem->free(*buf);
    *buf = a;
    return true;
}

/* A mention or span row as loaded (into rows `rw`): of an entity, claim
 * or event loaded before it (they come first), its strings what its
 * numbers say. */
static bool row_ok(const sitrep_corpus *c, const sr_rows *rw, const void *row)
{
    if (rw == &c->mentions) {
        const sr_cmention *m = row;
        return m->entity < SR_VEC_COUNT(&c->entities, sr_centity) && m->doc && m->quote && m->end >= m->start &&
               m->end - m->start == m->quote_len && strlen(m->quote) == m->quote_len &&
               !(m->alias && strlen(m->alias) > m->quote_len);
    }
    const sr_cspan *x = row;
    size_t owners = rw == &c->claim_spans ? SR_VEC_COUNT(&c->claims, sr_cclaim) : SR_VEC_COUNT(&c->events, sr_cevent);
    return x->owner < owners && x->doc && x->end >= x->start && x->end - x->start == x->quote_len;
}

/* Every number that points into another array points inside it, and the
 * fields finishing sets are as before finishing: bytes that are not what
 * this build wrote are refused before any code walks them. */
static bool consistent(sitrep_corpus *c, const sr_snap_mark *from)
{
    /* the rows of a part are checked (and reset) with the rows before as
     * the parts before left them */
    size_t d0 = from ? (size_t)from->n[6] : 0, cl0 = from ? (size_t)from->n[2] : 0;
    size_t ev0 = from ? (size_t)from->n[4] : 0, w0 = from ? (size_t)from->n[8] : 0, x0 = from ? (size_t)from->n[9] : 0;
    size_t nd = SR_VEC_COUNT(&c->docs, sr_cdoc), ne = SR_VEC_COUNT(&c->entities, sr_centity);
    size_t ncl = SR_VEC_COUNT(&c->claims, sr_cclaim), nev = SR_VEC_COUNT(&c->events, sr_cevent);
    size_t nw = SR_VEC_COUNT(&c->trendwords, sr_ctrendword), nterms = SR_VEC_COUNT(&c->terms, sr_cterm);
    size_t nx = SR_VEC_COUNT(&c->exprs, sr_cexpr);
    if (c->ndocs != nd || nd >= UINT32_MAX)
        return false;
    sr_cdoc *docs = (sr_cdoc *)(void *)c->docs.data;
    for (size_t i = d0; i < nd; i++) {
        sr_cdoc *d = &docs[i];
        /* each document's story terms follow the one before's: the stories
         * stage numbers every term once, so ranges must not overlap */
        if (d->terms0 != (i ? docs[i - 1].terms1 : 0) || (i + 1 == nd && d->terms1 != nterms))
            return false;
        /* union-find: a parent is never after its child (unite roots at
         * the smaller index), so no walk can loop */
        if (!d->id || d->dup_of < -1 || d->dup_of >= (int32_t)nd || d->terms0 > d->terms1 || d->terms1 > nterms ||
            d->claims0 > d->claims1 || d->claims1 > ncl || d->events0 > d->events1 || d->events1 > nev ||
            d->words0 > d->words1 || d->words1 > nw || d->exprs0 > d->exprs1 || d->exprs1 > nx)
            return false;
        d->story = -1;
        d->published[sizeof d->published - 1] = d->inferred[sizeof d->inferred - 1] = '\0';
        if (d->rec_at < 0)
            return false;
    }
    for (size_t i = 0; i < ne; i++) {
        sr_centity *x = &SR_VEC_AT(&c->entities, sr_centity, i);
        if (!x->name || x->kind < SITREP_ENTITY_ARMED_GROUP || x->kind > SITREP_ENTITY_NATIONALITY)
            return false;
        x->country[2] = '\0';
    }
    for (size_t i = cl0; i < ncl; i++) {
        sr_cclaim *x = &SR_VEC_AT(&c->claims, sr_cclaim, i);
        if (x->doc_index >= nd || x->nplaces > 4 || !x->doc || !x->measure)
            return false;
        for (size_t k = 0; k < x->nplaces; k++)
            if (!x->places[k])
                return false;
        x->group = -1;
        x->from[10] = x->to[10] = x->said[10] = '\0';
        for (size_t k = 0; k < 4; k++)
            x->place_countries[k][2] = '\0';
    }
    for (size_t i = ev0; i < nev; i++) {
        sr_cevent *x = &SR_VEC_AT(&c->events, sr_cevent, i);
        if (x->doc_index >= nd || x->nactors > 5 || !x->doc || !x->type || !x->sub)
            return false;
        for (size_t k = 0; k < x->nactors; k++)
            if (!x->actors[k])
                return false;
        x->group = -1;
        x->from[10] = x->to[10] = x->country[2] = '\0';
    }
    for (size_t i = w0; i < nw; i++) {
        const sr_ctrendword *w = &SR_VEC_AT(&c->trendwords, sr_ctrendword, i);
        if (w->doc_index >= nd || !w->quote || !w->phrase || w->kind < SR_TREND_DOUBLE || w->kind > SR_TREND_FALL ||
            w->end < w->start || strlen(w->quote) != w->end - w->start)
            return false;
    }
    for (size_t i = x0; i < nx; i++) {
        sr_cexpr *x = &SR_VEC_AT(&c->exprs, sr_cexpr, i);
        if (x->doc_index >= nd || (x->type != SR_CEXPR_TIME && x->type != SR_CEXPR_FIGURE) || !x->doc ||
            !x->quote || x->end < x->start || x->end - x->start != x->quote_len || strlen(x->quote) != x->quote_len)
            return false;
        x->from[10] = x->to[10] = x->pfrom[10] = x->pto[10] = '\0';
        x->duration[sizeof x->duration - 1] = x->unit[sizeof x->unit - 1] = '\0';
    }
    /* the tables: slot values inside their arrays, and never full (a
     * probe must find an empty slot) */
    if ((c->nslots && ne * 10 > c->nslots * 7) || (!c->nslots && ne))
        return false;
    for (size_t i = 0; i < c->nslots; i++)
        if (c->slots[i] > ne)
            return false;
    return true;
}

/* A whole snapshot into a new corpus (`part` false), or a part into the
 * corpus its rows follow (true): each table's rows appended where the
 * part says they start, which must be where the corpus's end; the
 * entities and their table replaced. */
static sitrep_status load(sitrep_corpus *c, const void *data, size_t len, bool part)
{
    if (c->finished || (!part && (c->ndocs || SR_VEC_COUNT(&c->docs, sr_cdoc))))
        return SITREP_EARG; /* a whole snapshot into a new corpus only */
    sitrep_status hs = sr_corpus_hold(c, SR_HOLD_ALL); /* rows are loaded into memory */
    if (hs != SITREP_OK)
        return hs;
    const sitrep_mem *mem = c->mem;
    sr_bytes_in r = {data, (const unsigned char *)data + len, false};
    char magic[8];
    if (!sr_bytes_get(&r, magic, 8) || memcmp(magic, part ? PART_MAGIC : SNAP_MAGIC, 8) != 0 ||
        sr_bytes_get_u64(&r) != layout_key())
        return SITREP_EFORMAT;
    sr_snap_mark from;
    sr_corpus_mark(c, &from);
    from.n[0] = 0; /* the entities: all of them again */
    uint64_t nstr = sr_bytes_get_u64(&r);
    if (r.bad || nstr > len / sizeof(uint32_t))
        return SITREP_EFORMAT;
    const char **strs = mem->calloc(nstr + 1, sizeof *strs);
    if (!strs)
        return SITREP_ENOMEM;
    sitrep_status st = SITREP_OK;
    for (uint64_t i = 1; i <= nstr && st == SITREP_OK; i++) {
        uint32_t n;
        if (!sr_bytes_get(&r, &n, sizeof n) || (size_t)(r.end - r.p) < n) {
            st = SITREP_EFORMAT;
            break;
        }
        size_t bad;
        if (!sr_utf8_valid((const char *)r.p, n, &bad) || memchr(r.p, 0, n)) {
            st = SITREP_EFORMAT; /* every string goes into JSON: text only */
            break;
        }
        strs[i] = sr_corpus_intern(c, (const char *)r.p, n);
        if (!strs[i])
            st = SITREP_ENOMEM;
        r.p += n;
    }
    union {
        sr_cmention m;
        sr_cspan s;
    } row;
    for (size_t t = 0; t < sizeof tables / sizeof tables[0] && st == SITREP_OK; t++) {
        const table *tb = &tables[t];
        sr_buf *b = tb->rows ? NULL : (sr_buf *)(void *)((char *)c + tb->buf);
        sr_rows *rw = tb->rows ? (sr_rows *)(void *)((char *)c + tb->buf) : NULL;
        if (part && sr_bytes_get_u64(&r) != from.n[t]) {
            st = SITREP_EFORMAT; /* not the part that follows */
            break;
        }
        if (part && t == 0)
            b->len = 0;
        uint64_t n = sr_bytes_get_u64(&r);
        if (r.bad || n > (size_t)(r.end - r.p) / tb->size) {
            st = SITREP_EFORMAT;
            break;
        }
        for (uint64_t i = 0; i < n && st == SITREP_OK; i++) {
            char *slot = !b ? (char *)&row : sr_buf_reserve(b, tb->size) ? b->data + b->len : NULL;
            if (!slot) {
                st = SITREP_ENOMEM;
                break;
            }
            if (!sr_bytes_get(&r, slot, tb->size)) {
                st = SITREP_EFORMAT;
                break;
            }
            for (size_t k = 0; k < tb->nstrs; k++) {
                uintptr_t id;
                memcpy(&id, slot + tb->strs[k], sizeof id);
                if (id > nstr) {
                    st = SITREP_EFORMAT;
                    break;
                }
                const char *s = strs[id];
                memcpy(slot + tb->strs[k], &s, sizeof s);
            }
            if (st == SITREP_OK && b == &c->docs) {
                sr_cdoc *d = (sr_cdoc *)(void *)slot;
                int64_t has;
                memcpy(&has, &d->src_at, sizeof has);
                d->src_at = -1;
                d->src_len = 0;
                d->rec_at = -1;
                uint64_t rl = sr_bytes_get_u64(&r);
                size_t bad;
                if (r.bad || rl > (size_t)(r.end - r.p) || !sr_utf8_valid((const char *)r.p, (size_t)rl, &bad) ||
                    memchr(r.p, 0, (size_t)rl)) {
                    st = SITREP_EFORMAT;
                    break;
                }
                st = sr_corpus_keep_record(c, d, (const char *)r.p, (size_t)rl);
                if (st != SITREP_OK)
                    break;
                r.p += rl;
                if (has) {
                    uint64_t sl = sr_bytes_get_u64(&r);
                    if (r.bad || sl > (size_t)(r.end - r.p)) {
                        st = SITREP_EFORMAT;
                        break;
                    }
                    st = sr_corpus_keep_input(c, d, (const char *)r.p, (size_t)sl);
                    if (st != SITREP_OK)
                        break;
                    r.p += sl;
                }
            }
            if (st == SITREP_OK && !b && rw != &c->mentions) {
                /* a span's quote, quote_len bytes of text after it */
                size_t ql = row.s.quote_len, bad;
                if (ql > (size_t)(r.end - r.p) || !sr_utf8_valid((const char *)r.p, ql, &bad) || memchr(r.p, 0, ql)) {
                    st = SITREP_EFORMAT;
                    break;
                }
                if (row_ok(c, rw, &row))
                    st = sr_corpus_keep_quote(c, &row.s, (const char *)r.p);
                else
                    st = SITREP_EFORMAT;
                r.p += ql;
            }
            if (st == SITREP_OK && !b)
                st = row_ok(c, rw, &row) ? sr_rows_push(rw, &row) : SITREP_EFORMAT;
            else if (st == SITREP_OK)
                b->len += tb->size;
        }
    }
    if (st == SITREP_OK) {
        uint64_t ns = sr_bytes_get_u64(&r);
        if (r.bad || (ns & (ns - 1)) || !get_array(&r, mem, (void **)&c->slots, ns, sizeof *c->slots))
            st = r.bad ? SITREP_EFORMAT : SITREP_ENOMEM;
        else
            c->nslots = ns;
    }
    if (st == SITREP_OK) {
        c->ndocs = sr_bytes_get_u64(&r);
        if (r.bad || r.p != r.end || !consistent(c, part ? &from : NULL))
            st = SITREP_EFORMAT;
    }
    mem->free(strs);
    return st;
}

sitrep_status sr_corpus_load(sitrep_corpus *c, const void *data, size_t len)
{
    return load(c, data, len, false);
}

sitrep_status sr_corpus_load_part(sitrep_corpus *c, const void *data, size_t len)
{
    return load(c, data, len, true);
}

/* ---- one claim or event as bytes (a store's rows) ---- */

static const table *row_table(sr_row_type t)
{
    return &tables[t == SR_ROW_CLAIM ? 2 : 4];
}

uint64_t sr_row_layout(void)
{
    return layout_key();
}

sitrep_status sr_row_save(sr_row_type t, const void *row, sr_buf *out)
{
    const table *tb = row_table(t);
    size_t at = out->len;
    if (!sr_bytes_put(out, row, tb->size))
        return SITREP_ENOMEM;
    /* each string's slot says whether it is there; the strings follow */
    for (size_t k = 0; k < tb->nstrs; k++) {
        const char *s;
        memcpy(&s, (const char *)row + tb->strs[k], sizeof s);
        uintptr_t has = s != NULL;
        memcpy(out->data + at + tb->strs[k], &has, sizeof has);
        uint32_t n = s ? (uint32_t)strlen(s) : 0;
        if (s && (!sr_bytes_put(out, &n, sizeof n) || !sr_bytes_put(out, s, n)))
            return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

sitrep_status sr_row_load(sitrep_corpus *c, sr_row_type t, const void *data, size_t len, void *row)
{
    const table *tb = row_table(t);
    sr_bytes_in r = {data, (const unsigned char *)data + len, false};
    if (!sr_bytes_get(&r, row, tb->size))
        return SITREP_EFORMAT;
    for (size_t k = 0; k < tb->nstrs; k++) {
        uintptr_t has;
        memcpy(&has, (char *)row + tb->strs[k], sizeof has);
        const char *s = NULL;
        if (has) {
            uint32_t n;
            size_t bad;
            if (!sr_bytes_get(&r, &n, sizeof n) || (size_t)(r.end - r.p) < n ||
                !sr_utf8_valid((const char *)r.p, n, &bad) || memchr(r.p, 0, n))
                return SITREP_EFORMAT;
            if (!(s = sr_corpus_intern(c, (const char *)r.p, n)))
                return SITREP_ENOMEM;
            r.p += n;
        }
        memcpy((char *)row + tb->strs[k], &s, sizeof s);
    }
    if (r.p != r.end)
        return SITREP_EFORMAT;
    if (t == SR_ROW_CLAIM) {
        sr_cclaim *x = row;
        if (x->nplaces > 4 || !x->doc || !x->measure)
            return SITREP_EFORMAT;
        for (size_t k = 0; k < x->nplaces; k++)
            if (!x->places[k])
                return SITREP_EFORMAT;
        x->group = -1;
        x->from[10] = x->to[10] = x->said[10] = '\0';
        for (size_t k = 0; k < 4; k++)
            x->place_countries[k][2] = '\0';
    } else {
        sr_cevent *x = row;
        if (x->nactors > 5 || !x->doc || !x->type || !x->sub)
            return SITREP_EFORMAT;
        for (size_t k = 0; k < x->nactors; k++)
            if (!x->actors[k])
                return SITREP_EFORMAT;
        x->group = -1;
        x->from[10] = x->to[10] = x->country[2] = '\0';
    }
    return SITREP_OK;
}
