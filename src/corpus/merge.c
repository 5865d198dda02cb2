/*
 * merge.c -- partial corpora that merge: a shard of articles analysed on
 * one machine, written as a snapshot, and any number of snapshots merged
 * into the corpus of all their articles.
 *
 * A partial corpus is what the corpus keeps of each article (its record,
 * entities and mentions, claims, events, spans, trend sentences, time and
 * figure mentions, its signature and story terms; an undated article's
 * bytes).  Merging is the union of those, the documents of each input
 * after the documents before it, and nothing else: the links between
 * articles (near-copies, stories) are made when the corpus is finished,
 * from the documents then there in one canonical order (cluster/stories.c).
 * So merging never reaches into the stories' internals, and the result is
 * the corpus one process would have made adding the same documents: byte
 * for byte the same records, in whatever order the shards are merged.
 *
 * A snapshot file is a header (magic, the options that shape the records,
 * the sizes) and the partial corpus (corpus/snapshot.c) compressed with
 * zlib, then, when kept for a store, the articles (corpus/articles.c),
 * which merging appends with their documents.  It is tied to the build
 * that wrote it like the store's snapshot: another layout is
 * SITREP_EFORMAT.
 */
#include "corpus/corpus.h"

#include "wordhash.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* ---- absorbing one corpus into another ---- */

/* Each string of `from` as the string of `into`: a pointer map, so a
 * string shared by many records is interned once. */
typedef struct absorb {
    sitrep_corpus *into;
    const char **keys, **vals;
    size_t nslots, n;
    bool bad;
} absorb;

static bool amap_grow(absorb *a)
{
    const sitrep_mem *mem = a->into->mem;
    size_t n = a->nslots ? a->nslots * 2 : 4096;
    const char **keys = mem->calloc(n, sizeof *keys), **vals = mem->calloc(n, sizeof *vals);
    if (!keys || !vals) {
        mem->free((void *)keys);
        mem->free((void *)vals);
        return false;
    }
    for (size_t i = 0; i < a->nslots; i++) {
        if (!a->keys[i])
            continue;
        size_t k = (size_t)sr_mix64((uint64_t)(uintptr_t)a->keys[i]) & (n - 1);
        while (keys[k])
            k = (k + 1) & (n - 1);
        keys[k] = a->keys[i];
        vals[k] = a->vals[i];
    }
    mem->free((void *)a->keys);
    mem->free((void *)a->vals);
    a->keys = keys;
    a->vals = vals;
    a->nslots = n;
    return true;
}

static const char *tr(absorb *a, const char *s)
{
    if (!s || a->bad)
        return NULL;
    if ((a->n + 1) * 10 > a->nslots * 7 && !amap_grow(a)) {
        a->bad = true;
        return NULL;
    }
    size_t k = (size_t)sr_mix64((uint64_t)(uintptr_t)s) & (a->nslots - 1);
    for (; a->keys[k]; k = (k + 1) & (a->nslots - 1))
        if (a->keys[k] == s)
            return a->vals[k];
    const char *v = sr_corpus_intern(a->into, s, strlen(s));
    if (!v) {
        a->bad = true;
        return NULL;
    }
    a->keys[k] = s;
    a->vals[k] = v;
    a->n++;
    return v;
}

#define TR(field) (x.field = tr(&a, x.field))

sitrep_status sr_corpus_absorb(sitrep_corpus *into, const sitrep_corpus *from)
{
    return sr_corpus_absorb_some(into, from, true, true);
}

