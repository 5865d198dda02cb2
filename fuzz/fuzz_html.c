/*
 * fuzz_html.c -- a web page through sitrep_doc_from_memory: the input
 * behind an "<html><body>" opening (so the page path is taken whatever the
 * bytes), and as is.  A document must satisfy fz_check_doc: every span and
 * token inside the page, write_text and write_json well formed; with the
 * counting allocator nothing may leak, and one failing allocation must end
 * in ENOMEM or OK.
 */
#include "fuzz_common.h"

#include <stdint.h>

static void one(const char *bytes, size_t n, long fail_at)
{
    sitrep_options opts;
    sitrep_options_init(&opts);
    opts.mem = &fz_mem;
    fz_mem_reset(fail_at);
    sitrep_doc *doc = NULL;
    sitrep_status st = sitrep_doc_from_memory("page", bytes, n, NULL, &opts, &doc);
    fz_check_status(st);
    if (st == SITREP_OK) {
        fz_check_doc(doc, bytes, n);
        sitrep_doc_free(doc);
    } else {
        FZ_ASSERT(doc == NULL);
        FZ_ASSERT(st == SITREP_EEMPTY || st == SITREP_EBINARY || st == SITREP_EUTF8 ||
                  (fail_at >= 0 && st == SITREP_ENOMEM));
    }
    FZ_ASSERT(fz_live == 0);
    fz_mem_reset(-1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char head[] = "<html><body>";
    char *page = malloc(sizeof head - 1 + size + 1);
    if (!page)
        return 0;
    memcpy(page, head, sizeof head - 1);
    memcpy(page + sizeof head - 1, data, size);
    size_t n = sizeof head - 1 + size;
    page[n] = '\0';
    one(page, n, -1);
    one((const char *)data, size, -1);
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 1099511628211ull;
    one(page, n, (long)(h % 64));
    free(page);
    return 0;
}
