/*
 * pipeline_parts.c -- the records of a corpus in parts, for writing them
 * on several machines at once (sitrep.dask): part k of n is a run of the
 * records in output order, so the parts one after the other are the
 * records sitrep_corpus_write_json writes, byte for byte.  The runs are
 * cut by the records' estimated bytes (report/corpus_json.c), not their
 * count: the documents and entities come first and are the longest, so
 * parts of equal count left the first part's writer the most to do.
 *
 * A part is handed over in blocks of whole records (about 1 MB), not a
 * record at a time: its reader is often a binding whose call per record
 * costs more than writing the record (sitrep.dask: ctypes, 590,000
 * records for 20,000 articles).
 */
#include "corpus/corpus.h"
#include "report/report.h"

#include <string.h>

enum { BLOCK_BYTES = 1 << 20 };

typedef struct blocks {
    sr_buf buf;
    sitrep_write_fn write;
    void *ctx;
    bool nomem;      /* the block could not grow: SITREP_ENOMEM, not EIO */
} blocks;

static int flush(blocks *b)
{
    int r = b->buf.len ? b->write(b->buf.data, b->buf.len, b->ctx) : 0;
    b->buf.len = 0;
    return r;
}

static int block_write(const char *data, size_t len, void *ctx)
{
    blocks *b = ctx;
    if (!sr_buf_put(&b->buf, data, len)) {
        b->nomem = true;
        return -1;
    }
    return b->buf.len >= BLOCK_BYTES ? flush(b) : 0;
}

/* The range's records through `write` in blocks (c->slice set: its
 * sections must be ready; NULL: all the records). */
static sitrep_status write_blocks(sitrep_corpus *c, unsigned flags, sr_slice *range, sitrep_write_fn write, void *ctx)
{
    blocks b = {.write = write, .ctx = ctx};
    sr_buf_init(&b.buf, c->mem);
    c->slice = range;
    sitrep_status st = sr_corpus_write_records(c, flags, block_write, &b);
    c->slice = NULL;
    if (st == SITREP_OK && flush(&b))
        st = SITREP_EIO;
    if (b.nomem)
        st = SITREP_ENOMEM;
    sr_buf_free(&b.buf);
    return st;
}

/* A place s + f as the range keeps it. */
static void place(double x, unsigned *sec, double *frac)
{
    unsigned s = (unsigned)x;
    if (s >= SR_SECTIONS) {
        *sec = SR_SECTIONS, *frac = 0;
        return;
    }
    *sec = s;
    *frac = x - s;
}

/* Finishes what the records of the range r need: the stories for the
 * documents, stories and mention records, the corroboration's part of the
 * claims too for the claims, conflicts and trends, its part of the events
 * for the events, nothing for the entities. */
static sitrep_status finish_slice(sitrep_corpus *c, const sr_slice *r)
{
    bool stories = false, claims = false, events = false;
    for (unsigned s = r->lo_sec; s < SR_SECTIONS && (s < r->hi_sec || (s == r->hi_sec && r->hi_frac > 0)); s++) {
        if (s == SR_SEC_EVENTS)
            events = true;
        else if (s >= SR_SEC_CLAIMS && s <= SR_SEC_TRENDS)
            claims = true;
        else if (s != SR_SEC_ENTITIES)
            stories = true;
    }
    if (claims || events)
        return sr_corpus_finish_parts(c, claims, events);
    if (stories)
        return sr_corpus_finish_stories(c);
    c->finished = true; /* nothing joins after this */
    return SITREP_OK;
}

static bool slice_of(double from, double to, sr_slice *r)
{
    if (!(from >= 0) || !(from <= to) || !(to <= SR_SECTIONS))
        return false;
    memset(r, 0, sizeof *r);
    place(from, &r->lo_sec, &r->lo_frac);
    place(to, &r->hi_sec, &r->hi_frac);
    return true;
}

sitrep_status sitrep_corpus_finish_range(sitrep_corpus *c, double from, double to)
{
    sr_slice r;
    if (c == NULL || !slice_of(from, to, &r))
        return SITREP_EARG;
    return finish_slice(c, &r);
}

sitrep_status sitrep_corpus_write_json_range(sitrep_corpus *c, unsigned flags, double from, double to,
                                             sitrep_write_fn write, void *ctx)
{
    sr_slice r;
    if (c == NULL || write == NULL || !slice_of(from, to, &r))
        return SITREP_EARG;
    sitrep_status st = finish_slice(c, &r);
    return st == SITREP_OK ? write_blocks(c, flags, &r, write, ctx) : st;
}

sitrep_status sitrep_corpus_write_json_part(sitrep_corpus *c, unsigned flags, size_t part, size_t nparts,
                                            sitrep_write_fn write, void *ctx)
{
    if (c == NULL || write == NULL || nparts == 0 || part >= nparts)
        return SITREP_EARG;
    sitrep_status st = sitrep_corpus_finish(c);
    if (st != SITREP_OK)
        return st;
    if (nparts == 1)
        return write_blocks(c, flags, NULL, write, ctx);
    /* the records' estimated bytes by section, summed without sorting or
     * building them; part k starts at k/nparts of their sum, a place in a
     * section (the last part takes all the rest) */
    size_t sec[SR_SECTIONS], total = 0;
    for (unsigned s = 0; s < SR_SECTIONS && st == SITREP_OK; s++) {
        st = sr_corpus_section_bytes(c, s, &sec[s]);
        total += sec[s];
    }
    if (st != SITREP_OK)
        return st;
    double at[2];
    for (size_t k = 0; k < 2; k++) {
        size_t p = part + k;
        if (p == nparts) {
            at[k] = SR_SECTIONS;
            continue;
        }
        size_t bytes = (size_t)((unsigned long long)total * p / nparts);
        unsigned s = 0;
        while (s + 1 < SR_SECTIONS && bytes >= sec[s])
            bytes -= sec[s++];
        at[k] = s + (sec[s] ? (double)bytes / (double)sec[s] : 0);
    }
    return sitrep_corpus_write_json_range(c, flags, at[0], at[1], write, ctx);
}

_Static_assert(SITREP_SECTIONS == SR_SECTIONS, "sitrep.h counts the sections of corpus.h");