sitrep_status sr_corpus_absorb_some(sitrep_corpus *into, const sitrep_corpus *from, bool exprs, bool articles)
{
    if (into->finished || from->finished)
        return SITREP_EARG;
    /* the rows of both, in memory (corpus.h) */
    sitrep_status hs = sr_corpus_hold(into, SR_HOLD_ALL);
    if (hs == SITREP_OK)
        hs = sr_corpus_hold_const(from, SR_HOLD_ALL);
    if (hs != SITREP_OK)
        return hs;
    const sitrep_mem *mem = into->mem;
    absorb a = {into, NULL, NULL, 0, 0, false};
    sitrep_status io = SITREP_OK; /* a failure of the spill file */
    uint32_t nd0 = (uint32_t)SR_VEC_COUNT(&into->docs, sr_cdoc);
    uint32_t ncl0 = (uint32_t)SR_VEC_COUNT(&into->claims, sr_cclaim);
    uint32_t nev0 = (uint32_t)SR_VEC_COUNT(&into->events, sr_cevent);
    uint32_t nw0 = (uint32_t)SR_VEC_COUNT(&into->trendwords, sr_ctrendword);
    uint32_t nx0 = (uint32_t)SR_VEC_COUNT(&into->exprs, sr_cexpr);
    uint32_t nt0 = (uint32_t)SR_VEC_COUNT(&into->terms, sr_cterm);
    size_t nd = SR_VEC_COUNT(&from->docs, sr_cdoc), ne = SR_VEC_COUNT(&from->entities, sr_centity);
    if ((uint64_t)nd0 + nd >= UINT32_MAX)
        return SITREP_EARG;
    /* entities join those of the same identity */
    uint32_t *emap = mem->calloc(ne ? ne : 1, sizeof *emap);
    if (!emap)
        return SITREP_ENOMEM;
    for (size_t i = 0; i < ne && !a.bad; i++) {
        sr_centity x = SR_VEC_AT(&from->entities, sr_centity, i);
        TR(name), TR(parent), TR(role), TR(role_doc), TR(first_doc), TR(admin1), TR(admin1_code), TR(feature);
        int64_t m = a.bad ? -1 : sr_corpus_entity_join(into, &x);
        if (m < 0)
            a.bad = true;
        else
            emap[i] = (uint32_t)m;
    }
    sr_cmention chunk[256]; /* the rows read 256 at a time */
    for (size_t i = 0; i < from->mentions.n && !a.bad; i++) {
        sitrep_status rs = SITREP_OK;
        if (i % 256 == 0)
            rs = sr_rows_get(&from->mentions, i, from->mentions.n - i < 256 ? from->mentions.n - i : 256, chunk);
        sr_cmention x = chunk[i % 256];
        if (rs == SITREP_OK && x.entity >= ne)
            rs = SITREP_EFORMAT;
        if (rs == SITREP_OK) {
            x.entity = emap[x.entity];
            TR(doc), TR(quote), TR(alias);
            if (!a.bad)
                rs = sr_rows_push(&into->mentions, &x);
        }
        if (rs != SITREP_OK) {
            io = rs;
            a.bad = true;
        }
    }
    mem->free(emap);
    /* claims, events and their spans, after those of `into` */
    for (size_t i = 0; i < SR_VEC_COUNT(&from->claims, sr_cclaim) && !a.bad; i++) {
        sr_cclaim x = SR_VEC_AT(&from->claims, sr_cclaim, i);
        TR(doc), TR(measure), TR(qualifier), TR(actor), TR(attributed_to);
        for (size_t k = 0; k < x.nplaces; k++)
            TR(places[k]);
        x.doc_index += nd0;
        x.group = -1;
        a.bad = a.bad || !SR_VEC_PUSH(&into->claims, sr_cclaim, x);
    }
    for (size_t i = 0; i < SR_VEC_COUNT(&from->events, sr_cevent) && !a.bad; i++) {
        sr_cevent x = SR_VEC_AT(&from->events, sr_cevent, i);
        TR(doc), TR(type), TR(sub), TR(precision), TR(location), TR(admin1), TR(fat_q), TR(inj_q), TR(perp_conf);
        for (size_t k = 0; k < x.nactors; k++)
            TR(actors[k]);
        x.doc_index += nd0;
        x.group = -1;
        a.bad = a.bad || !SR_VEC_PUSH(&into->events, sr_cevent, x);
    }
    const sr_rows *fspans[] = {&from->claim_spans, &from->event_spans};
    sr_rows *ispans[] = {&into->claim_spans, &into->event_spans};
    uint32_t owner0[] = {ncl0, nev0};
    sr_cspan sc[256]; /* the rows read 256 at a time */
    sr_buf quote;     /* a span's quote, from the spill file of `from` to that of `into` */
    sr_buf_init(&quote, mem);
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < fspans[k]->n && !a.bad; i++) {
            sitrep_status rs = SITREP_OK;
            if (i % 256 == 0)
                rs = sr_rows_get(fspans[k], i, fspans[k]->n - i < 256 ? fspans[k]->n - i : 256, sc);
            sr_cspan x = sc[i % 256];
            if (rs == SITREP_OK)
                rs = sr_corpus_span_quote(from, &x, &quote);
            if (rs == SITREP_OK) {
                TR(doc);
                x.owner += owner0[k];
                if (!a.bad)
                    rs = sr_corpus_keep_quote(into, &x, quote.data);
                if (!a.bad && rs == SITREP_OK)
                    rs = sr_rows_push(ispans[k], &x);
            }
            if (rs != SITREP_OK) {
                io = rs;
                a.bad = true;
            }
        }
    sr_buf_free(&quote);
    for (size_t i = 0; i < SR_VEC_COUNT(&from->trendwords, sr_ctrendword) && !a.bad; i++) {
        sr_ctrendword x = SR_VEC_AT(&from->trendwords, sr_ctrendword, i);
        TR(quote), TR(phrase);
        x.doc_index += nd0;
        a.bad = a.bad || !SR_VEC_PUSH(&into->trendwords, sr_ctrendword, x);
    }
    for (size_t i = 0; exprs && i < SR_VEC_COUNT(&from->exprs, sr_cexpr) && !a.bad; i++) {
        sr_cexpr x = SR_VEC_AT(&from->exprs, sr_cexpr, i);
        TR(doc), TR(quote), TR(precision), TR(kind), TR(qualifier), TR(measure), TR(relation), TR(mod);
        x.doc_index += nd0;
        a.bad = a.bad || !SR_VEC_PUSH(&into->exprs, sr_cexpr, x);
    }
    size_t nt = SR_VEC_COUNT(&from->terms, sr_cterm);
    if (!a.bad && (uint64_t)nt0 + nt >= UINT32_MAX)
        a.bad = true;
    for (size_t i = 0; i < nt && !a.bad; i++)
        a.bad = !SR_VEC_PUSH(&into->terms, sr_cterm, SR_VEC_AT(&from->terms, sr_cterm, i));
    /* the documents */
    sr_buf rec;
    sr_buf_init(&rec, mem);
    for (size_t i = 0; i < nd && !a.bad; i++) {
        sr_cdoc x = SR_VEC_AT(&from->docs, sr_cdoc, i);
        TR(id), TR(outlet), TR(title), TR(basis);
        /* the corpus's own copies, never written through */
        x.hint_title = (char *)tr(&a, x.hint_title);
        x.hint_url = (char *)tr(&a, x.hint_url);
        x.hint_outlet = (char *)tr(&a, x.hint_outlet);
        x.claims0 += ncl0, x.claims1 += ncl0, x.events0 += nev0, x.events1 += nev0;
        x.words0 += nw0, x.words1 += nw0;
        if (exprs)
            x.exprs0 += nx0, x.exprs1 += nx0;
        else
            x.exprs0 = x.exprs1 = nx0;
        x.terms0 += nt0, x.terms1 += nt0;
        x.story = x.dup_of = -1;
        if (!a.bad) {
            /* its record, from the spill file of `from` to that of `into` */
            sitrep_status rs = sr_corpus_doc_record(from, &x, &rec);
            if (rs == SITREP_OK)
                rs = sr_corpus_keep_record(into, &x, rec.data, rec.len);
            if (rs != SITREP_OK) {
                io = rs;
                a.bad = true;
            }
        }
        if (x.src_at >= 0 && !a.bad) {
            /* its input, from the spill file of `from` to that of `into` */
            char *src = NULL;
            sitrep_status rs = sr_corpus_doc_input(from, &x, &src);
            if (rs == SITREP_OK)
                rs = sr_corpus_keep_input(into, &x, src, x.src_len);
            mem->free(src);
            if (rs != SITREP_OK) {
                io = rs;
                a.bad = true;
            }
        }
        if (!a.bad && !SR_VEC_PUSH(&into->docs, sr_cdoc, x))
            a.bad = true;
    }
    sr_buf_free(&rec);
    /* their articles, after those of `into` (articles.c) */
    if (!a.bad && articles && from->articles.len) {
        a.bad = !sr_buf_put(&into->articles, from->articles.data, from->articles.len);
        if (!a.bad)
            into->narticles += from->narticles;
    }
    if (!a.bad)
        into->ndocs += from->ndocs;
    mem->free((void *)a.keys);
    mem->free((void *)a.vals);
    return a.bad ? (io != SITREP_OK ? io : SITREP_ENOMEM) : SITREP_OK;
}

