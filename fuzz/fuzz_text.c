/*
 * fuzz_text.c -- sitrep_doc_from_memory on raw bytes, then every accessor.
 *
 * Per input:
 *   1. the raw bytes with default options: the status must be OK or one of
 *      EEMPTY/EBINARY/EUTF8, agree with a NUL / UTF-8 check of our own,
 *      and an OK document must satisfy fz_check_doc (spans, tokens,
 *      sentences, write_text, write_json);
 *   2. the same bytes with hints taken from the input's first lines and the
 *      counting allocator: nothing may leak;
 *   3. the same again with one allocation failing (chosen from a hash of
 *      the input): the status must be ENOMEM or OK, nothing may leak, and
 *      write_json with the text must fail cleanly too;
 *   4. a size limit one byte short must give ETOOBIG.
 */
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>

static bool valid_utf8(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t k;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            k = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            k = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            k = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (i + k > n)
            return false;
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += k;
    }
    return true;
}

/* The n-th line of the input (at most 120 bytes) as a new string, or NULL
 * when it is missing, empty or not valid UTF-8. */
static char *nth_line(const uint8_t *data, size_t size, int n)
{
    size_t i = 0;
    for (int k = 0; k < n; k++) {
        const uint8_t *nl = memchr(data + i, '\n', size - i);
        if (!nl)
            return NULL;
        i = (size_t)(nl - data) + 1;
    }
    const uint8_t *nl = memchr(data + i, '\n', size - i);
    size_t end = nl ? (size_t)(nl - data) : size;
    size_t len = end - i;
    if (len == 0 || len > 120 || memchr(data + i, '\0', len) || !valid_utf8(data + i, len))
        return NULL;
    char *s = malloc(len + 1);
    FZ_ASSERT(s != NULL);
    memcpy(s, data + i, len);
    s[len] = '\0';
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;

    /* 1. raw bytes, defaults */
    sitrep_doc *doc = (sitrep_doc *)1;
    sitrep_status st = sitrep_doc_from_memory("fuzz", bytes, size, NULL, NULL, &doc);
    fz_check_status(st);
    if (st == SITREP_OK) {
        FZ_ASSERT(doc != NULL);
        FZ_ASSERT(size > 0);
        FZ_ASSERT(memchr(data, '\0', size < 65536 ? size : 65536) == NULL);
        FZ_ASSERT(valid_utf8(data, size));
        fz_check_doc(doc, bytes, size);
        FZ_ASSERT(strcmp(sitrep_doc_id(doc), "fuzz") == 0);
        sitrep_doc_free(doc);
    } else {
        FZ_ASSERT(doc == NULL);
        FZ_ASSERT(st == SITREP_EEMPTY || st == SITREP_EBINARY || st == SITREP_EUTF8);
        if (st == SITREP_EUTF8)
            FZ_ASSERT(!valid_utf8(data, size));
        if (size && memchr(data, '\0', size < 65536 ? size : 65536) && !fz_skip_known())
            FZ_ASSERT(st == SITREP_EBINARY); /* known: EUTF8 when a bad byte comes first */
        return 0;
    }

    /* 2. hints from the first lines, counting allocator */
    char *url = nth_line(data, size, 0), *title = nth_line(data, size, 1);
    char *published = nth_line(data, size, 2), *outlet = nth_line(data, size, 3);
    sitrep_doc_hints hints = {url, title, published, outlet};
    sitrep_options opts;
    sitrep_options_init(&opts);
    opts.mem = &fz_mem;
    fz_mem_reset(-1);
    st = sitrep_doc_from_memory(NULL, bytes, size, &hints, &opts, &doc);
    FZ_ASSERT(st == SITREP_OK);
    fz_check_doc(doc, bytes, size);
    FZ_ASSERT(strcmp(sitrep_doc_id(doc), "") == 0);
    sitrep_doc_free(doc);
    FZ_ASSERT(fz_live == 0);
    long total = fz_count;

    /* 3. one allocation fails */
    if (total > 0) {
        long at = (long)(fz_hash(data, size) % (uint32_t)(total + 1));
        fz_mem_reset(at);
        st = sitrep_doc_from_memory("x", bytes, size, &hints, &opts, &doc);
        if (at < total)
            FZ_ASSERT(st == SITREP_ENOMEM || st == SITREP_OK);
        else
            FZ_ASSERT(st == SITREP_OK);
        if (st == SITREP_OK) {
            fz_sink js = {.fail_after = -1};
            st = sitrep_doc_write_json(doc, SITREP_JSON_TEXT, fz_json_cb, &js);
            FZ_ASSERT(st == SITREP_OK || st == SITREP_ENOMEM);
            fz_sink_free(&js);
            sitrep_doc_free(doc);
        } else {
            FZ_ASSERT(doc == NULL);
        }
        FZ_ASSERT(fz_live == 0);
        fz_mem_reset(-1);
    }

    /* 4. one byte over the limit (a limit of 0 means the default) */
    if (size > 1) {
        opts.max_input_bytes = size - 1;
        st = sitrep_doc_from_memory("x", bytes, size, NULL, &opts, &doc);
        FZ_ASSERT(st == SITREP_ETOOBIG && doc == NULL);
        FZ_ASSERT(fz_live == 0);
    }

    free(url);
    free(title);
    free(published);
    free(outlet);
    return 0;
}
