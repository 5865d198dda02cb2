/*
 * articles.c -- the articles a partial corpus carries for a store.
 *
 * A store keeps every article it was given (its bytes, compressed, and the
 * metadata the document was read with: store/store.c), beside what the
 * corpus keeps of it.  A shard analysed on another machine
 * (sitrep_corpus_keep_articles) keeps the same: one record per document,
 * in document order, so that the merged corpus of many shards can be
 * ingested into a store (sitrep_store_add_corpus) as if its articles had
 * been ingested one by one.  The records are opaque to the corpus: merging
 * appends them with their documents (merge.c), a snapshot file carries
 * them after the partial corpus, and nothing of them reaches the records
 * or the corpus's own snapshot (snapshot.c), so merging stays associative
 * and the records are the same with or without them.
 *
 * A record: its size (u64), then the id, title, outlet, url and published
 * date (each a u32 length + 1, 0 for none, and the bytes with their NUL,
 * read in place), the article's
 * length (u64) and its bytes compressed with zlib (u64 length, the
 * bytes), as the store keeps them.
 */
#include "corpus/corpus.h"

#include <stdint.h>
#include <string.h>
#include <zlib.h>

static bool put_u64(sr_buf *b, uint64_t v)
{
    return sr_buf_put(b, &v, sizeof v);
}

static bool put_str(sr_buf *b, const char *s)
{
    uint32_t n = s ? (uint32_t)strlen(s) + 1 : 0;
    return sr_buf_put(b, &n, sizeof n) && (n == 0 || sr_buf_put(b, s, n));
}

sitrep_status sr_corpus_add_article(sitrep_corpus *c, const sitrep_doc *doc)
{
    size_t len;
    const char *bytes = sitrep_doc_source(doc, &len);
    uLongf zlen = compressBound((uLong)len);
    Bytef *z = c->mem->calloc(1, zlen ? zlen : 1);
    if (!z)
        return SITREP_ENOMEM;
    /* level 1, as the store compresses what it is given */
    if (compress2(z, &zlen, (const Bytef *)(bytes ? bytes : ""), (uLong)len, 1) != Z_OK) {
        c->mem->free(z);
        return SITREP_ENOMEM;
    }
    size_t at = c->articles.len;
    bool ok = put_u64(&c->articles, 0) && put_str(&c->articles, sitrep_doc_id(doc)) &&
              put_str(&c->articles, sitrep_doc_title(doc)) && put_str(&c->articles, sitrep_doc_outlet(doc)) &&
              put_str(&c->articles, sitrep_doc_url(doc)) && put_str(&c->articles, sitrep_doc_published(doc)) &&
              put_u64(&c->articles, len) && put_u64(&c->articles, zlen) && sr_buf_put(&c->articles, z, zlen);
    c->mem->free(z);
    if (!ok) {
        c->articles.len = at;
        return SITREP_ENOMEM;
    }
    uint64_t size = c->articles.len - at - sizeof size;
    memcpy(c->articles.data + at, &size, sizeof size);
    c->narticles++;
    return SITREP_OK;
}

/* ---- reading them back ---- */

typedef struct cursor {
    const unsigned char *p, *end;
} cursor;

static bool get(cursor *k, void *dst, size_t n)
{
    if ((size_t)(k->end - k->p) < n)
        return false;
    memcpy(dst, k->p, n);
    k->p += n;
    return true;
}

/* A string field, in place: NULL when absent; false for damage. */
static bool get_str(cursor *k, const char **out)
{
    uint32_t n;
    if (!get(k, &n, sizeof n))
        return false;
    *out = NULL;
    if (n == 0)
        return true;
    if (n > (size_t)(k->end - k->p))
        return false;
    const char *s = (const char *)k->p;
    if (s[n - 1] != '\0' || memchr(s, '\0', n - 1))
        return false; /* not a string the writer wrote */
    k->p += n;
    *out = s;
    return true;
}

/* zlib's ratio is at most about 1:1032: an article said to be longer than
 * its compressed bytes can hold is damage (and no buffer is sized by it). */
static bool ratio_ok(uint64_t len, uint64_t zlen)
{
    return len / 1032 <= zlen + 1 && len < SIZE_MAX;
}

sitrep_status sr_articles_check(const void *data, size_t len, size_t *count)
{
    cursor k = {data, (const unsigned char *)data + len};
    size_t n = 0;
    while (k.p < k.end) {
        uint64_t size;
        if (!get(&k, &size, sizeof size) || size > (uint64_t)(k.end - k.p))
            return SITREP_EFORMAT;
        cursor r = {k.p, k.p + size};
        const char *str;
        for (int f = 0; f < 5; f++)
            if (!get_str(&r, &str) || (f == 0 && !str))
                return SITREP_EFORMAT; /* every article has its id */
        uint64_t alen, zlen;
        if (!get(&r, &alen, sizeof alen) || !get(&r, &zlen, sizeof zlen) || zlen != (uint64_t)(r.end - r.p) ||
            !ratio_ok(alen, zlen))
            return SITREP_EFORMAT;
        k.p += size;
        n++;
    }
    *count = n;
    return SITREP_OK;
}

bool sr_article_next(const sr_buf *articles, size_t *at, sr_article *a)
{
    if (*at >= articles->len)
        return false;
    cursor k = {(const unsigned char *)articles->data + *at, (const unsigned char *)articles->data + articles->len};
    uint64_t size;
    if (!get(&k, &size, sizeof size) || size > (uint64_t)(k.end - k.p))
        return false;
    cursor r = {k.p, k.p + size};
    const char **f[] = {&a->id, &a->title, &a->outlet, &a->url, &a->published};
    for (size_t i = 0; i < 5; i++)
        if (!get_str(&r, f[i]))
            return false;
    uint64_t alen, zlen;
    if (!get(&r, &alen, sizeof alen) || !get(&r, &zlen, sizeof zlen) || zlen != (uint64_t)(r.end - r.p) ||
        !ratio_ok(alen, zlen))
        return false;
    a->len = (size_t)alen;
    a->z = r.p;
    a->zlen = (size_t)zlen;
    *at += sizeof size + size;
    return true;
}