#undef TR

/* ---- snapshot files ---- */

#define PART_MAGIC "SRPART\x02\x00" /* 2: the articles for a store */
/* the same, the partial corpus stored as it is: its bytes, then their
 * CRC-32 (u64); z_len is raw_len + 8 */
#define PART_MAGIC_STORED "SRPART\x02\x01"

/* The header: magic, the options that shape the records (so that every
 * shard of one merge was made alike), the partial corpus's size before
 * and after compression, and the size, count and CRC-32 of the articles
 * (articles.c) that follow it, for a store (0 when not kept): a damaged
 * article is found where its shard is named, not in the store. */
typedef struct part_header {
    char magic[8];
    uint64_t max_input_bytes;
    uint32_t skip, json_flags;
    uint64_t raw_len, z_len;
    uint64_t art_len, narticles, art_crc;
} part_header;

/* The CRC-32 of p[0..n), in pieces zlib's uInt holds. */
static uint64_t crc_of(const void *p, size_t n)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    for (size_t at = 0; at < n; at += (size_t)1 << 30) {
        size_t k = n - at < ((size_t)1 << 30) ? n - at : ((size_t)1 << 30);
        crc = crc32(crc, (const Bytef *)p + at, (uInt)k);
    }
    return crc;
}

sitrep_status sitrep_corpus_write_snapshot(const sitrep_corpus *c, sitrep_write_fn write, void *ctx)
{
    return sitrep_corpus_write_snapshot_level(c, 1, write, ctx);
}

