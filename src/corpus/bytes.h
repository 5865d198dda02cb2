/*
 * bytes.h -- the byte-level reading and writing of the corpus's binary
 * forms (the snapshot, snapshot.c; the corroboration handed between
 * workers, shared.c): integers in the machine's byte order, appended to an
 * sr_buf; a reader that turns bad, and stays bad, at the first read past
 * its end, so a caller checks once at the end instead of at every field.
 */
#ifndef SITREP_CORPUS_BYTES_H
#define SITREP_CORPUS_BYTES_H

#include "core/core.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static inline bool sr_bytes_put(sr_buf *b, const void *p, size_t n) { return n == 0 || sr_buf_put(b, p, n); }
static inline bool sr_bytes_put_u32(sr_buf *b, uint32_t v) { return sr_bytes_put(b, &v, sizeof v); }
static inline bool sr_bytes_put_u64(sr_buf *b, uint64_t v) { return sr_bytes_put(b, &v, sizeof v); }

typedef struct sr_bytes_in {
    const unsigned char *p, *end;
    bool bad;
} sr_bytes_in;

/* n bytes into dst; false (and the reader bad) when fewer are left */
static inline bool sr_bytes_get(sr_bytes_in *r, void *dst, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return false;
    }
    if (n)
        memcpy(dst, r->p, n);
    r->p += n;
    return true;
}

static inline uint32_t sr_bytes_get_u32(sr_bytes_in *r)
{
    uint32_t v = 0;
    sr_bytes_get(r, &v, sizeof v);
    return v;
}

static inline uint64_t sr_bytes_get_u64(sr_bytes_in *r)
{
    uint64_t v = 0;
    sr_bytes_get(r, &v, sizeof v);
    return v;
}

#endif
