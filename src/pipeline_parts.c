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

sitrep_status sitrep_corpus_write_json_part(sitrep_corpus *c, unsigned flags, size_t part, size_t nparts,
                                            sitrep_write_fn write, void *ctx)
{
    if (c == NULL || write == NULL || nparts == 0 || part >= nparts)
        return SITREP_EARG;
    sitrep_status st = sitrep_corpus_finish(c);
    if (st != SITREP_OK)
        return st;
    sr_slice mine = {0, 0, 0};
    if (nparts > 1) {
        /* the records' estimated bytes, summed without sorting or building
         * them (a pass of the writer that built none, the way before, cost
         * each part a quarter of finishing the corpus, more than linearly:
         * 0.67 s CPU at 20,000 articles, 1.8 s at 40,000); the last part
         * takes all the rest */
        size_t total = 0;
        st = sr_corpus_records_bytes(c, &total);
        mine.lo = (size_t)((unsigned long long)total * part / nparts);
        mine.hi = part + 1 == nparts ? SIZE_MAX : (size_t)((unsigned long long)total * (part + 1) / nparts);
    }
    blocks b = {.write = write, .ctx = ctx};
    sr_buf_init(&b.buf, c->mem);
    c->slice = nparts > 1 ? &mine : NULL; /* one part: all of them */
    if (st == SITREP_OK)
        st = sr_corpus_write_records(c, flags, block_write, &b);
    c->slice = NULL;
    if (st == SITREP_OK && flush(&b))
        st = SITREP_EIO;
    if (b.nomem)
        st = SITREP_ENOMEM;
    sr_buf_free(&b.buf);
    return st;
}