sitrep_status sitrep_corpus_write_snapshot_level(const sitrep_corpus *c, int level, sitrep_write_fn write, void *ctx)
{
    if (!c || !write || level < 0 || level > 9)
        return SITREP_EARG;
    if (c->finished)
        return SITREP_EARG; /* finishing changes what is kept */
    sr_buf raw;
    sr_buf_init(&raw, c->mem);
    sitrep_status st = sr_corpus_save_unlinked(c, &raw);
    /* level 0: the bytes as they are and their CRC-32 (4 GB/s), for a
     * snapshot read once soon after (sitrep.dask hands its snapshots
     * between tasks so: zlib's level 1 deflates at about 145 MB/s and
     * inflates at 450, a tenth of a shard's task and half of loading the
     * top of the tree, for a quarter of the bytes) */
    uLongf zlen = level ? compressBound((uLong)raw.len) : 0;
    Bytef *z = st == SITREP_OK && level ? c->mem->calloc(1, zlen) : NULL;
    if (st == SITREP_OK && level &&
        (!z || compress2(z, &zlen, (const Bytef *)raw.data, (uLong)raw.len, level) != Z_OK))
        st = SITREP_ENOMEM;
    uint64_t raw_crc = st == SITREP_OK && !level ? crc_of(raw.data, raw.len) : 0;
    if (st == SITREP_OK) {
        part_header h;
        memset(&h, 0, sizeof h);
        memcpy(h.magic, level ? PART_MAGIC : PART_MAGIC_STORED, 8);
        h.max_input_bytes = c->opts.max_input_bytes;
        h.skip = c->opts.skip;
        h.json_flags = c->opts.json_flags;
        h.raw_len = raw.len;
        h.z_len = level ? zlen : raw.len + sizeof raw_crc;
        h.art_len = c->articles.len;
        h.narticles = c->narticles;
        h.art_crc = crc_of(c->articles.data, c->articles.len);
        bool ok = write((const char *)&h, sizeof h, ctx) == 0;
        if (level)
            ok = ok && write((const char *)z, zlen, ctx) == 0;
        else
            ok = ok && (!raw.len || write(raw.data, raw.len, ctx) == 0) &&
                 write((const char *)&raw_crc, sizeof raw_crc, ctx) == 0;
        if (!ok || (c->articles.len && write(c->articles.data, c->articles.len, ctx) != 0))
            st = SITREP_EIO;
    }
    c->mem->free(z);
    sr_buf_free(&raw);
    return st;
}

