/*
 * pipeline_parts.c -- the records of a corpus in parts, for writing them
 * on several machines at once (sitrep.dask): part k of n is a run of the
 * records in output order, so the parts one after the other are the
 * records sitrep_corpus_write_json writes, byte for byte.  The runs are
 * cut by the records' estimated bytes (report/corpus_json.c), not their
 * count: the documents and entities come first and are the longest, so
 * parts of equal count left the first part's writer the most to do.
 */
#include "corpus/corpus.h"
#include "report/report.h"

static int discard(const char *data, size_t len, void *ctx)
{
    (void)data;
    (void)len;
    (void)ctx;
    return 0;
}

sitrep_status sitrep_corpus_write_json_part(sitrep_corpus *c, unsigned flags, size_t part, size_t nparts,
                                            sitrep_write_fn write, void *ctx)
{
    if (c == NULL || write == NULL || nparts == 0 || part >= nparts)
        return SITREP_EARG;
    sitrep_status st = sitrep_corpus_finish(c);
    if (st != SITREP_OK)
        return st;
    /* the records' estimated bytes: a pass that builds none of them */
    sr_slice count = {0, 0, 0};
    c->slice = &count;
    st = sr_corpus_write_records(c, flags, discard, NULL);
    size_t total = count.n;
    sr_slice mine = {(size_t)((unsigned long long)total * part / nparts),
                     (size_t)((unsigned long long)total * (part + 1) / nparts), 0};
    c->slice = &mine;
    if (st == SITREP_OK)
        st = sr_corpus_write_records(c, flags, write, ctx);
    c->slice = NULL;
    return st;
}