sitrep_status sitrep_corpus_add_snapshot(sitrep_corpus *c, const void *data, size_t len)
{
    if (!c || (!data && len))
        return SITREP_EARG;
    if (c->finished)
        return SITREP_EARG;
    part_header h;
    if (len < sizeof h)
        return SITREP_EFORMAT;
    memcpy(&h, data, sizeof h);
    bool stored = memcmp(h.magic, PART_MAGIC_STORED, 8) == 0;
    /* zlib's ratio is at most about 1:1032; a larger claim is damage */
    if ((!stored && memcmp(h.magic, PART_MAGIC, 8) != 0) || h.z_len > len - sizeof h ||
        h.art_len != len - sizeof h - h.z_len ||
        (stored ? h.z_len < sizeof(uint64_t) || h.raw_len != h.z_len - sizeof(uint64_t)
                : h.raw_len / 1032 > h.z_len + 1))
        return SITREP_EFORMAT;
    const char *art = (const char *)data + sizeof h + h.z_len;
    size_t nart = 0;
    if (crc_of(art, h.art_len) != h.art_crc || sr_articles_check(art, h.art_len, &nart) != SITREP_OK ||
        nart != h.narticles)
        return SITREP_EFORMAT;
    bool empty = SR_VEC_COUNT(&c->docs, sr_cdoc) == 0;
    if (!empty && (h.max_input_bytes != c->opts.max_input_bytes || h.skip != c->opts.skip ||
                   h.json_flags != c->opts.json_flags))
        return SITREP_EARG; /* made with other options: their records would not agree */
    sitrep_status st = SITREP_OK;
    const char *raw = (const char *)data + sizeof h; /* stored: read where it is */
    char *inflated = NULL;
    if (stored) {
        uint64_t crc;
        memcpy(&crc, raw + h.raw_len, sizeof crc);
        if (crc != crc_of(raw, h.raw_len))
            return SITREP_EFORMAT;
    } else {
        inflated = c->mem->calloc(1, h.raw_len ? h.raw_len : 1);
        if (!inflated)
            return SITREP_ENOMEM;
        uLongf got = (uLongf)h.raw_len;
        if (uncompress((Bytef *)inflated, &got, (const Bytef *)raw, (uLong)h.z_len) != Z_OK || got != h.raw_len)
            st = SITREP_EFORMAT;
        raw = inflated;
    }
    sitrep_options opts = c->opts;
    opts.max_input_bytes = h.max_input_bytes;
    opts.skip = h.skip;
    opts.json_flags = h.json_flags;
    sitrep_corpus *part = NULL;
    if (st == SITREP_OK)
        st = sitrep_corpus_new(&opts, &part);
    if (st == SITREP_OK)
        st = sr_corpus_load(part, raw, h.raw_len);
    c->mem->free(inflated);
    if (st == SITREP_OK && h.art_len) {
        if (sr_buf_put(&part->articles, art, h.art_len))
            part->narticles = nart;
        else
            st = SITREP_ENOMEM;
    }
    if (st == SITREP_OK && c->keep_articles && part->narticles != part->ndocs)
        st = SITREP_EARG; /* kept for a store, and this one has none to give */
    if (st == SITREP_OK) {
        if (empty)
            c->opts = opts; /* the first snapshot says how the articles were read */
        st = sr_corpus_absorb(c, part);
    }
    sitrep_corpus_free(part);
    return st;
}
